import { describe, expect, it } from 'vitest';
import { planTests } from '../../../judge/core/test-plan';
import type { Json } from '../../../judge/tasks/types';
import { createSumRowsTask } from '../support/sum-rows';

describe('test plan', () => {
  it('lists samples first, then hidden tests', () => {
    const plan = planTests(createSumRowsTask({ slug: 'plan-order' }), 'secret');

    expect(plan.tests.map((test) => [test.name, test.hidden])).toEqual([
      ['sample-1', false],
      ['sample-2', false],
      ['hidden-01', true],
      ['hidden-02', true],
      ['hidden-03', true],
    ]);
  });

  it('derives hidden tests from the secret deterministically', () => {
    const task = createSumRowsTask({ slug: 'plan-secret' });
    const first = planTests(task, 'secret-a').tests[2].args;
    const again = planTests(createSumRowsTask({ slug: 'plan-secret', version: 1 }), 'secret-a').tests[2].args;
    const other = planTests(task, 'secret-b').tests[2].args;

    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('caches plans and expected outputs', () => {
    let generated = 0;
    let referenceCalls = 0;
    const base = createSumRowsTask();
    const task = createSumRowsTask({
      slug: 'plan-cache',
      hiddenTests: (random) => {
        generated += 1;
        return base.hiddenTests(random);
      },
      reference: (...args: Json[]) => {
        referenceCalls += 1;
        return base.reference(...args);
      },
    });

    const plan = planTests(task, 'secret');
    expect(planTests(task, 'secret')).toBe(plan);
    expect(plan.expected(0)).toEqual([3, 7]);
    expect(plan.expected(0)).toEqual([3, 7]);
    expect(generated).toBe(1);
    expect(referenceCalls).toBe(1);
  });

  it('keeps the tests safe from a reference that changes its input', () => {
    const task = createSumRowsTask({
      slug: 'plan-mutation',
      reference: (...args: Json[]) => {
        const rows = args[0] as number[][];
        const sums = rows.map((row) => row.reduce((a, b) => a + b, 0));
        rows.length = 0;
        return sums;
      },
    });
    const plan = planTests(task, 'secret');

    expect(plan.expected(0)).toEqual([3, 7]);
    expect(plan.tests[0].args).toEqual([[[1, 2], [3, 4]]]);
  });

  it('separates versions of a task', () => {
    const first = planTests(createSumRowsTask({ slug: 'plan-version', version: 1 }), 'secret');
    const second = planTests(createSumRowsTask({ slug: 'plan-version', version: 2 }), 'secret');

    expect(second).not.toBe(first);
    expect(second.tests[2].args).not.toEqual(first.tests[2].args);
  });
});

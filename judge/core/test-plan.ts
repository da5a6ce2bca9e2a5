import { createHash } from 'node:crypto';
import { randomFromSecret } from '../data/random';
import type { Json, TaskDefinition, TestCase } from '../tasks/types';

/** The tests of one task version under one secret: samples first, then hidden tests. */
export interface TestPlan {
  readonly tests: readonly TestCase[];
  /** The reference's output for test `index`, computed on the host once and then cached. */
  expected(index: number): Json;
}

const MAX_PLANS = 32;
const plans = new Map<string, TestPlan>();

function createPlan(task: TaskDefinition<Json>, secret: string): TestPlan {
  const samples = task.samples().map((test) => ({ ...test, hidden: false }));
  const hidden = task
    .hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'))
    .map((test) => ({ ...test, hidden: true }));
  const tests = [...samples, ...hidden];
  const outputs = new Map<number, Json>();
  return {
    tests,
    expected(index) {
      if (!outputs.has(index)) {
        // A copy, so that a reference that sorts or normalises its input in place cannot change the test.
        outputs.set(index, task.reference(...structuredClone(tests[index].args)));
      }
      return outputs.get(index) as Json;
    },
  };
}

/**
 * Returns the test plan for a task version and secret. Plans are cached per (slug, version, secret)
 * with their expected outputs, because generating hidden data and running the reference on it costs
 * far more than judging a fast submission.
 */
export function planTests(task: TaskDefinition<Json>, secret: string): TestPlan {
  const secretDigest = createHash('sha256').update(secret).digest('hex');
  const key = `${task.slug}\u0000${task.version}\u0000${secretDigest}`;
  let plan = plans.get(key);
  if (plan) {
    // Refresh its place in the least-recently-used order.
    plans.delete(key);
  } else {
    plan = createPlan(task, secret);
  }
  plans.set(key, plan);
  if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value as string);
  return plan;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/lstm';
import { LSTM_TOLERANCE } from '@/judge/tasks/lstm/scratch';
import { GATES } from '@/judge/tasks/lstm/scratch/generator';
import { lstmModel } from '@/judge/tasks/lstm/scratch/model';
import { lstmForward, type LstmOptions, type LstmOutput, type LstmWeights } from '@/judge/tasks/lstm/scratch/reference';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';

type Args = [number[][], LstmWeights, LstmOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

function asNested(result: LstmOutput): number[][] {
  return [result.output.flat(), result.h, result.c];
}

const statementPath = (locale: string) => path.join(import.meta.dirname, `../../../judge/tasks/lstm/scratch/statement.${locale}.md`);

describe('lstm reference', () => {
  it('returns the worked example of the statement', () => {
    const [sigmoid, hard, initial] = task.samples().map(argsOf);
    const expectations: [Args, number[], number[]][] = [
      [sigmoid, [0.2748, 0.597315], [1.130234]],
      [hard, [0.25656, 0.563088], [1.094619]],
      [initial, [0.282859], [0.410662]],
    ];
    for (const [args, output, cell] of expectations) {
      for (const result of [lstmForward(...args), lstmModel(...args)]) {
        result.output.flat().forEach((value, t) => expect(value).toBeCloseTo(output[t], 6));
        expect(result.h[0]).toBeCloseTo(output[output.length - 1], 6);
        expect(result.c[0]).toBeCloseTo(cell[0], 6);
      }
    }
    expect(lstmForward(...initial).output).toHaveLength(1);
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(statementPath(locale), 'utf8');
      expect(statement).toContain('`kernel = [[0.5, 0.5, 1, 0.5]]`');
      expect(statement).toContain('`recurrentKernel = [[0.1, 0.1, 0.1, 0.1]]`');
      expect(statement).toContain('`bias = [0, 1, 0, 0]`');
      expect(statement).toContain('`output = [[0.2748], [0.597315]]`');
      expect(statement).toContain('`c = [1.130234]`');
      expect(statement).toContain('`output = [[0.25656], [0.563088]]`');
      expect(statement).toContain('`c = [1.094619]`');
      expect(statement).toContain('`initialState = { h: [0.5], c: [-1] }`');
      expect(statement).toContain('`output = [0.282859]`');
      expect(statement).toContain('`c = [0.410662]`');
      expect(statement).toContain('| 1 | `[0.5, 1.5, 1, 0.5]` | 0.622459 | 0.817574 | 0.761594 | 0.622459 | 0.474061 | 0.274800 |');
      expect(statement).toContain('`c[0] = 1.13, expected 1.130234003`');
    }
  });

  it('agrees with the TensorFlow.js model within the tolerance', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        const used = toleranceUsed(asNested(lstmForward(...args)), asNested(lstmModel(...args)), LSTM_TOLERANCE);
        // The statement promises a quarter of the tolerance.
        expect(used, `${secret} ${test.name}`).toBeLessThan(0.25);
      }
    }
  });

  it('leaves no tensor behind in the TensorFlow.js model', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) lstmModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('passes its own checker and fails a nudged output', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, lstmForward(...argsOf(test)) as unknown as Json, expected), test.name).toEqual({ ok: true });
      for (const key of ['h', 'c'] as const) {
        const nudged = structuredClone(expected);
        nudged[key][0] += 1e-3 + 1e-3 * Math.abs(nudged[key][0]);
        expect(task.check(test.args, nudged as unknown as Json, expected).ok, `${test.name} ${key}`).toBe(false);
      }
    }
  });

  it('reports the missing key, then the shape, then the values', () => {
    const [sigmoid, , initial] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...sigmoid);
    const good = { output: [[0.2748], [0.597315]], h: [0.597315], c: [1.130234] };
    expect(task.check(sigmoid, { output: good.output, h: good.h }, expected)).toEqual({ ok: false, message: 'the result is missing "c"' });
    expect(task.check(sigmoid, [good.output, good.h, good.c], expected)).toEqual({
      ok: false,
      message: 'the result must be an object with "output", "h", "c", got an array',
    });
    expect(task.check(sigmoid, { ...good, output: [0.2748, 0.597315] }, expected)).toEqual({
      ok: false,
      message: 'output[0] must be an array, got a number (expected shape [2, 1])',
    });
    expect(task.check(sigmoid, { ...good, c: [1.13] }, expected)).toEqual({ ok: false, message: 'c[0] = 1.13, expected 1.130234003' });
    expect(task.check(initial, { output: [[0.282859]], h: [0.282859], c: [0.410662] }, task.reference(...initial))).toEqual({
      ok: false,
      message: 'output[0] must be a number, got an array (expected shape [1])',
    });
    const typed = { output: [new Float32Array([0.2748]), new Float64Array([0.597315])], h: new Float64Array([0.597315]), c: [1.130234] };
    expect(task.check(sigmoid, typed as unknown as Json, expected)).toEqual({ ok: true });
  });
});

describe('lstm tests', () => {
  it('has samples that do not depend on the secret', () => {
    const samples = task.samples();
    expect(samples).toEqual(task.samples());
    expect(samples.map((sample) => sample.name)).toEqual(['sample-1', 'sample-2', 'sample-3', 'sample-4']);
    expect(samples.every((sample) => !sample.hidden)).toBe(true);
  });

  it('generates the same hidden tests from the same secret and others from another', () => {
    expect(hidden('alpha')).toEqual(hidden('alpha'));
    expect(hidden('alpha')).not.toEqual(hidden('beta'));
  });

  it('names hidden tests without revealing their data and times only the large ones', () => {
    const tests = hidden('names');
    expect(tests.length).toBeGreaterThanOrEqual(12);
    expect(tests.length).toBeLessThanOrEqual(25);
    expect(tests.map((test) => test.name)).toEqual(tests.map((_, i) => `hidden-${String(i + 1).padStart(2, '0')}`));
    const timed = tests.filter((test) => test.timed);
    expect(timed).toHaveLength(3);
    expect(timed.every((test) => argsOf(test)[0].length >= 400)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    const units = ([, weights]: Args) => weights.bias.length / 4;
    expect(tests.filter(([sequence]) => sequence.length === 1)).toHaveLength(2);
    expect(tests.some((args) => args[0][0].length === 1 && units(args) === 1)).toBe(true);
    // A nonzero bias in exactly one gate, for each gate.
    for (const [block, gate] of GATES.entries()) {
      const only = tests.some((args) => {
        const u = units(args);
        const nonzero = new Set(args[1].bias.flatMap((value, j) => (value === 0 ? [] : [Math.floor(j / u)])));
        return nonzero.size === 1 && nonzero.has(block);
      });
      expect(only, gate).toBe(true);
    }
    // The hard sigmoid clips: some gate pre-activation beyond ±2.5 in a hard-sigmoid test.
    expect(tests.filter(([, , options]) => options.recurrentActivation === 'hardSigmoid').length).toBeGreaterThanOrEqual(2);
    const clipped = tests.some(([sequence, weights, options]) => {
      if (options.recurrentActivation !== 'hardSigmoid') return false;
      return sequence.some((x) => weights.bias.some((b, j) => Math.abs(b + x.reduce((sum, value, i) => sum + value * weights.kernel[i][j], 0)) > 2.5));
    });
    expect(clipped).toBe(true);
    expect(tests.some((args) => Math.max(...lstmForward(...args).c.map(Math.abs)) > 10)).toBe(true);
    expect(tests.some(([sequence, , options]) => options.initialState !== null && sequence.every((row) => row.every((value) => value === 0)))).toBe(true);
    expect(tests.filter(([, , options]) => !options.returnSequences).length).toBeGreaterThanOrEqual(4);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('lstm validateArgs', () => {
  const [sample] = task.samples();
  const [sequence, weights, options] = structuredClone(argsOf(sample));
  const withWeights = (change: Partial<Record<keyof LstmWeights, unknown>>) => [sequence, { ...weights, ...change }, options];
  const withOptions = (change: Record<string, unknown>) => [sequence, weights, { ...options, ...change }];

  it('accepts valid input', () => {
    expect(task.validateArgs([sequence, weights, options])).toBeNull();
    expect(task.validateArgs(withOptions({ recurrentActivation: 'hardSigmoid', returnSequences: false, initialState: { h: [0.5], c: [-1] } }))).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[sequence, weights, options, 1], 'expected 3 arguments (sequence, weights, options), got 4'],
      [[{}, weights, options], 'sequence must be an array of number arrays, got an object'],
      [[[[]], weights, options], 'sequence has 0 features per step, expected 1 to 128'],
      [[[[1], [Infinity]], weights, options], 'sequence[1][0] = Infinity, expected a finite number'],
      [withWeights({ kernel: [[0.5, 0.5, 1]] }), 'weights.kernel has 3 columns, expected a multiple of 4 (one block of units per gate i, f, c, o)'],
      [withWeights({ kernel: [[0.5, 0.5, 1, 0.5], [0, 0, 0, 0]] }), 'weights.kernel has 2 rows, expected 1 (weights.kernel is [inputDim, 4 * units])'],
      [
        withWeights({ recurrentKernel: [[0.1, 0.1, 0.1]] }),
        'weights.recurrentKernel[0] has length 3, expected 4 (weights.recurrentKernel is [units, 4 * units])',
      ],
      [withWeights({ bias: [0, 1, 0] }), 'weights.bias has length 3, expected 4'],
      [[sequence, { kernel: weights.kernel, recurrentKernel: weights.recurrentKernel }, options], 'weights is missing "bias"'],
      [withOptions({ recurrentActivation: 'hard_sigmoid' }), 'options.recurrentActivation must be "sigmoid" or "hardSigmoid", got "hard_sigmoid"'],
      [withOptions({ returnSequences: 'true' }), 'options.returnSequences must be true or false, got "true"'],
      [withOptions({ initialState: { h: [0.5] } }), 'options.initialState is missing "c" (initialState is null or {h: [units], c: [units]})'],
      [withOptions({ initialState: { h: [0.5], c: [1, 2] } }), 'options.initialState.c has length 2, expected 1'],
      [[sequence, weights, { recurrentActivation: 'sigmoid', initialState: null }], 'options is missing "returnSequences"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('lstm fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('lstm-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects the Keras 3 hard sigmoid only on hard-sigmoid tests', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-keras3-hard-sigmoid.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    const tests = new Map([...task.samples(), ...hidden('host-fixtures')].map((test) => [test.name, argsOf(test)]));
    expect(result.failures.length).toBeGreaterThan(0);
    for (const failure of result.failures) expect(tests.get(failure.name)?.[2].recurrentActivation, failure.name).toBe('hardSigmoid');
  });
});

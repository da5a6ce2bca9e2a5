import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/rnn';
import { RNN_TOLERANCE } from '@/judge/tasks/rnn/scratch';
import { simpleRnnModel } from '@/judge/tasks/rnn/scratch/model';
import { rnnForward, type SimpleRnnOptions, type SimpleRnnWeights } from '@/judge/tasks/rnn/scratch/reference';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';

type Args = [number[][], SimpleRnnWeights, SimpleRnnOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

const statementPath = (locale: string) => path.join(import.meta.dirname, `../../../judge/tasks/rnn/scratch/statement.${locale}.md`);

describe('rnn reference', () => {
  it('returns the worked example of the statement', () => {
    const [sequences, lastRelu] = task.samples().map(argsOf);
    for (const output of [rnnForward(...sequences), simpleRnnModel(...sequences)] as number[][][]) {
      const expected = [
        [0.604368, 0.099668],
        [0.002184, 0.244763],
      ];
      output.forEach((row, t) => row.forEach((value, j) => expect(value).toBeCloseTo(expected[t][j], 6)));
    }
    for (const output of [rnnForward(...lastRelu), simpleRnnModel(...lastRelu)] as number[][]) {
      expect(output).toHaveLength(2);
      expect(output[0]).toBeCloseTo(0.3, 6);
      expect(output[1]).toBeCloseTo(0.2, 6);
    }
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(statementPath(locale), 'utf8');
      expect(statement).toContain('`sequence = [[1, 2], [0, -1]]`');
      expect(statement).toContain('`kernel = [[0.1, 0.2], [0.3, -0.1]]`');
      expect(statement).toContain('`recurrentKernel = [[0.5, 0], [0, 0.5]]`');
      expect(statement).toContain('`bias = [0, 0.1]`');
      expect(statement).toContain('`[[0.604368, 0.099668], [0.002184, 0.244763]]`');
      expect(statement).toContain('`initialState = [1, -2]`');
      expect(statement).toContain('`[0.3, 0.2]`');
      expect(statement).toContain('`output[0][0] = 0.6, expected 0.6043677926`');
    }
  });

  it('agrees with the TensorFlow.js model within the tolerance', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        const used = toleranceUsed(rnnForward(...args), simpleRnnModel(...args), RNN_TOLERANCE);
        // The statement promises a third of the tolerance; float32 against float64 needs less.
        expect(used, `${secret} ${test.name}`).toBeLessThan(1 / 3);
      }
    }
  });

  it('leaves no tensor behind in the TensorFlow.js model', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) simpleRnnModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('passes its own checker and fails a nudged output', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, rnnForward(...argsOf(test)), expected), test.name).toEqual({ ok: true });
      const nudged = structuredClone(expected);
      if (Array.isArray(nudged[0])) nudged[0][0] += 1e-3 + 1e-3 * Math.abs(nudged[0][0]);
      else (nudged as number[])[0] += 1e-3 + 1e-3 * Math.abs((nudged as number[])[0]);
      expect(task.check(test.args, nudged, expected).ok, test.name).toBe(false);
    }
  });

  it('reports the shape before the values', () => {
    const [sequences, lastRelu] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...sequences);
    expect(task.check(sequences, [[0.604368, 0.099668]], expected)).toEqual({
      ok: false,
      message: 'output has length 1, expected 2 (expected shape [2, 2])',
    });
    expect(task.check(sequences, [[0.6, 0.099668], [0.002184, 0.244763]], expected)).toEqual({
      ok: false,
      message: 'output[0][0] = 0.6, expected 0.6043677926',
    });
    expect(task.check(lastRelu, [[0.3, 0.2]], task.reference(...lastRelu))).toEqual({
      ok: false,
      message: 'output has length 1, expected 2 (expected shape [2])',
    });
    const typed = [new Float32Array([0.604368, 0.099668]), new Float64Array([0.002184, 0.244763])] as unknown as Json;
    expect(task.check(sequences, typed, expected)).toEqual({ ok: true });
  });
});

describe('rnn tests', () => {
  it('has samples that do not depend on the secret', () => {
    const samples = task.samples();
    expect(samples).toEqual(task.samples());
    expect(samples.map((sample) => sample.name)).toEqual(['sample-1', 'sample-2', 'sample-3']);
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
    const units = ([, weights]: Args) => weights.bias.length;
    expect(tests.filter(([sequence]) => sequence.length === 1)).toHaveLength(2);
    expect(tests.some((args) => args[0][0].length === 1 && units(args) === 1)).toBe(true);
    expect(tests.some((args) => args[0][0].length > units(args))).toBe(true);
    expect(tests.some(([, , options]) => options.activation === 'relu' && options.initialState !== null)).toBe(true);
    expect(tests.some(([sequence, , options]) => options.initialState !== null && sequence.every((row) => row.every((value) => value === 0)))).toBe(true);
    expect(tests.some(([sequence]) => sequence.some((row) => row.some((value) => value < -40)))).toBe(true);
    expect(tests.filter(([, , options]) => !options.returnSequences).length).toBeGreaterThanOrEqual(4);
    // Saturated tanh: most states of some test within 1e-3 of ±1.
    const saturated = tests.some((args) => {
      if (args[2].activation !== 'tanh' || !args[2].returnSequences) return false;
      const states = (rnnForward(...args) as number[][]).flat();
      return states.filter((value) => Math.abs(value) > 0.999).length > states.length / 2;
    });
    expect(saturated).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('rnn validateArgs', () => {
  const [sample] = task.samples();
  const [sequence, weights, options] = structuredClone(argsOf(sample));
  const withWeights = (change: Partial<Record<keyof SimpleRnnWeights, unknown>>) => [sequence, { ...weights, ...change }, options];
  const withOptions = (change: Record<string, unknown>) => [sequence, weights, { ...options, ...change }];

  it('accepts valid input', () => {
    expect(task.validateArgs([sequence, weights, options])).toBeNull();
    expect(task.validateArgs(withOptions({ activation: 'relu', returnSequences: false, initialState: [1, -2] }))).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[sequence, weights], 'expected 3 arguments (sequence, weights, options), got 2'],
      [['x', weights, options], 'sequence must be an array of number arrays, got a string'],
      [[[], weights, options], 'sequence has 0 steps, expected 1 to 512'],
      [[[[1, 2], [0]], weights, options], 'sequence[1] has length 1, expected 2'],
      [[[[1, Number.NaN], [0, -1]], weights, options], 'sequence[0][1] = NaN, expected a finite number'],
      [[Array.from({ length: 513 }, () => [0, 0]), weights, options], 'sequence has 513 steps, expected 1 to 512'],
      [[sequence, { kernel: weights.kernel, bias: weights.bias }, options], 'weights is missing "recurrentKernel"'],
      [withWeights({ kernel: [[0.1, 0.2]] }), 'weights.kernel has 1 rows, expected 2 (weights.kernel is [inputDim, units])'],
      [withWeights({ kernel: [[], []] }), 'weights.kernel has 0 columns, expected 1 to 128 (weights.kernel is [inputDim, units])'],
      [
        withWeights({ recurrentKernel: [[0.5], [0]] }),
        'weights.recurrentKernel[0] has length 1, expected 2 (weights.recurrentKernel is [units, units])',
      ],
      [withWeights({ bias: [0] }), 'weights.bias has length 1, expected 2'],
      [withOptions({ activation: 'sigmoid' }), 'options.activation must be "tanh" or "relu", got "sigmoid"'],
      [withOptions({ returnSequences: 1 }), 'options.returnSequences must be true or false, got 1'],
      [withOptions({ initialState: [1] }), 'options.initialState has length 1, expected 2 (initialState is null or [units])'],
      [[sequence, weights, { activation: 'tanh', returnSequences: true }], 'options is missing "initialState"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('rnn fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('rnn-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects an ignored initial state only where one is given', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-initial-state-ignored.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    const tests = new Map([...task.samples(), ...hidden('host-fixtures')].map((test) => [test.name, argsOf(test)]));
    expect(result.failures.length).toBeGreaterThan(0);
    for (const failure of result.failures) expect(tests.get(failure.name)?.[2].initialState, failure.name).not.toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/self-attention';
import { SELF_ATTENTION_TOLERANCE } from '@/judge/tasks/self-attention/scratch';
import { selfAttentionModel } from '@/judge/tasks/self-attention/scratch/model';
import {
  attentionScores,
  selfAttention,
  type SelfAttentionOptions,
  type SelfAttentionWeights,
} from '@/judge/tasks/self-attention/scratch/reference';
import { largestScore, OVERFLOW_LOGIT } from '@/judge/tasks/self-attention/scratch/score-gaps';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';

type Args = [number[][], SelfAttentionWeights, SelfAttentionOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

const statementPath = (locale: string) =>
  path.join(import.meta.dirname, `../../../judge/tasks/self-attention/scratch/statement.${locale}.md`);

describe('self-attention reference', () => {
  it('returns the worked example', () => {
    const [plain, causal, masked] = task.samples().map(argsOf);
    const expectations: [Args, number[][]][] = [
      [plain, [[0.731059, 1], [0.5, 1.964028]]],
      [causal, [[1, 0], [0.5, 1.964028]]],
      [masked, [[0.5, -0.5], [1, 1.464028]]],
    ];
    for (const [args, expected] of expectations) {
      for (const output of [selfAttention(...args), selfAttentionModel(...args)]) {
        output.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(expected[i][j], 6)));
      }
    }
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(statementPath(locale), 'utf8');
      expect(statement).toContain('`input = [[1, 0], [0, 2]]`');
      expect(statement).toContain('`[[0.731059, 1], [0.5, 1.964028]]`');
      expect(statement).toContain('`[[1, 0], [0.5, 1.964028]]`');
      expect(statement).toContain('`attentionMask = [[0, 0], [1, 1]]`');
      expect(statement).toContain('`output.bias = [0.5, -0.5]`');
      expect(statement).toContain('`[[0.5, -0.5], [1, 1.464028]]`');
    }
  });

  it('agrees with the TensorFlow.js model', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        const used = toleranceUsed(selfAttention(...args), selfAttentionModel(...args), SELF_ATTENTION_TOLERANCE);
        // Half the tolerance: float32 against float64 with room to spare.
        expect(used, `${secret} ${test.name}`).toBeLessThan(0.5);
      }
    }
  });

  it('model leaves no tensor behind', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) selfAttentionModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('fully blocked row gets output bias', () => {
    const [, , masked] = task.samples().map(argsOf);
    const [input, weights] = masked;
    const allBlocked: SelfAttentionOptions = { numHeads: 2, causal: true, attentionMask: [[0, 0], [0, 0]] };
    expect(selfAttention(input, weights, allBlocked)).toEqual([[0.5, -0.5], [0.5, -0.5]]);
    expect(selfAttentionModel(input, weights, allBlocked)).toEqual([[0.5, -0.5], [0.5, -0.5]]);
  });

  it('checker passes reference, fails nudge', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, selfAttention(...argsOf(test)), expected), test.name).toEqual({ ok: true });
      const nudged = expected.map((row) => row.slice());
      nudged[0][0] += 1e-3 + 1e-3 * Math.abs(nudged[0][0]);
      expect(task.check(test.args, nudged, expected).ok, test.name).toBe(false);
    }
  });

  it('reports the shape before the values', () => {
    const [args] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...args);
    expect(task.check(args, [[0.731059, 1]], expected)).toEqual({
      ok: false,
      message: 'output has length 1, expected 2 (expected shape [2, 2])',
    });
    expect(task.check(args, [[0.731059, 1], [0.5, Number.NaN]], expected)).toEqual({
      ok: false,
      message: 'output[1][1] = NaN, expected 1.964027524',
    });
    expect(task.check(args, [new Float32Array([0.731059, 1]), new Float64Array([0.5, 1.964028])] as unknown as Json, expected)).toEqual({
      ok: true,
    });
  });
});

describe('self-attention tests', () => {
  it('samples independent of the secret', () => {
    const samples = task.samples();
    expect(samples).toEqual(task.samples());
    expect(samples.map((sample) => sample.name)).toEqual(['sample-1', 'sample-2', 'sample-3', 'sample-4']);
    expect(samples.every((sample) => !sample.hidden)).toBe(true);
  });

  it('hidden tests deterministic per secret', () => {
    expect(hidden('alpha')).toEqual(hidden('alpha'));
    expect(hidden('alpha')).not.toEqual(hidden('beta'));
  });

  it('hidden test names and timing', () => {
    const tests = hidden('names');
    expect(tests.length).toBeGreaterThanOrEqual(12);
    expect(tests.length).toBeLessThanOrEqual(25);
    expect(tests.map((test) => test.name)).toEqual(tests.map((_, i) => `hidden-${String(i + 1).padStart(2, '0')}`));
    const timed = tests.filter((test) => test.timed);
    expect(timed).toHaveLength(3);
    expect(timed.every((test) => argsOf(test)[0].length >= 96)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    const blockedRows = ([input, , options]: Args) =>
      input.filter((_, i) => input.every((__, j) => (options.causal && j > i) || (options.attentionMask !== null && options.attentionMask[i][j] !== 1))).length;
    expect(tests.filter(([input]) => input.length === 1)).toHaveLength(3);
    expect(tests.some(([, , options]) => options.numHeads === 1)).toBe(true);
    expect(tests.some(([, weights, options]) => weights.query.bias.length / options.numHeads === 1 && options.numHeads >= 8)).toBe(true);
    expect(tests.some(([, weights]) => weights.query.bias.length !== weights.value.bias.length)).toBe(true);
    expect(tests.some((args) => args[2].causal && args[2].attentionMask !== null && blockedRows(args) > 0)).toBe(true);
    expect(tests.some((args) => blockedRows(args) === args[0].length && args[0].length > 1)).toBe(true);
    const scores = tests.map((args) => attentionScores(...args));
    expect(scores.filter((score) => largestScore(score) > OVERFLOW_LOGIT).length).toBeGreaterThanOrEqual(3);
    expect(
      scores.some((score) => score.every((head) => head.every((row) => row.every((value) => value === null || value < -OVERFLOW_LOGIT)))),
    ).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('self-attention validateArgs', () => {
  const [sample] = task.samples();
  const [input, weights, options] = structuredClone(argsOf(sample));
  const withWeights = (change: Partial<Record<keyof SelfAttentionWeights, unknown>>) => [input, { ...weights, ...change }, options];
  const withOptions = (change: Record<string, unknown>) => [input, weights, { ...options, ...change }];

  it('accepts valid input', () => {
    expect(task.validateArgs([input, weights, options])).toBeNull();
    expect(task.validateArgs(withOptions({ causal: true, attentionMask: [[1, 0], [1, 1]] }))).toBeNull();
  });

  it('rejects bad input with messages', () => {
    const cases: [unknown[], string][] = [
      [[input, weights], 'expected 3 arguments (input, weights, options), got 2'],
      [['x', weights, options], 'input must be an array of number arrays, got a string'],
      [[[[1, 0], [0]], weights, options], 'input[1] has length 1, expected 2'],
      [[[[1, Number.NaN], [0, 2]], weights, options], 'input[0][1] = NaN, expected a finite number'],
      [[Array.from({ length: 129 }, () => [0, 0]), weights, { ...options, attentionMask: null }], 'input has 129 rows, expected 1 to 128'],
      [[input, { query: weights.query }, options], 'weights is missing "key"'],
      [
        withWeights({ key: { kernel: [[1], [0]], bias: [0] } }),
        'weights.key.kernel[0] has length 1, expected 2 (weights.key.kernel is [inputDim, units] with inputDim 2)',
      ],
      [withWeights({ value: { kernel: [[1, 0], [0, 1]], bias: [0] } }), 'weights.value.bias has length 1, expected 2'],
      [
        withWeights({ output: { kernel: [[1, 0]], bias: [0, 0] } }),
        'weights.output.kernel has 1 rows, expected 2 (weights.output.kernel is [inputDim, units] with inputDim 2)',
      ],
      [withOptions({ numHeads: 3 }), 'options.numHeads = 3 does not divide the 2 columns of weights.query.kernel'],
      [withOptions({ numHeads: 0 }), 'options.numHeads = 0, expected at least 1'],
      [withOptions({ causal: 'yes' }), 'options.causal must be true or false, got "yes"'],
      [
        withOptions({ attentionMask: [[1, 0.5], [1, 1]] }),
        'options.attentionMask[0][1] = 0.5, expected 0 or 1 (attentionMask is null or [n, n] of 0 and 1)',
      ],
      [withOptions({ attentionMask: [[1, 1]] }), 'options.attentionMask has 1 rows, expected 2 (attentionMask is null or [n, n] of 0 and 1)'],
      [[input, weights, { numHeads: 2, causal: false }], 'options is missing "attentionMask"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('self-attention fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('self-attention-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('unshifted softmax fails on large logits', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-softmax-without-max-shift.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    const large = new Set(
      hidden('host-fixtures')
        .filter((test) => largestScore(attentionScores(...argsOf(test))) > OVERFLOW_LOGIT)
        .map((test) => test.name),
    );
    expect(result.failures.length).toBeGreaterThan(0);
    for (const failure of result.failures) {
      expect(large.has(failure.name), failure.name).toBe(true);
      expect(failure.message).toMatch(/= NaN, expected/);
    }
  });

  it('uniform blocked row is rejected', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-blocked-row-uniform.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.failures[0]).toEqual({ name: 'sample-3', message: 'output[0][0] = 1.231058579, expected 0.5' });
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { attentionScores } from '@/judge/tasks/self-attention/scratch/reference';
import { largestScore, OVERFLOW_LOGIT } from '@/judge/tasks/self-attention/scratch/score-gaps';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import { task } from '@/judge/tasks/transformer';
import { TRANSFORMER_TOLERANCE } from '@/judge/tasks/transformer/scratch';
import { encoderBlockModel } from '@/judge/tasks/transformer/scratch/model';
import {
  layerNormRows,
  transformerEncoderBlock,
  type EncoderBlockOptions,
  type EncoderBlockWeights,
} from '@/judge/tasks/transformer/scratch/reference';
import type { TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';

type Args = [number[][], EncoderBlockWeights, EncoderBlockOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

const statementPath = (locale: string) => path.join(import.meta.dirname, `../../../judge/tasks/transformer/scratch/statement.${locale}.md`);

describe('transformer reference', () => {
  it('returns the worked example', () => {
    const [postNorm, preNorm, padded] = task.samples().map(argsOf);
    const expectations: [Args, number[][]][] = [
      [postNorm, [[-0.999778, 0.999778]]],
      [preNorm, [[0.0004996, 4.999375]]],
      [padded, [[-0.999778, 0.999778], [0.999777, -0.999777]]],
    ];
    for (const [args, expected] of expectations) {
      for (const output of [transformerEncoderBlock(...args), encoderBlockModel(...args)]) {
        output.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(expected[i][j], 6)));
      }
    }
    // The intermediate values of the statement's steps.
    const [input, weights, options] = postNorm;
    expect(layerNormRows([[2, 6]], weights.attentionNorm, options.epsilon)[0][1]).toBeCloseTo(0.999875, 6);
    expect(layerNormRows(input, weights.attentionNorm, options.epsilon)[0][1]).toBeCloseTo(0.9995004, 7);
    const epsilonOutside = 2 / (2 + options.epsilon);
    expect(epsilonOutside).toBeCloseTo(0.9995, 6);

    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(statementPath(locale), 'utf8');
      expect(statement).toContain('`input = [[1, 3]]`');
      expect(statement).toContain('`[[-0.999778, 0.999778]]`');
      expect(statement).toContain('`[[0.0004996, 4.999375]]`');
      expect(statement).toContain('`input = [[1, 3], [2, -1]]`');
      expect(statement).toContain('`paddingMask = [1, 0]`');
      expect(statement).toContain('`[[-0.999778, 0.999778], [0.999777, -0.999777]]`');
      expect(statement).toContain('-0.999875, 0.999875');
    }
  });

  it('agrees with the TensorFlow.js model', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        const used = toleranceUsed(transformerEncoderBlock(...args), encoderBlockModel(...args), TRANSFORMER_TOLERANCE);
        expect(used, `${secret} ${test.name}`).toBeLessThan(0.1);
      }
    }
  });

  it('model leaves no tensor behind', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) encoderBlockModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('all-padding rows pass the bias', () => {
    const [input, weights] = argsOf(task.samples()[3]);
    const allPadding: EncoderBlockOptions = { numHeads: 2, epsilon: 1e-3, normalizeFirst: false, paddingMask: [0, 0, 0, 0] };
    // With every key blocked, MHA(x) is the output bias, so the block equals one without attention
    // whose attention output kernel is zero.
    const silenced = structuredClone(weights);
    silenced.attention.output.kernel = silenced.attention.output.kernel.map((row) => row.map(() => 0));
    const unmasked = { ...allPadding, paddingMask: null };
    expect(transformerEncoderBlock(input, weights, allPadding)).toEqual(transformerEncoderBlock(input, silenced, unmasked));
    expect(toleranceUsed(encoderBlockModel(input, weights, allPadding), transformerEncoderBlock(input, silenced, unmasked), TRANSFORMER_TOLERANCE)).toBeLessThan(0.5);
  });

  it('checker passes reference, fails nudge', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, transformerEncoderBlock(...argsOf(test)), expected), test.name).toEqual({ ok: true });
      const nudged = expected.map((row) => row.slice());
      nudged.at(-1)![0] += 1e-3 + 1e-3 * Math.abs(nudged.at(-1)![0]);
      expect(task.check(test.args, nudged, expected).ok, test.name).toBe(false);
    }
  });
});

describe('transformer tests', () => {
  it('samples independent of the secret', () => {
    const samples = task.samples();
    expect(samples).toEqual(task.samples());
    expect(samples.map((sample) => sample.name)).toEqual(['sample-1', 'sample-2', 'sample-3', 'sample-4']);
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
    expect(timed.every((test) => argsOf(test)[0].length >= 48)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    for (const normalizeFirst of [false, true]) {
      const arrangement = tests.filter(([, , options]) => options.normalizeFirst === normalizeFirst);
      expect(arrangement.some(([input]) => input.length === 1)).toBe(true);
      expect(arrangement.some(([, , options]) => options.paddingMask !== null && options.paddingMask.every((value) => value === 0))).toBe(true);
      const scores = arrangement.map(([input, weights, options]) => {
        const attended = options.normalizeFirst ? layerNormRows(input, weights.attentionNorm, options.epsilon) : input;
        return attentionScores(attended, weights.attention, { numHeads: options.numHeads, causal: false, attentionMask: null });
      });
      expect(scores.some((score) => largestScore(score) > OVERFLOW_LOGIT)).toBe(true);
    }
    const epsilons = new Set(tests.map(([, , options]) => options.epsilon));
    expect([...epsilons].sort((a, b) => a - b)).toEqual([1e-6, 1e-5, 1e-3, 0.1]);
    expect(tests.some(([, , options]) => options.numHeads === 1)).toBe(true);
    expect(tests.some(([input, weights]) => weights.attention.query.bias.length !== input[0].length)).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('transformer validateArgs', () => {
  const [input, weights, options] = structuredClone(argsOf(task.samples()[3]));
  const withOptions = (change: Record<string, unknown>) => [input, weights, { ...options, ...change }];

  it('accepts valid input', () => {
    expect(task.validateArgs([input, weights, options])).toBeNull();
    expect(task.validateArgs(withOptions({ paddingMask: null, normalizeFirst: true, epsilon: 1e-12 }))).toBeNull();
  });

  it('rejects bad input with messages', () => {
    const wrongOutput = structuredClone(weights);
    wrongOutput.attention.output.kernel = wrongOutput.attention.output.kernel.map((row) => row.slice(1));
    const wrongInner = structuredClone(weights);
    wrongInner.feedForwardOutput.kernel = wrongInner.feedForwardOutput.kernel.slice(1);
    const noNorm = structuredClone(weights) as Partial<EncoderBlockWeights>;
    delete noNorm.feedForwardNorm;
    const shortGamma = structuredClone(weights);
    shortGamma.attentionNorm.gamma = [1];
    const cases: [unknown[], string][] = [
      [[input, weights], 'expected 3 arguments (input, weights, options), got 2'],
      [[Array.from({ length: 65 }, () => input[0]), weights, { ...options, paddingMask: null }], 'input has 65 rows, expected 1 to 64'],
      [[input, noNorm, options], 'weights is missing "feedForwardNorm"'],
      [[input, wrongOutput, options], 'weights.attention.output.kernel[0] has length 3, expected 4 (weights.attention.output.kernel is [inputDim, units] with inputDim 4)'],
      [[input, wrongInner, options], 'weights.feedForwardOutput.kernel has 7 rows, expected 8 (weights.feedForwardOutput.kernel is [inputDim, units] with inputDim 8)'],
      [[input, shortGamma, options], 'weights.attentionNorm.gamma has length 1, expected 4'],
      [withOptions({ numHeads: 3 }), 'options.numHeads = 3 does not divide the 4 columns of weights.attention.query.kernel'],
      [withOptions({ epsilon: 0 }), 'options.epsilon = 0, expected at least 1e-12'],
      [withOptions({ epsilon: 2 }), 'options.epsilon = 2, expected at most 1'],
      [withOptions({ normalizeFirst: 1 }), 'options.normalizeFirst must be true or false, got 1'],
      [withOptions({ paddingMask: [1, 1, 2, 0] }), 'options.paddingMask[2] = 2, expected 0 or 1 (paddingMask is null or [n] of 0 and 1)'],
      [withOptions({ paddingMask: [1, 1] }), 'options.paddingMask has length 2, expected 4 (paddingMask is null or [n] of 0 and 1)'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('transformer fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('transformer-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('epsilon outside root fails sample', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-epsilon-outside-sqrt.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.failures[0]).toEqual({ name: 'sample-1', message: 'output[0][0] = -0.9993334446, expected -0.9997777939' });
  });

  it('unshifted softmax fails on large logits', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-softmax-without-max-shift.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.failures.length).toBeGreaterThan(0);
    for (const failure of result.failures) expect(failure.message, failure.name).toMatch(/= NaN, expected/);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/cnn';
import { CNN_TOLERANCE } from '@/judge/tasks/cnn/scratch';
import { OVERFLOW_LOGIT } from '@/judge/tasks/cnn/scratch/generator';
import { cnnModel } from '@/judge/tasks/cnn/scratch/model';
import { cnnForward, cnnLogits, planAxis, type CnnOptions, type CnnWeights } from '@/judge/tasks/cnn/scratch/reference';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';

type Args = [number[][][], CnnWeights, CnnOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

const statementPath = (locale: string) => path.join(import.meta.dirname, `../../../judge/tasks/cnn/scratch/statement.${locale}.md`);

describe('cnn reference', () => {
  it('returns the worked example of the statement', () => {
    const [relu, linear] = task.samples().map(argsOf);
    const expectations: [Args, number[], number[]][] = [
      [relu, [-0.5, 2.5], [0.047426, 0.952574]],
      [linear, [-0.5, 2], [0.075858, 0.924142]],
    ];
    for (const [args, logits, probabilities] of expectations) {
      expect(cnnLogits(...args)).toEqual(logits);
      for (const output of [cnnForward(...args), cnnModel(...args)]) {
        output.forEach((value, k) => expect(value).toBeCloseTo(probabilities[k], 6));
      }
    }
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(statementPath(locale), 'utf8');
      expect(statement).toContain('`image = [[[1], [-2], [3]], [[-1], [2], [0]], [[2], [-3], [1]]]`');
      expect(statement).toContain('`conv.kernel = [[[[1]], [[-1]]], [[[0.5]], [[1]]]]`');
      expect(statement).toContain('`dense.kernel = [[1, 0], [0, 1], [-1, 0], [0, -1]]`');
      expect(statement).toContain('`[[4, -4.5, 2.5], [-5.5, 1, 0], [4.5, -4.5, 0.5]]`');
      expect(statement).toContain('`[[4, 2.5], [4.5, 0.5]]`');
      expect(statement).toContain('`[0.047426, 0.952574]`');
      expect(statement).toContain('`[[1.5, -7, 0], [-8, -1.5, -2.5], [2, -7, -2]]`');
      expect(statement).toContain('`[[1.5, 0], [2, -2]]`');
      expect(statement).toContain('`[0.075858, 0.924142]`');
      expect(statement).toContain('`[0.377541, 0.622459]`');
      expect(statement).toContain('`output[0] = 0.5, expected 0.04742587358`');
    }
  });

  it('pads unevenly by the TensorFlow rule', () => {
    expect(planAxis(3, 2, 1, 'same')).toEqual({ size: 3, before: 0 });
    expect(planAxis(8, 3, 2, 'same')).toEqual({ size: 4, before: 0 });
    expect(planAxis(7, 3, 2, 'same')).toEqual({ size: 4, before: 1 });
    expect(planAxis(7, 4, 1, 'same')).toEqual({ size: 7, before: 1 });
    expect(planAxis(9, 3, 2, 'valid')).toEqual({ size: 4, before: 0 });
    expect(planAxis(2, 3, 1, 'valid').size).toBe(0);
  });

  it('agrees with the TensorFlow.js model within the tolerance', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        const used = toleranceUsed(cnnForward(...args), cnnModel(...args), CNN_TOLERANCE);
        // The statement promises a tenth of the tolerance.
        expect(used, `${secret} ${test.name}`).toBeLessThan(0.1);
      }
    }
  });

  it('leaves no tensor behind in the TensorFlow.js model', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) cnnModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('passes its own checker and fails a nudged output', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, cnnForward(...argsOf(test)), expected), test.name).toEqual({ ok: true });
      const nudged = expected.slice();
      nudged[0] += 1e-3 + 1e-3 * Math.abs(nudged[0]);
      expect(task.check(test.args, nudged, expected).ok, test.name).toBe(false);
    }
  });

  it('reports the shape before the values', () => {
    const [args] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...args);
    expect(task.check(args, [0.047426], expected)).toEqual({ ok: false, message: 'output has length 1, expected 2 (expected shape [2])' });
    expect(task.check(args, [0.5, 0.952574], expected)).toEqual({ ok: false, message: 'output[0] = 0.5, expected 0.04742587358' });
    expect(task.check(args, [Number.NaN, 0.952574], expected)).toEqual({ ok: false, message: 'output[0] = NaN, expected 0.04742587358' });
    expect(task.check(args, new Float32Array([0.047426, 0.952574]) as unknown as Json, expected)).toEqual({ ok: true });
  });
});

describe('cnn tests', () => {
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
    expect(timed.every((test) => argsOf(test)[0].length >= 48)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    const kernelSize = ([, weights]: Args) => [weights.conv.kernel.length, weights.conv.kernel[0].length];
    expect(tests.some(([image]) => image.length === 1 && image[0].length === 1)).toBe(true);
    expect(tests.some(([, weights]) => weights.dense.bias.length === 1)).toBe(true);
    // 'same' padding that is uneven: an odd total somewhere.
    const uneven = tests.filter(([image, weights, options]) => {
      if (options.padding !== 'same') return false;
      const [kh] = kernelSize([image, weights, options]);
      const out = Math.ceil(image.length / options.strides);
      return ((out - 1) * options.strides + kh - image.length) % 2 === 1;
    });
    expect(uneven.length).toBeGreaterThanOrEqual(2);
    expect(tests.some((args) => kernelSize(args)[0] !== kernelSize(args)[1])).toBe(true);
    expect(tests.some(([image]) => image.length !== image[0].length)).toBe(true);
    expect(tests.some(([image, , options]) => options.padding === 'valid' && options.strides > 1 && (image.length - 1) % options.strides !== 0)).toBe(true);
    expect(tests.some(([, , options]) => options.poolStrides < options.poolSize && options.poolPadding === 'same')).toBe(true);
    // A linear activation with negative inputs: some pooling window must hold only negative values.
    expect(tests.some(([image, , options]) => options.activation === 'linear' && image.flat(2).every((value) => value < 0))).toBe(true);
    const logits = tests.map((args) => cnnLogits(...args));
    expect(logits.some((row) => Math.max(...row) > OVERFLOW_LOGIT)).toBe(true);
    expect(logits.some((row) => Math.max(...row) < -OVERFLOW_LOGIT)).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('cnn validateArgs', () => {
  const [sample] = task.samples();
  const [image, weights, options] = structuredClone(argsOf(sample));
  const withWeights = (change: Record<string, unknown>) => [image, { ...weights, ...change }, options];
  const withOptions = (change: Record<string, unknown>) => [image, weights, { ...options, ...change }];

  it('accepts valid input', () => {
    expect(task.validateArgs([image, weights, options])).toBeNull();
    expect(task.validateArgs(withOptions({ padding: 'valid', poolSize: 1, poolStrides: 1, poolPadding: 'valid' }))).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[image, weights], 'expected 3 arguments (image, weights, options), got 2'],
      [[[[1, 2]], weights, options], 'image[0][0] must be an array of channels, got a number'],
      [[[], weights, options], 'image has 0 rows, expected 1 to 64'],
      [[[[[1], [2]], [[3]]], weights, options], 'image[1] has length 1, expected 2'],
      [[[[[1], [Number.NaN]]], weights, options], 'image[0][1][0] = NaN, expected a finite number'],
      [[Array.from({ length: 65 }, () => [[0]]), weights, options], 'image has 65 rows, expected 1 to 64'],
      [[image, { conv: weights.conv }, options], 'weights is missing "dense"'],
      [
        withWeights({ conv: { kernel: [[[[1, 2]], [[-1, 0]]]], bias: [0] } }),
        'weights.conv.bias has length 1, expected 2',
      ],
      [
        withWeights({ conv: { kernel: [[[[1], [2]]]], bias: [0] } }),
        'weights.conv.kernel[0][0] has 2 input channels, expected 1 (weights.conv.kernel is [kh, kw, inChannels, filters] with inChannels 1)',
      ],
      [withWeights({ dense: { kernel: [[1, 0], [0, 1]], bias: [0, 0.5] } }), 'weights.dense.kernel has 2 rows, expected 4 (weights.dense.kernel is [flatSize, classes] with flatSize 2·2·1 = 4)'],
      [withWeights({ dense: { kernel: weights.dense.kernel, bias: [0] } }), 'weights.dense.bias has length 1, expected 2'],
      [withOptions({ strides: 0 }), 'options.strides = 0, expected at least 1'],
      [withOptions({ strides: 1.5 }), 'options.strides = 1.5, expected an integer'],
      [withOptions({ padding: 'full' }), 'options.padding must be "same" or "valid", got "full"'],
      [withOptions({ activation: 'tanh' }), 'options.activation must be "relu" or "linear", got "tanh"'],
      [withOptions({ poolSize: 5 }), 'options.poolSize = 5, expected at most 4'],
      [withOptions({ poolPadding: 'valid', poolSize: 4, poolStrides: 4 }), 'a pool of size 4 with padding "valid" leaves no output on the 3×3 convolution output'],
      [
        [[[[1], [2]]], weights, { ...options, padding: 'valid' }],
        'a 2×2 kernel with padding "valid" leaves no output on a 1×2 image',
      ],
      [[image, weights, { strides: 1, padding: 'same', activation: 'relu', poolSize: 2, poolStrides: 2 }], 'options is missing "poolPadding"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('cnn fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('cnn-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects the unshifted softmax only where logits are large', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-softmax-without-max-shift.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    const large = new Set(
      hidden('host-fixtures')
        .filter((test) => Math.max(...cnnLogits(...argsOf(test)).map(Math.abs)) > OVERFLOW_LOGIT)
        .map((test) => test.name),
    );
    expect(result.failures.length).toBeGreaterThan(0);
    for (const failure of result.failures) {
      expect(large.has(failure.name), failure.name).toBe(true);
      expect(failure.message).toMatch(/= NaN, expected/);
    }
  });

  it('rejects zero padding in the pooling on the second worked example', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-pool-pads-with-zeros.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.failures[0]).toEqual({ name: 'sample-2', message: 'output[0] = 0.3775406688, expected 0.07585817575' });
  });
});

import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/autoencoder';
import { metadata } from '@/judge/tasks/autoencoder/metadata';
import { AUTOENCODER_TOLERANCE } from '@/judge/tasks/autoencoder/scratch';
import { autoencoderModel } from '@/judge/tasks/autoencoder/scratch/model';
import {
  autoencoderForward,
  decoderLogits,
  type AutoencoderOptions,
  type AutoencoderOutput,
  type AutoencoderWeights,
} from '@/judge/tasks/autoencoder/scratch/reference';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';
import { findMathErrors } from './statement-math';

type Args = [number[][], AutoencoderWeights, AutoencoderOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

/** Returns the largest share of the tolerance that any output element uses. */
function outputToleranceUsed(actual: AutoencoderOutput, expected: AutoencoderOutput): number {
  return Math.max(
    toleranceUsed(actual.codes, expected.codes, AUTOENCODER_TOLERANCE),
    toleranceUsed(actual.reconstructions, expected.reconstructions, AUTOENCODER_TOLERANCE),
    toleranceUsed(actual.loss, expected.loss, AUTOENCODER_TOLERANCE),
  );
}

describe('autoencoder reference', () => {
  it('returns the worked example of the statement', () => {
    const [mse, bce] = task.samples().map(argsOf);
    for (const output of [autoencoderForward(...mse), autoencoderModel(...mse)]) {
      expect(output.codes).toEqual([[1], [0]]);
      const expected = [
        [0.880797, 0.119203],
        [0.5, 0.5],
      ];
      output.reconstructions.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(expected[i][j], 6)));
      expect(output.loss).toBeCloseTo(0.132105, 6);
    }
    for (const output of [autoencoderForward(...bce), autoencoderModel(...bce)]) expect(output.loss).toBeCloseTo(0.410038, 6);

    for (const statement of [task.statement.en, task.statement['zh-CN']]) {
      expect(statement).toContain('`input = [[1, 0], [0, 1]]`');
      expect(statement).toContain('`[[1], [-1]]`');
      expect(statement).toContain('`[[2, -2]]`');
      expect(statement).toContain('`reconstructions = [[0.880797, 0.119203], [0.5, 0.5]]`');
      expect(statement).toContain('$L = 0.528419 / 4 = 0.132105$');
      expect(statement).toContain('$L = 1.640150 / 4 = 0.410038$');
    }
  });

  it('agrees with the TensorFlow.js model within half the tolerance', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        expect(outputToleranceUsed(autoencoderForward(...args), autoencoderModel(...args)), `${secret} ${test.name}`).toBeLessThan(0.5);
      }
    }
  });

  it('leaves no tensor behind in the TensorFlow.js model', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) autoencoderModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('computes cross-entropy from logits without clipping', () => {
    // One row, one unit: z = 60 and target 0, where σ(z) is exactly 1 in float64; the loss is about z.
    const args: Args = [[[0]], { encoder: [{ kernel: [[1]], bias: [1] }], decoder: [{ kernel: [[60]], bias: [0] }] }, { loss: 'binaryCrossentropy' }];
    expect(autoencoderForward(...args).loss).toBeCloseTo(60, 10);
    expect(autoencoderModel(...args).loss).toBeCloseTo(60, 4);
  });

  it('passes its own checker and fails a nudged output', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, autoencoderForward(...argsOf(test)) as unknown as Json, expected), test.name).toEqual({ ok: true });
      const nudged = structuredClone(expected);
      nudged.loss += 1e-3 + 1e-3 * Math.abs(nudged.loss);
      expect(task.check(test.args, nudged as unknown as Json, expected).ok, test.name).toBe(false);
    }
  });

  it('reports missing fields and shapes before values', () => {
    const [args] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...args);
    expect(task.check(args, { codes: [[1], [0]], reconstructions: expected.reconstructions }, expected)).toEqual({
      ok: false,
      message: 'output is missing "loss"',
    });
    expect(task.check(args, { ...expected, codes: [1, 0] } as unknown as Json, expected)).toEqual({
      ok: false,
      message: 'codes[0] must be an array, got a number (expected shape [2, 1])',
    });
    expect(task.check(args, { ...expected, reconstructions: [[0.880797, 0.119203], [0.25, 0.5]] } as unknown as Json, expected)).toEqual({
      ok: false,
      message: 'reconstructions[1][0] = 0.25, expected 0.5',
    });
    const typed = { codes: [new Float64Array([1]), new Float32Array([0])], reconstructions: expected.reconstructions.map((row) => Float64Array.from(row)), loss: expected.loss };
    expect(task.check(args, typed as unknown as Json, expected)).toEqual({ ok: true });
  });
});

describe('autoencoder tests', () => {
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
    expect(timed.every((test) => argsOf(test)[0].length >= 128)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    const largestLogit = ([input, weights]: Args) => Math.max(...decoderLogits(input, weights).flat().map(Math.abs));
    expect(tests.filter(([input]) => input.length === 1).map(([, , options]) => options.loss).sort()).toEqual([
      'binaryCrossentropy',
      'meanSquaredError',
    ]);
    expect(tests.some(([, weights]) => weights.encoder.at(-1)!.bias.length === 1)).toBe(true);
    expect(tests.some((args) => autoencoderForward(...args).codes.some((row) => row.every((value) => value === 0)))).toBe(true);
    // e^z overflows float64 above z ≈ 709.78, so these tests need a large positive logit.
    const overflowing = tests.filter(([input, weights]) => Math.max(...decoderLogits(input, weights).flat()) > 720);
    expect(overflowing.map(([, , options]) => options.loss).sort()).toEqual(['binaryCrossentropy', 'meanSquaredError']);
    // σ(z) rounds to exactly 1 in float64 above z ≈ 37.4.
    expect(tests.some((args) => args[2].loss === 'binaryCrossentropy' && largestLogit(args) > 38 && largestLogit(args) < 720)).toBe(true);
    expect(tests.some(([, weights]) => weights.encoder.length === 3 && weights.decoder.length === 3)).toBe(true);
    expect(tests.some(([, weights]) => weights.encoder.length !== weights.decoder.length)).toBe(true);
    expect(tests.some(([input, weights]) => weights.encoder.at(-1)!.bias.length > input[0].length)).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('autoencoder validateArgs', () => {
  const [sample] = task.samples();
  const [input, weights, options] = structuredClone(argsOf(sample));

  it('accepts valid input', () => {
    expect(task.validateArgs([input, weights, options])).toBeNull();
    expect(task.validateArgs([input, weights, { loss: 'binaryCrossentropy' }])).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[input, weights], 'expected 3 arguments (input, weights, options), got 2'],
      [['x', weights, options], 'input must be an array of number arrays, got a string'],
      [[[[1, 0], [0]], weights, options], 'input[1] has length 1, expected 2'],
      [[[[1, 2], [0, 1]], weights, options], 'input[0][1] = 2, expected a value in [0, 1]'],
      [[Array.from({ length: 257 }, () => [0, 1]), weights, options], 'input has 257 rows, expected 1 to 256'],
      [[input, { encoder: weights.encoder }, options], 'weights is missing "decoder"'],
      [[input, { ...weights, encoder: [] }, options], 'weights.encoder must be an array of 1 to 4 dense layers'],
      [
        [input, { ...weights, encoder: [{ kernel: [[1]], bias: [0] }] }, options],
        'weights.encoder[0].kernel has 1 rows, expected 2 (weights.encoder[0].kernel is [inputDim, units] with inputDim 2)',
      ],
      [
        [input, { ...weights, decoder: [{ kernel: [[2]], bias: [0] }] }, options],
        'weights.decoder[0].kernel[0] has length 1, expected 2 (weights.decoder[0].kernel is [inputDim, units] with inputDim 1) (the decoder maps the code back to the 2 input columns)',
      ],
      [[input, weights, { loss: 'mse' }], 'options.loss must be "meanSquaredError" or "binaryCrossentropy", got "mse"'],
      [[input, weights, {}], 'options is missing "loss"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('autoencoder fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('autoencoder-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects clipped cross-entropy only where logits are large', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-clipped-cross-entropy.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    const tests = new Map(hidden('host-fixtures').map((test) => [test.name, argsOf(test)]));
    expect(result.failures.length).toBeGreaterThan(0);
    for (const failure of result.failures) {
      const args = tests.get(failure.name)!;
      expect(args[2].loss, failure.name).toBe('binaryCrossentropy');
      expect(Math.max(...decoderLogits(args[0], args[1]).flat().map(Math.abs)), failure.name).toBeGreaterThan(16);
      expect(failure.message).toMatch(/^loss = /);
    }
  });
});

describe('autoencoder statements and starter code', () => {
  it('has a scratch part and a train part on one site task', () => {
    expect(metadata.map((part) => [part.slug, part.taskSlug, part.part, part.functionName, part.ready])).toEqual([
      ['autoencoder-scratch', 'autoencoder', 'scratch', 'autoencoderForward', true],
      ['autoencoder-train', 'autoencoder', 'train', 'train', true],
    ]);
  });

  it('renders every formula of both statements in KaTeX', () => {
    for (const part of metadata) {
      for (const locale of ['en', 'zh-CN'] as const) expect(findMathErrors(part.statement[locale]), `${part.slug} ${locale}`).toEqual([]);
    }
  });

  it('states the limits of each part', () => {
    const [scratch, train] = metadata;
    expect(scratch.statement.en).toContain(`| CPU time per test | ${scratch.limits.cpuMsPerTest / 1000} s |`);
    expect(scratch.statement.en).toContain(`| memory | ${scratch.limits.memoryMb} MiB |`);
    expect(scratch.statement.en).toContain(`| source size | ${scratch.limits.sourceBytes / 1024} KiB |`);
    expect(train.statement.en).toContain(`| CPU time of \`train\` and \`predict\` together | ${train.limits.cpuMsPerTest / 1000} s |`);
    expect(train.statement.en).toContain(`| wall-clock time | ${train.limits.wallMsPerTest / 1000} s |`);
    expect(train.statement.en).toContain(`| memory | ${train.limits.memoryMb} MiB |`);
    expect(scratch.statement['zh-CN']).toContain(`| 每个测试的 CPU 时间 | ${scratch.limits.cpuMsPerTest / 1000} 秒 |`);
    expect(train.statement['zh-CN']).toContain(`| 内存 | ${train.limits.memoryMb} MiB |`);
  });

  it('has starter code that compiles and exports the function', () => {
    for (const part of metadata) {
      expect(part.starterCode).toMatch(new RegExp(`export (async )?function ${part.functionName}\\(`));
      const { code } = transformSync(part.starterCode, { loader: 'ts', format: 'esm' });
      expect(code, part.slug).toContain(`function ${part.functionName}(`);
    }
  });
});

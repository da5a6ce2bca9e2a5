import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/gan';
import { metadata } from '@/judge/tasks/gan/metadata';
import { GAN_TOLERANCE } from '@/judge/tasks/gan/scratch';
import { ganModel } from '@/judge/tasks/gan/scratch/model';
import { ganLosses, type GanInput, type GanOptions, type GanOutput, type GanWeights } from '@/judge/tasks/gan/scratch/reference';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';
import { findMathErrors } from './statement-math';

type Args = [GanInput, GanWeights, GanOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

function outputToleranceUsed(actual: GanOutput, expected: GanOutput): number {
  return Math.max(
    toleranceUsed(actual.fake, expected.fake, GAN_TOLERANCE),
    toleranceUsed(actual.realLogits, expected.realLogits, GAN_TOLERANCE),
    toleranceUsed(actual.fakeLogits, expected.fakeLogits, GAN_TOLERANCE),
    toleranceUsed(actual.discriminatorLoss, expected.discriminatorLoss, GAN_TOLERANCE),
    toleranceUsed(actual.generatorLoss, expected.generatorLoss, GAN_TOLERANCE),
  );
}

const logitsOf = (args: Args) => {
  const output = ganLosses(...args);
  return [...output.realLogits, ...output.fakeLogits];
};

describe('gan reference', () => {
  it('returns the worked example of the statement', () => {
    const [plain, smoothed] = task.samples().map(argsOf);
    for (const output of [ganLosses(...plain), ganModel(...plain)]) {
      expect(output.fake).toEqual([[2], [-2]]);
      expect(output.realLogits[0]).toBeCloseTo(0.6, 6);
      expect(output.fakeLogits[0]).toBeCloseTo(1.2, 6);
      expect(output.fakeLogits[1]).toBeCloseTo(3.6, 6);
      expect(output.discriminatorLoss).toBeCloseTo(2.982608, 6);
      expect(output.generatorLoss).toBeCloseTo(0.14512, 6);
    }
    for (const output of [ganLosses(...smoothed), ganModel(...smoothed)]) {
      expect(output.discriminatorLoss).toBeCloseTo(3.042608, 6);
      expect(output.generatorLoss).toBeCloseTo(0.14512, 6);
    }
    for (const statement of [task.statement.en, task.statement['zh-CN']]) {
      expect(statement).toContain('`input = { real: [[1]], noise: [[1], [-1]] }`');
      expect(statement).toContain('`[[1, -1]]`');
      expect(statement).toContain('`[[1], [2]]`');
      expect(statement).toContain('`leakyReluAlpha = 0.2`');
      expect(statement).toContain('= 2.982608$');
      expect(statement).toContain('= 0.145120$');
      expect(statement).toContain('$L_D = 3.042608$');
    }
  });

  it('agrees with the TensorFlow.js model within a quarter of the tolerance', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        expect(outputToleranceUsed(ganLosses(...args), ganModel(...args)), `${secret} ${test.name}`).toBeLessThan(0.25);
      }
    }
  });

  it('leaves no tensor behind in the TensorFlow.js model', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) ganModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('keeps the losses finite at logits of ±1000', () => {
    const args: Args = [
      { real: [[1]], noise: [[1]] },
      { generator: [{ kernel: [[-1]], bias: [0] }], discriminator: [{ kernel: [[1000]], bias: [0] }] },
      { leakyReluAlpha: 0.2, realLabel: 1 },
    ];
    for (const output of [ganLosses(...args), ganModel(...args)]) {
      // Real logit 1000 and fake logit −1000: the discriminator is right and confident, so L_D ≈ 0,
      // and the generator's non-saturating loss is ≈ 1000.
      expect(output.discriminatorLoss).toBeCloseTo(0, 6);
      expect(output.generatorLoss).toBeCloseTo(1000, 3);
    }
  });

  it('passes its own checker and fails a nudged output', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, ganLosses(...argsOf(test)) as unknown as Json, expected), test.name).toEqual({ ok: true });
      const nudged = structuredClone(expected);
      nudged.generatorLoss += 1e-3 + 1e-3 * Math.abs(nudged.generatorLoss);
      expect(task.check(test.args, nudged as unknown as Json, expected).ok, test.name).toBe(false);
    }
  });

  it('reports missing fields and shapes before values', () => {
    const [args] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...args);
    const { generatorLoss: _, ...withoutGeneratorLoss } = expected;
    expect(task.check(args, withoutGeneratorLoss as unknown as Json, expected)).toEqual({ ok: false, message: 'output is missing "generatorLoss"' });
    expect(task.check(args, { ...expected, fakeLogits: [[1.2], [3.6]] } as unknown as Json, expected)).toEqual({
      ok: false,
      message: 'fakeLogits[0] must be a number, got an array (expected shape [2])',
    });
    expect(task.check(args, { ...expected, generatorLoss: -2.54512 } as unknown as Json, expected)).toEqual({
      ok: false,
      message: 'generatorLoss = -2.54512, expected 0.1451197714',
    });
    const typed = { ...expected, fake: expected.fake.map((row) => Float64Array.from(row)), fakeLogits: Float32Array.from(expected.fakeLogits) };
    expect(task.check(args, typed as unknown as Json, expected)).toEqual({ ok: true });
  });
});

describe('gan tests', () => {
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
    expect(timed.every((test) => argsOf(test)[0].noise.length >= 512)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    expect(tests.some(([input]) => input.real.length === 1 && input.noise.length === 1)).toBe(true);
    expect(tests.some(([input]) => input.real.length > input.noise.length)).toBe(true);
    expect(tests.some(([input]) => input.real.length < input.noise.length)).toBe(true);
    const slopes = new Set(tests.map(([, , options]) => options.leakyReluAlpha));
    for (const slope of [0, 0.2, 0.3]) expect(slopes.has(slope), `slope ${slope}`).toBe(true);
    expect(tests.some(([, , options]) => options.realLabel < 1)).toBe(true);
    // log(1 + e^ℓ) overflows float64 above ℓ ≈ 709.78, so these tests need a large positive logit.
    const overflowing = tests.filter((args) => Math.max(...logitsOf(args)) > 720);
    expect(overflowing.length).toBeGreaterThanOrEqual(2);
    expect(overflowing.some(([, , options]) => options.realLabel < 1)).toBe(true);
    // Within those tests every logit keeps at least a tenth of the largest magnitude.
    for (const args of overflowing) {
      const magnitudes = logitsOf(args).map(Math.abs);
      expect(Math.min(...magnitudes)).toBeGreaterThanOrEqual(0.099 * Math.max(...magnitudes));
    }
    expect(tests.some(([, weights]) => weights.generator.length === 1)).toBe(true);
    expect(tests.some(([, weights]) => weights.discriminator.length === 1)).toBe(true);
    expect(tests.some(([, weights]) => weights.generator.length === 4 && weights.discriminator.length === 4)).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('gan validateArgs', () => {
  const [sample] = task.samples();
  const [input, weights, options] = structuredClone(argsOf(sample));

  it('accepts valid input', () => {
    expect(task.validateArgs([input, weights, options])).toBeNull();
    expect(task.validateArgs([input, weights, { leakyReluAlpha: 0, realLabel: 0.9 }])).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[input, weights], 'expected 3 arguments (input, weights, options), got 2'],
      [[{ real: input.real }, weights, options], 'input is missing "noise"'],
      [[{ ...input, real: [] }, weights, options], 'input.real has 0 rows, expected 1 to 1024'],
      [[{ ...input, noise: [[1], [Number.POSITIVE_INFINITY]] }, weights, options], 'input.noise[1][0] = Infinity, expected a finite number'],
      [[input, { generator: weights.generator }, options], 'weights is missing "discriminator"'],
      [
        [input, { ...weights, generator: [{ kernel: [[2, 1]], bias: [0, 0] }] }, options],
        'weights.generator[0].kernel[0] has length 2, expected 1 (weights.generator[0].kernel is [inputDim, units] with inputDim 1) (the generator maps 1 noise columns to the 1 data columns)',
      ],
      [
        [input, { ...weights, discriminator: [{ kernel: [[1, -1]], bias: [0, 0] }] }, options],
        'weights.discriminator[0].kernel[0] has length 2, expected 1 (weights.discriminator[0].kernel is [inputDim, units] with inputDim 1) (the discriminator maps 1 data columns to one logit)',
      ],
      [[input, weights, { ...options, leakyReluAlpha: 1.5 }], 'options.leakyReluAlpha = 1.5, expected at most 1'],
      [[input, weights, { ...options, realLabel: 0 }], 'options.realLabel = 0, expected a value in (0, 1]'],
      [[input, weights, { leakyReluAlpha: 0.2 }], 'options is missing "realLabel"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('gan fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('gan-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects the minimax generator loss on the generator loss alone', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-minimax-generator-loss.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.failures.length).toBe(task.samples().length + hidden('host-fixtures').length);
    for (const failure of result.failures) expect(failure.message, failure.name).toMatch(/^generatorLoss = /);
  });
});

describe('gan statements and starter code', () => {
  it('has a scratch part and a train part on one site task', () => {
    expect(metadata.map((part) => [part.slug, part.taskSlug, part.part, part.functionName, part.ready])).toEqual([
      ['gan-scratch', 'gan', 'scratch', 'ganLosses', true],
      ['gan-train', 'gan', 'train', 'train', true],
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

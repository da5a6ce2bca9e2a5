import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/dbn';
import { metadata } from '@/judge/tasks/dbn/metadata';
import { DBN_TOLERANCE } from '@/judge/tasks/dbn/scratch';
import { MIN_UNIFORM_GAP } from '@/judge/tasks/dbn/scratch/generator';
import { dbnModel } from '@/judge/tasks/dbn/scratch/model';
import { dbnPretrainStep, topHiddenProbabilities, type DbnOptions, type DbnWeights, type Rbm } from '@/judge/tasks/dbn/scratch/reference';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';
import { findMathErrors } from './statement-math';

type Args = [number[][], DbnWeights, DbnOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

function outputToleranceUsed(actual: Rbm, expected: Rbm): number {
  return Math.max(
    toleranceUsed(actual.kernel, expected.kernel, DBN_TOLERANCE),
    toleranceUsed(actual.visibleBias, expected.visibleBias, DBN_TOLERANCE),
    toleranceUsed(actual.hiddenBias, expected.hiddenBias, DBN_TOLERANCE),
  );
}

/** Returns the largest pre-activation of each RBM's hidden units on the data that reaches that RBM. */
function largestPreactivations(input: number[][], weights: DbnWeights): number[] {
  const largest: number[] = [];
  let v = input;
  for (const rbm of weights.rbms) {
    const pre = v.map((row) => rbm.hiddenBias.map((c, j) => row.reduce((sum, x, a) => sum + x * rbm.kernel[a][j], c)));
    largest.push(Math.max(...pre.flat()));
    v = pre.map((row) => row.map((t) => 1 / (1 + Math.exp(-t))));
  }
  return largest;
}

describe('dbn reference', () => {
  it('returns the worked example of the statement', () => {
    const [worked] = task.samples().map(argsOf);
    for (const output of [dbnPretrainStep(...worked), dbnModel(...worked)]) {
      expect(output.kernel[0][0]).toBeCloseTo(1.028254, 6);
      expect(output.kernel[1][0]).toBeCloseTo(-1.0165, 6);
      expect(output.visibleBias[0]).toBeCloseTo(0.026894, 6);
      expect(output.visibleBias[1]).toBeCloseTo(-0.026894, 6);
      expect(output.hiddenBias[0]).toBeCloseTo(0.011754, 6);
    }
    for (const statement of [task.statement.en, task.statement['zh-CN']]) {
      expect(statement).toContain('`input = [[1, 0]]`');
      expect(statement).toContain('`kernel = [[1], [-1]]`');
      expect(statement).toContain('`uniforms = [[0.5]]`');
      expect(statement).toContain('`learningRate = 0.1`');
      expect(statement).toContain('`kernel = [[1.028254], [-1.0165]]`');
      expect(statement).toContain('`visibleBias = [0.026894, -0.026894]`');
      expect(statement).toContain('`hiddenBias = [0.011754]`');
    }
  });

  it('agrees with the TensorFlow.js model within a fifth of the tolerance', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        expect(outputToleranceUsed(dbnPretrainStep(...args), dbnModel(...args)), `${secret} ${test.name}`).toBeLessThan(0.2);
      }
    }
  });

  it('leaves no tensor behind in the TensorFlow.js model', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) dbnModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('samples 0 where a uniform equals its probability', () => {
    // An all-zero row gives P0 = σ(0) = 0.5 exactly. With a uniform of 0.5 the hidden unit stays off,
    // so V1 = σ(b) = [0.5, 0.5], P1 = σ(0.5 − 0.5) = 0.5 and W' = W − V1ᵀP1 = W − 0.25.
    const args: Args = [[[0, 0]], { rbms: [{ kernel: [[1], [-1]], visibleBias: [0, 0], hiddenBias: [0] }] }, { learningRate: 1, uniforms: [[0.5]] }];
    for (const output of [dbnPretrainStep(...args), dbnModel(...args)]) {
      expect(output.kernel).toEqual([[0.75], [-1.25]]);
      expect(output.visibleBias).toEqual([-0.5, -0.5]);
      expect(output.hiddenBias[0]).toBeCloseTo(0, 12);
    }
  });

  it('passes its own checker and fails a nudged output', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, dbnPretrainStep(...argsOf(test)) as unknown as Json, expected), test.name).toEqual({ ok: true });
      const nudged = structuredClone(expected);
      nudged.hiddenBias[0] += 1e-3 + 1e-3 * Math.abs(nudged.hiddenBias[0]);
      expect(task.check(test.args, nudged as unknown as Json, expected).ok, test.name).toBe(false);
    }
  });

  it('reports missing fields and shapes before values', () => {
    const [args] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...args);
    expect(task.check(args, { kernel: expected.kernel, visibleBias: expected.visibleBias }, expected)).toEqual({
      ok: false,
      message: 'output is missing "hiddenBias"',
    });
    expect(task.check(args, { ...expected, kernel: [[1.028254, 0], [-1.0165, 0]] } as unknown as Json, expected)).toEqual({
      ok: false,
      message: 'kernel[0] has length 2, expected 1 (expected shape [2, 1])',
    });
    expect(task.check(args, { ...expected, kernel: [[1.028254], [-1]] } as unknown as Json, expected)).toEqual({
      ok: false,
      message: 'kernel[1][0] = -1, expected -1.016499996',
    });
    const typed = { kernel: expected.kernel.map((row) => Float32Array.from(row)), visibleBias: Float64Array.from(expected.visibleBias), hiddenBias: expected.hiddenBias };
    expect(task.check(args, typed as unknown as Json, expected)).toEqual({ ok: true });
  });
});

describe('dbn tests', () => {
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

  it('keeps every uniform away from its probability except at exact ties', () => {
    for (const test of [...task.samples(), ...hidden('gaps')]) {
      const [input, weights, options] = argsOf(test);
      const p0 = topHiddenProbabilities(input, weights);
      p0.forEach((row, i) =>
        row.forEach((p, j) => {
          const gap = Math.abs(options.uniforms[i][j] - p);
          if (gap !== 0) expect(gap, `${test.name} [${i}][${j}]`).toBeGreaterThanOrEqual(MIN_UNIFORM_GAP);
          else expect(p, `${test.name} [${i}][${j}]`).toBe(0.5);
        }),
      );
    }
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    const exactTies = (args: Args) => topHiddenProbabilities(args[0], args[1]).flat().filter((p, k) => p === args[2].uniforms.flat()[k]).length;
    expect(tests.filter(([input]) => input.length === 1).map(([, weights]) => weights.rbms.length).sort()).toEqual([1, 2]);
    expect(tests.some(([, weights]) => weights.rbms.at(-1)!.hiddenBias.length === 1)).toBe(true);
    expect(tests.some(([input]) => input[0].length === 1)).toBe(true);
    expect(tests.some((args) => exactTies(args) > 0)).toBe(true);
    expect(tests.some(([, , options]) => options.uniforms.flat().every((u) => u === 0))).toBe(true);
    const overflowing = tests.map(([input, weights]) => largestPreactivations(input, weights).map((value) => value > 720));
    expect(overflowing.some((flags) => flags.length === 1 && flags[0])).toBe(true);
    expect(overflowing.some((flags) => flags.length === 2 && flags[0] && !flags[1])).toBe(true);
    expect(tests.some(([, weights]) => weights.rbms.length === 1 && weights.rbms[0].hiddenBias.every((c) => c === 0))).toBe(true);
    expect(tests.some(([, weights]) => weights.rbms.length === 1 && weights.rbms[0].visibleBias.every((b) => b === 0))).toBe(true);
    expect(tests.some(([, weights]) => weights.rbms.length === 4)).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('dbn validateArgs', () => {
  const [sample] = task.samples();
  const [input, weights, options] = structuredClone(argsOf(sample));
  const rbm = weights.rbms[0];

  it('accepts valid input', () => {
    expect(task.validateArgs([input, weights, options])).toBeNull();
    const stacked = { rbms: [{ kernel: [[1, 0], [0, 1]], visibleBias: [0, 0], hiddenBias: [0, 0] }, rbm] };
    expect(task.validateArgs([input, stacked, options])).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[input, weights], 'expected 3 arguments (input, weights, options), got 2'],
      [[[[1, 0.5, 0]], weights, options], 'weights.rbms[0].kernel has 2 rows, expected 3 (weights.rbms[0].kernel is [nVisible, nHidden] with nVisible 3)'],
      [[[[1, -0.5]], weights, options], 'input[0][1] = -0.5, expected a value in [0, 1]'],
      [[input, { rbms: [] }, options], 'weights.rbms must be an array of 1 to 4 RBMs'],
      [[input, { rbms: [{ kernel: rbm.kernel, visibleBias: [0, 0] }] }, options], 'weights.rbms[0] is missing "hiddenBias"'],
      [[input, { rbms: [{ ...rbm, visibleBias: [0] }] }, options], 'weights.rbms[0].visibleBias has length 1, expected 2'],
      [[input, { rbms: [rbm, rbm] }, options], 'weights.rbms[1].kernel has 2 rows, expected 1 (weights.rbms[1].kernel is [nVisible, nHidden] with nVisible 1)'],
      [[input, weights, { ...options, learningRate: -1 }], 'options.learningRate = -1, expected at least 0'],
      [[input, weights, { ...options, uniforms: [[1]] }], 'options.uniforms[0][0] = 1, expected a value in [0, 1)'],
      [
        [input, weights, { ...options, uniforms: [[0.5, 0.5]] }],
        'options.uniforms[0] has length 2, expected 1 (uniforms is [batchSize, nHidden of the top RBM] = [1, 1])',
      ],
      [[input, weights, { learningRate: 0.1 }], 'options is missing "uniforms"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('dbn fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('dbn-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects sampling with <= only on the exact ties', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-less-or-equal-sampling.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    const tests = new Map(hidden('host-fixtures').map((test) => [test.name, argsOf(test)]));
    expect(result.failures.length).toBeGreaterThan(0);
    for (const failure of result.failures) {
      const [input, weights, options] = tests.get(failure.name)!;
      const ties = topHiddenProbabilities(input, weights).flat().filter((p, k) => p === options.uniforms.flat()[k]);
      expect(ties.length, failure.name).toBeGreaterThan(0);
    }
  });
});

describe('dbn statements and starter code', () => {
  it('has a scratch part and a train part on one site task', () => {
    expect(metadata.map((part) => [part.slug, part.taskSlug, part.part, part.functionName, part.ready])).toEqual([
      ['dbn-scratch', 'dbn', 'scratch', 'dbnPretrainStep', true],
      ['dbn-train', 'dbn', 'train', 'train', true],
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

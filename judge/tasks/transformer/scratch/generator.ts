import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { identity, normalMatrix, randomDense, round4, uniformVector, zeros } from '../../self-attention/scratch/random-tensors';
import { attentionScores } from '../../self-attention/scratch/reference';
import { drawUntil, hasClearWinners, largestScore, OVERFLOW_LOGIT } from '../../self-attention/scratch/score-gaps';
import type { Json, TestCase } from '../../types';
import { layerNormRows, type EncoderBlockOptions, type EncoderBlockWeights, type LayerNorm } from './reference';

interface Shape {
  n: number;
  dModel: number;
  numHeads: number;
  dFF: number;
  /** Per-head query/key size; dModel / numHeads when omitted. */
  keyDim?: number;
  valueDim?: number;
}

type Args = [number[][], EncoderBlockWeights, EncoderBlockOptions];

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

function options(numHeads: number, normalizeFirst: boolean, paddingMask: number[] | null = null, epsilon = 1e-3): EncoderBlockOptions {
  return { numHeads, epsilon, normalizeFirst, paddingMask };
}

function randomNorm(random: Random, size: number): LayerNorm {
  return {
    gamma: Array.from({ length: size }, () => round4(random.uniform(0.5, 1.5))),
    beta: uniformVector(random, size, 0.5),
  };
}

/** Draws random weights; `attentionScale` multiplies the query and key kernels. */
function randomWeights(random: Random, shape: Shape, attentionScale = 1): EncoderBlockWeights {
  const { dModel, numHeads, dFF } = shape;
  const keyWidth = numHeads * (shape.keyDim ?? dModel / numHeads);
  const valueWidth = numHeads * (shape.valueDim ?? dModel / numHeads);
  return {
    attention: {
      query: randomDense(random, dModel, keyWidth, attentionScale),
      key: randomDense(random, dModel, keyWidth, attentionScale),
      value: randomDense(random, dModel, valueWidth),
      output: randomDense(random, valueWidth, dModel),
    },
    attentionNorm: randomNorm(random, dModel),
    feedForwardIntermediate: randomDense(random, dModel, dFF),
    feedForwardOutput: randomDense(random, dFF, dModel),
    feedForwardNorm: randomNorm(random, dModel),
  };
}

function randomTest(random: Random, shape: Shape, normalizeFirst: boolean, paddingMask: number[] | null = null, epsilon = 1e-3): Args {
  return [normalMatrix(random, shape.n, shape.dModel), randomWeights(random, shape), options(shape.numHeads, normalizeFirst, paddingMask, epsilon)];
}

/** Computes the block's attention scores, whose input is x (post-norm) or LN(x) (pre-norm). */
function blockScores([input, weights, opts]: Args) {
  const attended = opts.normalizeFirst ? layerNormRows(input, weights.attentionNorm, opts.epsilon) : input;
  const mask = opts.paddingMask === null ? null : attended.map(() => opts.paddingMask as number[]);
  return attentionScores(attended, weights.attention, { numHeads: opts.numHeads, causal: false, attentionMask: mask });
}

/** Draws a test with attention logits in the thousands and one clear winner per row (see score-gaps). */
function largeLogits(random: Random, shape: Shape, normalizeFirst: boolean): Args {
  return drawUntil(
    (): Args => [normalMatrix(random, shape.n, shape.dModel), randomWeights(random, shape, 40), options(shape.numHeads, normalizeFirst)],
    (args) => {
      const scores = blockScores(args);
      return largestScore(scores) > OVERFLOW_LOGIT && hasClearWinners(scores);
    },
    'large-logit encoder test',
  );
}

function identityWeights(size: number): EncoderBlockWeights {
  const dense = () => ({ kernel: identity(size), bias: zeros(size) });
  const norm = () => ({ gamma: new Array<number>(size).fill(1), beta: zeros(size) });
  return {
    attention: { query: dense(), key: dense(), value: dense(), output: dense() },
    attentionNorm: norm(),
    feedForwardIntermediate: dense(),
    feedForwardOutput: dense(),
    feedForwardNorm: norm(),
  };
}

/** Builds the statement's worked example: one position, identity kernels, zero biases and β, unit γ. */
export function workedExample(normalizeFirst: boolean): Args {
  return [[[1, 3]], identityWeights(2), options(1, normalizeFirst)];
}

/** Public tests shown on the task page; the first two are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(3141);
  const round2 = (value: number) => Math.round(value * 100) / 100;
  const small = randomTest(random, { n: 4, dModel: 4, numHeads: 2, dFF: 8 }, false, [1, 1, 1, 0]);
  const rounded = JSON.parse(JSON.stringify(small), (_, value: unknown) => (typeof value === 'number' ? round2(value) : value)) as Args;
  rounded[2].epsilon = 1e-3;
  return [
    test('sample-1', workedExample(false), false),
    test('sample-2', workedExample(true), false),
    test('sample-3', [[[1, 3], [2, -1]], identityWeights(2), options(1, false, [1, 0])], false),
    test('sample-4', rounded, false),
  ];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // Sequences of length 1, post-norm and pre-norm.
  add(randomTest(random, { n: 1, dModel: 8, numHeads: 2, dFF: 16 }, false));
  add(randomTest(random, { n: 1, dModel: 8, numHeads: 4, dFF: 16 }, true));
  // Every position padding: each attention row is fully blocked.
  add(randomTest(random, { n: 5, dModel: 6, numHeads: 3, dFF: 12 }, false, zeros(5)));
  add(randomTest(random, { n: 4, dModel: 8, numHeads: 2, dFF: 8 }, true, zeros(4)));
  // Padding at the end, and scattered padding.
  add(randomTest(random, { n: 10, dModel: 12, numHeads: 3, dFF: 24 }, false, [1, 1, 1, 1, 1, 1, 1, 0, 0, 0]));
  add(randomTest(random, { n: 9, dModel: 8, numHeads: 2, dFF: 32 }, true, [0, 1, 1, 0, 1, 0, 1, 1, 0]));
  // One head, and many heads of size 2.
  add(randomTest(random, { n: 7, dModel: 16, numHeads: 1, dFF: 64 }, false));
  add(randomTest(random, { n: 7, dModel: 16, numHeads: 8, dFF: 32 }, true));
  // A large epsilon and rows of small variance, where epsilon outside the square root is far off.
  const smallRows: Args = [normalMatrix(random, 6, 8, 0.1), randomWeights(random, { n: 6, dModel: 8, numHeads: 2, dFF: 16 }), options(2, false, null, 0.1)];
  smallRows[1].attention.output.bias = zeros(8);
  smallRows[1].attention.output.kernel = smallRows[1].attention.output.kernel.map((row) => row.map((value) => round4(value * 0.1)));
  add(smallRows);
  // Other epsilons: PyTorch's 1e-5, and 1e-6.
  add(randomTest(random, { n: 6, dModel: 10, numHeads: 2, dFF: 20 }, false, null, 1e-5));
  add(randomTest(random, { n: 6, dModel: 10, numHeads: 5, dFF: 20 }, true, [1, 1, 0, 1, 1, 1], 1e-6));
  // Negative and large γ, nonzero β.
  const scaled = randomTest(random, { n: 8, dModel: 8, numHeads: 2, dFF: 16 }, false);
  scaled[1].feedForwardNorm.gamma = scaled[1].feedForwardNorm.gamma.map((value, t) => round4(t % 2 === 0 ? -3 * value : 5 * value));
  add(scaled);
  // Logits large enough to overflow an unshifted softmax.
  add(largeLogits(random, { n: 8, dModel: 8, numHeads: 2, dFF: 16 }, false));
  add(largeLogits(random, { n: 6, dModel: 12, numHeads: 3, dFF: 24 }, true));
  // A dead feed-forward layer: every intermediate unit negative, so ReLU passes nothing.
  const dead = randomTest(random, { n: 6, dModel: 8, numHeads: 2, dFF: 16 }, false);
  dead[1].feedForwardIntermediate.bias = dead[1].feedForwardIntermediate.bias.map(() => -50);
  add(dead);
  // keyDim and valueDim different from dModel / numHeads.
  add(randomTest(random, { n: 7, dModel: 8, numHeads: 2, dFF: 16, keyDim: 6, valueDim: 3 }, false, [1, 1, 1, 1, 1, 0, 0]));
  // Inputs away from zero: mean −5, deviation 3.
  const shifted = randomTest(random, { n: 8, dModel: 12, numHeads: 4, dFF: 24 }, true);
  shifted[0] = shifted[0].map((row) => row.map((value) => round4(3 * value - 5)));
  add(shifted);

  // Large inputs for the speed grade.
  add(randomTest(random, { n: 64, dModel: 64, numHeads: 8, dFF: 256 }, false), true);
  const padding = Array.from({ length: 64 }, (_, i) => (i < 50 ? 1 : 0));
  add(randomTest(random, { n: 64, dModel: 64, numHeads: 4, dFF: 256 }, true, padding), true);
  add(randomTest(random, { n: 48, dModel: 96, numHeads: 6, dFF: 384 }, false), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

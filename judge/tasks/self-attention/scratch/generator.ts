import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import type { Json, TestCase } from '../../types';
import { identity, normalMatrix, randomDense, round4, zeros } from './random-tensors';
import { attentionScores, type SelfAttentionOptions, type SelfAttentionWeights } from './reference';
import { drawUntil, hasClearWinners, largestScore, OVERFLOW_LOGIT } from './score-gaps';

interface Shape {
  n: number;
  dModel: number;
  numHeads: number;
  keyDim: number;
  valueDim: number;
  outputDim: number;
}

type Args = [number[][], SelfAttentionWeights, SelfAttentionOptions];

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

function options(numHeads: number, causal = false, attentionMask: number[][] | null = null): SelfAttentionOptions {
  return { numHeads, causal, attentionMask };
}

function randomWeights(random: Random, shape: Shape, scale = 1): SelfAttentionWeights {
  const { dModel, numHeads, keyDim, valueDim, outputDim } = shape;
  return {
    query: randomDense(random, dModel, numHeads * keyDim, scale),
    key: randomDense(random, dModel, numHeads * keyDim, scale),
    value: randomDense(random, dModel, numHeads * valueDim),
    output: randomDense(random, numHeads * valueDim, outputDim),
  };
}

function square(n: number, dModel: number, numHeads: number): Shape {
  return { n, dModel, numHeads, keyDim: dModel / numHeads, valueDim: dModel / numHeads, outputDim: dModel };
}

/** Draws an [n, n] 0/1 mask that allows each pair with probability `density`. */
function randomMask(random: Random, n: number, density: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => (random.float() < density ? 1 : 0)));
}

/**
 * Attention logits in the thousands: the query kernel is scaled up until some allowed score
 * exceeds OVERFLOW_LOGIT, and draws with near ties among large logits are rejected (see score-gaps).
 */
function largeLogits(random: Random, shape: Shape, causal: boolean, mask: number[][] | null): Args {
  return drawUntil(
    (): Args => {
      const input = normalMatrix(random, shape.n, shape.dModel);
      const weights = randomWeights(random, shape, 40);
      return [input, weights, options(shape.numHeads, causal, mask)];
    },
    ([input, weights, opts]) => {
      const scores = attentionScores(input, weights, opts);
      return largestScore(scores) > OVERFLOW_LOGIT && hasClearWinners(scores);
    },
    'large-logit attention test',
  );
}

/**
 * Large negative logits in every row: positive inputs, and a key kernel that is the negated query
 * kernel, so q·k = −(x_i W)·(x_j W) < 0. An unshifted softmax underflows to 0/0 here.
 */
function largeNegativeLogits(random: Random, shape: Shape): Args {
  return drawUntil(
    (): Args => {
      const input = Array.from({ length: shape.n }, () => Array.from({ length: shape.dModel }, () => round4(random.uniform(0.5, 1.5))));
      const queryKernel = Array.from({ length: shape.dModel }, () =>
        Array.from({ length: shape.numHeads * shape.keyDim }, () => round4(random.uniform(4, 9))),
      );
      const weights = randomWeights(random, shape);
      weights.query = { kernel: queryKernel, bias: zeros(shape.numHeads * shape.keyDim) };
      weights.key = { kernel: queryKernel.map((row) => row.map((value) => -value)), bias: zeros(shape.numHeads * shape.keyDim) };
      return [input, weights, options(shape.numHeads)];
    },
    ([input, weights, opts]) => {
      const scores = attentionScores(input, weights, opts);
      const allNegative = scores.every((head) => head.every((row) => row.every((score) => score === null || score < -OVERFLOW_LOGIT)));
      return allNegative && hasClearWinners(scores);
    },
    'large-negative-logit attention test',
  );
}

function randomTest(random: Random, shape: Shape, causal = false, mask: number[][] | null = null): Args {
  return [normalMatrix(random, shape.n, shape.dModel), randomWeights(random, shape), options(shape.numHeads, causal, mask)];
}

/** Builds the statement's worked example: two heads of size 1, identity kernels, zero biases. */
export function workedExample(variant: 'plain' | 'causal' | 'masked'): Args {
  const eye = identity(2);
  const output = variant === 'masked' ? { kernel: eye, bias: [0.5, -0.5] } : { kernel: eye, bias: zeros(2) };
  const weights: SelfAttentionWeights = {
    query: { kernel: eye, bias: zeros(2) },
    key: { kernel: eye, bias: zeros(2) },
    value: { kernel: eye, bias: zeros(2) },
    output,
  };
  const input = [
    [1, 0],
    [0, 2],
  ];
  if (variant === 'causal') return [input, weights, options(2, true)];
  if (variant === 'masked') return [input, weights, options(2, false, [[0, 0], [1, 1]])];
  return [input, weights, options(2)];
}

/** Public tests shown on the task page; the first three are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(2718);
  const shape: Shape = { n: 4, dModel: 4, numHeads: 2, keyDim: 3, valueDim: 2, outputDim: 3 };
  const round2 = (rows: number[][]): number[][] => rows.map((row) => row.map((value) => Math.round(value * 100) / 100));
  const weights = randomWeights(random, shape);
  for (const layer of Object.values(weights)) {
    layer.kernel = round2(layer.kernel);
    layer.bias = round2([layer.bias])[0];
  }
  const small: Args = [round2(normalMatrix(random, shape.n, shape.dModel)), weights, options(2, true, [[1, 1, 1, 1], [1, 1, 1, 1], [0, 0, 0, 0], [1, 0, 1, 1]])];
  return [
    test('sample-1', workedExample('plain'), false),
    test('sample-2', workedExample('causal'), false),
    test('sample-3', workedExample('masked'), false),
    test('sample-4', small, false),
  ];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // Sequences of length 1: the only key gets weight 1, unless it is blocked.
  add(randomTest(random, square(1, 6, 2)));
  add(randomTest(random, square(1, 6, 3), true));
  add(randomTest(random, square(1, 4, 2), false, [[0]]));
  // One head, and many heads of size 1 (1/√keyDim differs from 1/√dModel).
  add(randomTest(random, square(6, 8, 1)));
  add(randomTest(random, square(10, 8, 8)));
  // keyDim, valueDim and the output width all different.
  add(randomTest(random, { n: 9, dModel: 6, numHeads: 3, keyDim: 5, valueDim: 3, outputDim: 7 }));
  // Causal masks, an explicit mask with fully blocked rows, and both together.
  add(randomTest(random, square(12, 16, 4), true));
  const sparse = randomMask(random, 10, 0.4);
  sparse[3] = zeros(10);
  sparse[7] = zeros(10);
  add(randomTest(random, square(10, 8, 2), false, sparse));
  const noFirstKey = randomMask(random, 8, 0.7).map((row) => [0, ...row.slice(1)]);
  add(randomTest(random, { n: 8, dModel: 8, numHeads: 2, keyDim: 3, valueDim: 4, outputDim: 5 }, true, noFirstKey));
  // Every row blocked: the output is output.bias in every row, even with a value bias.
  add(randomTest(random, square(5, 6, 3), false, Array.from({ length: 5 }, () => zeros(5))));
  // A nonzero bias in one projection only.
  const queryBiasOnly = randomTest(random, square(7, 8, 2));
  for (const name of ['key', 'value', 'output'] as const) queryBiasOnly[1][name].bias = zeros(queryBiasOnly[1][name].bias.length);
  queryBiasOnly[1].query.bias = queryBiasOnly[1].query.bias.map((value) => value * 4);
  add(queryBiasOnly);
  const valueMask = randomMask(random, 7, 0.6);
  valueMask[0] = zeros(7);
  const valueBiasOnly = randomTest(random, square(7, 8, 4), true, valueMask);
  for (const name of ['query', 'key', 'output'] as const) valueBiasOnly[1][name].bias = zeros(valueBiasOnly[1][name].bias.length);
  add(valueBiasOnly);
  // Logits large enough to overflow an unshifted softmax, and large negative ones that underflow it.
  add(largeLogits(random, square(8, 8, 2), false, null));
  add(largeLogits(random, square(10, 12, 3), true, randomMask(random, 10, 0.7)));
  add(largeNegativeLogits(random, square(6, 4, 1)));
  // Negative inputs of large magnitude with small kernels: moderate logits, large values.
  const negative: Args = [
    Array.from({ length: 6 }, () => Array.from({ length: 8 }, () => round4(random.uniform(-100, -1)))),
    randomWeights(random, square(6, 8, 2), 0.02),
    options(2),
  ];
  add(negative);
  // Zero queries: every allowed key gets the same weight, so causal rows are running means.
  const uniform = randomTest(random, square(9, 6, 3), true);
  uniform[1].query = { kernel: Array.from({ length: 6 }, () => zeros(6)), bias: zeros(6) };
  add(uniform);
  // Repeated rows: exactly tied scores.
  const repeated = randomTest(random, square(8, 8, 2));
  for (let i = 4; i < 8; i++) repeated[0][i] = repeated[0][i - 4].slice();
  add(repeated);

  // Large inputs for the speed grade.
  add(randomTest(random, square(128, 128, 8)), true);
  add(randomTest(random, square(128, 128, 16), true), true);
  add(randomTest(random, { n: 96, dModel: 96, numHeads: 4, keyDim: 32, valueDim: 16, outputDim: 64 }, false, randomMask(random, 96, 0.8)), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

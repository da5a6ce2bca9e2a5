import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { identity, normalMatrix, randomDense, round4, uniformVector, zeros } from '../../self-attention/scratch/random-tensors';
import { attentionScores } from '../../self-attention/scratch/reference';
import { drawUntil, hasClearWinners, largestScore, OVERFLOW_LOGIT } from '../../self-attention/scratch/score-gaps';
import type { Json, TestCase } from '../../types';
import { embeddingRows, type BertInput, type BertOptions, type BertWeights, type LayerNorm } from './reference';

/** BERT's layer-normalisation epsilon. */
export const BERT_EPSILON = 1e-12;

interface Shape {
  n: number;
  vocabSize: number;
  dModel: number;
  numHeads: number;
  dFF: number;
  /** Rows of the position table; at least n. */
  maxPositions?: number;
  /** Per-head query/key size; dModel / numHeads when omitted. */
  keyDim?: number;
}

type Args = [BertInput, BertWeights, BertOptions];

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

function randomNorm(random: Random, size: number): LayerNorm {
  return { gamma: Array.from({ length: size }, () => round4(random.uniform(0.5, 1.5))), beta: uniformVector(random, size, 0.3) };
}

/** Draws random weights; `attentionScale` multiplies the query and key kernels. */
function randomWeights(random: Random, shape: Shape, attentionScale = 1): BertWeights {
  const { vocabSize, dModel, numHeads, dFF } = shape;
  const keyWidth = numHeads * (shape.keyDim ?? dModel / numHeads);
  return {
    embeddings: {
      token: normalMatrix(random, vocabSize, dModel),
      position: normalMatrix(random, shape.maxPositions ?? Math.max(shape.n, 16), dModel, 0.5),
      segment: normalMatrix(random, 2, dModel, 0.5),
      norm: randomNorm(random, dModel),
    },
    encoder: {
      attention: {
        query: randomDense(random, dModel, keyWidth, attentionScale),
        key: randomDense(random, dModel, keyWidth, attentionScale),
        value: randomDense(random, dModel, dModel),
        output: randomDense(random, dModel, dModel),
      },
      attentionNorm: randomNorm(random, dModel),
      feedForwardIntermediate: randomDense(random, dModel, dFF, 2),
      feedForwardOutput: randomDense(random, dFF, dModel),
      feedForwardNorm: randomNorm(random, dModel),
    },
    head: { transform: randomDense(random, dModel, dModel, 2), norm: randomNorm(random, dModel), outputBias: uniformVector(random, vocabSize, 1) },
  };
}

/** Draws token ids, segment ids (a first and a second segment) and `masked` masked positions. */
function randomInput(random: Random, shape: Shape, masked: number): BertInput {
  const tokenIds = Array.from({ length: shape.n }, () => random.int(0, shape.vocabSize - 1));
  const split = random.int(1, shape.n);
  const segmentIds = tokenIds.map((_, i) => (i < split ? 0 : 1));
  const positions = random.shuffle(Array.from({ length: shape.n }, (_, i) => i)).slice(0, Math.min(masked, shape.n));
  return { tokenIds, segmentIds, maskedPositions: positions.sort((a, b) => a - b) };
}

function randomTest(random: Random, shape: Shape, masked: number, epsilon = BERT_EPSILON): Args {
  return [randomInput(random, shape, masked), randomWeights(random, shape), { numHeads: shape.numHeads, epsilon }];
}

/** Draws a test with attention logits in the thousands and one clear winner per row (see score-gaps). */
function largeLogits(random: Random, shape: Shape): Args {
  return drawUntil(
    (): Args => [randomInput(random, shape, 3), randomWeights(random, shape, 40), { numHeads: shape.numHeads, epsilon: BERT_EPSILON }],
    ([input, weights, options]) => {
      const x = embeddingRows(input, weights, options.epsilon);
      const scores = attentionScores(x, weights.encoder.attention, { numHeads: options.numHeads, causal: false, attentionMask: null });
      return largestScore(scores) > OVERFLOW_LOGIT && hasClearWinners(scores);
    },
    'large-logit BERT test',
  );
}

/** Builds the statement's worked example: dModel 3, a vocabulary of 4, identity kernels, unit γ, zero β. */
export function workedExample(): Args {
  const dense = () => ({ kernel: identity(3), bias: zeros(3) });
  const norm = () => ({ gamma: [1, 1, 1], beta: zeros(3) });
  const weights: BertWeights = {
    embeddings: {
      token: [[0, 0, 0], [1, 0, 0], [0, 2, 0], [0, 0, 1]],
      position: [[0, 0, 1], [1, 0, 0]],
      segment: [[0, 0, 0], [0, 1, 0]],
      norm: norm(),
    },
    encoder: {
      attention: { query: dense(), key: dense(), value: dense(), output: dense() },
      attentionNorm: norm(),
      feedForwardIntermediate: dense(),
      feedForwardOutput: dense(),
      feedForwardNorm: norm(),
    },
    head: { transform: dense(), norm: norm(), outputBias: [0, 0, 0, 0.5] },
  };
  return [{ tokenIds: [1, 2], segmentIds: [0, 1], maskedPositions: [1] }, weights, { numHeads: 1, epsilon: BERT_EPSILON }];
}

/** Public tests shown on the task page; the first is the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(1618);
  const small = randomTest(random, { n: 5, vocabSize: 8, dModel: 4, numHeads: 2, dFF: 8, maxPositions: 6 }, 2);
  const rounded = JSON.parse(JSON.stringify(small), (_, value: unknown) => (typeof value === 'number' ? Math.round(value * 100) / 100 : value)) as Args;
  rounded[2].epsilon = BERT_EPSILON;
  return [test('sample-1', workedExample(), false), test('sample-2', rounded, false)];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // A single token, masked once and twice.
  add(randomTest(random, { n: 1, vocabSize: 12, dModel: 8, numHeads: 2, dFF: 16 }, 1));
  const twice = randomTest(random, { n: 1, vocabSize: 12, dModel: 8, numHeads: 4, dFF: 16 }, 1);
  twice[0].maskedPositions = [0, 0];
  add(twice);
  // Repeated masked positions, not in increasing order.
  const repeated = randomTest(random, { n: 6, vocabSize: 20, dModel: 8, numHeads: 2, dFF: 32 }, 1);
  repeated[0].maskedPositions = [4, 1, 4, 0];
  add(repeated);
  // Only the second segment, and alternating segments.
  const second = randomTest(random, { n: 7, vocabSize: 16, dModel: 12, numHeads: 3, dFF: 24 }, 3);
  second[0].segmentIds = second[0].segmentIds.map(() => 1);
  add(second);
  const alternating = randomTest(random, { n: 8, vocabSize: 16, dModel: 12, numHeads: 3, dFF: 24 }, 3);
  alternating[0].segmentIds = alternating[0].segmentIds.map((_, i) => i % 2);
  add(alternating);
  // One head, many heads of size 2, and keyDim different from dModel / numHeads.
  add(randomTest(random, { n: 9, vocabSize: 30, dModel: 16, numHeads: 1, dFF: 64 }, 3));
  add(randomTest(random, { n: 9, vocabSize: 30, dModel: 16, numHeads: 8, dFF: 32 }, 3));
  add(randomTest(random, { n: 6, vocabSize: 10, dModel: 8, numHeads: 2, dFF: 16, keyDim: 5 }, 2));
  // Logits large enough to overflow an unshifted softmax.
  add(largeLogits(random, { n: 8, vocabSize: 20, dModel: 8, numHeads: 2, dFF: 16 }));
  add(largeLogits(random, { n: 10, vocabSize: 20, dModel: 12, numHeads: 1, dFF: 24 }));
  // Every position masked; the same token everywhere.
  add(randomTest(random, { n: 10, vocabSize: 25, dModel: 8, numHeads: 2, dFF: 16 }, 10));
  const same = randomTest(random, { n: 8, vocabSize: 25, dModel: 8, numHeads: 2, dFF: 16 }, 4);
  same[0].tokenIds = same[0].tokenIds.map(() => same[0].tokenIds[0]);
  add(same);
  // Another epsilon, where its place inside the square root matters more.
  add(randomTest(random, { n: 6, vocabSize: 15, dModel: 6, numHeads: 3, dFF: 12 }, 2, 1e-3));
  // Large feed-forward pre-activations, where the erf and tanh forms of GELU differ most.
  const wide = randomTest(random, { n: 6, vocabSize: 15, dModel: 8, numHeads: 2, dFF: 32 }, 3);
  wide[1].encoder.feedForwardIntermediate.kernel = wide[1].encoder.feedForwardIntermediate.kernel.map((row) => row.map((value) => round4(2 * value)));
  add(wide);

  // Large inputs for the speed grade.
  add(randomTest(random, { n: 64, vocabSize: 512, dModel: 128, numHeads: 8, dFF: 512, maxPositions: 128 }, 16), true);
  add(randomTest(random, { n: 64, vocabSize: 256, dModel: 96, numHeads: 6, dFF: 384, maxPositions: 64 }, 64), true);
  add(randomTest(random, { n: 48, vocabSize: 512, dModel: 128, numHeads: 4, dFF: 256, maxPositions: 64 }, 10), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

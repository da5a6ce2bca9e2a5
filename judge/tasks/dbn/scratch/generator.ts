import { drawGlyphSet, GLYPH_SIZE } from '../../../data/glyphs';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { round4, uniformMatrix, uniformVector } from '../../self-attention/scratch/random-tensors';
import { drawUntil } from '../../self-attention/scratch/score-gaps';
import type { Json, TestCase } from '../../types';
import { topHiddenProbabilities, type DbnOptions, type DbnWeights, type Rbm } from './reference';

type Args = [number[][], DbnWeights, DbnOptions];

/**
 * Smallest gap between a uniform and the probability it is compared with, outside the deliberate
 * exact ties. The float32 reference model computes P0 with an error near 1e-7; a uniform closer
 * than that could be sampled differently by correct float64 code.
 */
export const MIN_UNIFORM_GAP = 1e-4;

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

/** Draws an RBM with a kernel of scale `kernelScale`·√(3 / nVisible) and biases in [−biasScale, biasScale). */
function randomRbm(random: Random, nVisible: number, nHidden: number, kernelScale = 1.5, biasScale = 0.5): Rbm {
  return {
    kernel: uniformMatrix(random, nVisible, nHidden, kernelScale * Math.sqrt(3 / nVisible)),
    visibleBias: uniformVector(random, nVisible, biasScale),
    hiddenBias: uniformVector(random, nHidden, biasScale),
  };
}

/** Draws a stack through the given widths, e.g. [144, 64, 32] for RBMs 144 × 64 and 64 × 32. */
function randomStack(random: Random, widths: readonly number[], kernelScale?: number): DbnWeights {
  const rbms: Rbm[] = [];
  for (let l = 1; l < widths.length; l++) rbms.push(randomRbm(random, widths[l - 1], widths[l], kernelScale));
  return { rbms };
}

/** e^t overflows float64 above t ≈ 709.78; the overflow tests exceed this. */
const OVERFLOW_PREACTIVATION = 720;

/** Returns the largest v·W + c of an RBM over the rows of `input` (e^t overflows only for positive t). */
function largestPreactivation(input: number[][], rbm: Rbm): number {
  let largest = -Infinity;
  for (const row of input) {
    for (let j = 0; j < rbm.hiddenBias.length; j++) {
      let sum = rbm.hiddenBias[j];
      for (let a = 0; a < row.length; a++) sum += row[a] * rbm.kernel[a][j];
      largest = Math.max(largest, sum);
    }
  }
  return largest;
}

/** Values uniform in [0, 1], rounded to 4 decimals: visible units given as probabilities. */
function probabilityBatch(random: Random, batchSize: number, nVisible: number): number[][] {
  return Array.from({ length: batchSize }, () => Array.from({ length: nVisible }, () => round4(random.float())));
}

/** Visible units of 0 and 1, each 1 with probability `density`. */
function binaryBatch(random: Random, batchSize: number, nVisible: number, density = 0.4): number[][] {
  return Array.from({ length: batchSize }, () => Array.from({ length: nVisible }, () => (random.float() < density ? 1 : 0)));
}

/** Glyph images (12×12) binarised at 0.5, the inputs of Part 2. */
function glyphBatch(random: Random, batchSize: number): number[][] {
  return drawGlyphSet(random, batchSize).images.map((image) => image.map((value) => (value >= 0.5 ? 1 : 0)));
}

/** Draws a uniform in [0, 1) cut to 4 decimals, so that it stays below 1. */
function uniform4(random: Random): number {
  return Math.floor(random.float() * 1e4) / 1e4;
}

/**
 * Uniforms [batchSize, nHidden] with 4 decimals, each redrawn until it is at least MIN_UNIFORM_GAP
 * away from the probability P0 it will be compared with.
 */
function uniformsFor(random: Random, input: number[][], weights: DbnWeights): number[][] {
  return topHiddenProbabilities(input, weights).map((row) =>
    row.map((probability) => {
      let uniform = uniform4(random);
      while (Math.abs(uniform - probability) < MIN_UNIFORM_GAP) uniform = uniform4(random);
      return uniform;
    }),
  );
}

function withUniforms(random: Random, input: number[][], weights: DbnWeights, learningRate: number): Args {
  return [input, weights, { learningRate, uniforms: uniformsFor(random, input, weights) }];
}

/** Returns the statement's worked example: one row, one RBM with two visible units and one hidden unit. */
function workedExample(): Args {
  return [[[1, 0]], { rbms: [{ kernel: [[1], [-1]], visibleBias: [0, 0], hiddenBias: [0] }] }, { learningRate: 0.1, uniforms: [[0.5]] }];
}

/** Public tests shown on the task page; the first is the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(4201);
  const single = randomStack(random, [6, 3]);
  const stacked = randomStack(random, [8, 5, 3]);
  return [
    test('sample-1', workedExample(), false),
    test('sample-2', withUniforms(random, binaryBatch(random, 4, 6), single, 0.1), false),
    test('sample-3', withUniforms(random, probabilityBatch(random, 3, 8), stacked, 0.05), false),
  ];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // One row, with one RBM and with a stack of two.
  add(withUniforms(random, binaryBatch(random, 1, 7), randomStack(random, [7, 4]), 0.1));
  add(withUniforms(random, probabilityBatch(random, 1, 9), randomStack(random, [9, 6, 3]), 0.1));
  // A single hidden unit, and a single visible unit.
  add(withUniforms(random, binaryBatch(random, 6, 5), randomStack(random, [5, 1]), 0.2));
  add(withUniforms(random, probabilityBatch(random, 5, 1), randomStack(random, [1, 4]), 0.2));

  // Exact ties: an all-zero row and zero hidden biases give P0 = σ(0) = 0.5 exactly in float32 and
  // float64, and a uniform of exactly 0.5 there must sample 0, because the comparison is strict.
  {
    const input = binaryBatch(random, 4, 6);
    input[1] = new Array<number>(6).fill(0);
    const weights = randomStack(random, [6, 5]);
    weights.rbms[0].hiddenBias = new Array<number>(5).fill(0);
    const [, , options] = withUniforms(random, input, weights, 0.1);
    options.uniforms[1] = new Array<number>(5).fill(0.5);
    add([input, weights, options]);
  }
  // Uniforms of exactly 0: every hidden unit with P0 > 0 samples 1.
  {
    const input = probabilityBatch(random, 5, 6);
    const weights = randomStack(random, [6, 4]);
    add([input, weights, { learningRate: 0.1, uniforms: input.map(() => new Array<number>(4).fill(0)) }]);
  }
  // Pre-activations beyond 720: e^t overflows, so e^t / (1 + e^t) is NaN; the probabilities are 0 or 1.
  {
    const input = binaryBatch(random, 6, 12, 0.6);
    const rbm = drawUntil(() => randomRbm(random, 12, 6, 400), (candidate) => largestPreactivation(input, candidate) > OVERFLOW_PREACTIVATION, 'overflowing RBM');
    add(withUniforms(random, input, { rbms: [rbm] }, 0.01));
  }
  // Overflowing pre-activations in the lower RBM only, so the top RBM receives inputs of exactly 0 and 1.
  {
    const input = binaryBatch(random, 6, 10);
    const lower = drawUntil(() => randomRbm(random, 10, 8, 400), (candidate) => largestPreactivation(input, candidate) > OVERFLOW_PREACTIVATION, 'overflowing RBM');
    add(withUniforms(random, input, { rbms: [lower, randomRbm(random, 8, 4)] }, 0.1));
  }

  // Nonzero biases on one side only.
  {
    const weights = randomStack(random, [8, 5]);
    weights.rbms[0].hiddenBias = new Array<number>(5).fill(0);
    add(withUniforms(random, binaryBatch(random, 7, 8), weights, 0.1));
  }
  {
    const weights = randomStack(random, [8, 5]);
    weights.rbms[0].visibleBias = new Array<number>(8).fill(0);
    add(withUniforms(random, binaryBatch(random, 7, 8), weights, 0.1));
  }
  // A large learning rate, where a wrong sign or scale of the update shows at once.
  add(withUniforms(random, probabilityBatch(random, 8, 10), randomStack(random, [10, 6]), 2));
  // Stacks of three and four RBMs.
  add(withUniforms(random, binaryBatch(random, 10, 16), randomStack(random, [16, 12, 8, 6]), 0.05));
  add(withUniforms(random, probabilityBatch(random, 8, 12), randomStack(random, [12, 10, 8, 6, 4]), 0.05));
  // Glyph images, the inputs of Part 2, through a stack of the shape the Part 2 reference pre-trains.
  const pixels = GLYPH_SIZE * GLYPH_SIZE;
  add(withUniforms(random, glyphBatch(random, 20), randomStack(random, [pixels, 64, 32]), 0.05));
  add(withUniforms(random, glyphBatch(random, 20), randomStack(random, [pixels, 32]), 0.05));

  // Large inputs for the speed grade.
  add(withUniforms(random, glyphBatch(random, 128), randomStack(random, [pixels, 128, 64]), 0.05), true);
  add(withUniforms(random, glyphBatch(random, 256), randomStack(random, [pixels, 128]), 0.05), true);
  add(withUniforms(random, probabilityBatch(random, 128, 256), randomStack(random, [256, 192, 128]), 0.05), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

import { drawGlyphSet, GLYPH_SIZE } from '../../../data/glyphs';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { randomDense, round4, uniformMatrix } from '../../self-attention/scratch/random-tensors';
import type { Json, TestCase } from '../../types';
import { decoderLogits, type AutoencoderOptions, type AutoencoderWeights, type Dense, type ReconstructionLoss } from './reference';

type Args = [number[][], AutoencoderWeights, AutoencoderOptions];

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

/** Values uniform in [0, 1], rounded to 4 decimals. */
function unitBatch(random: Random, batchSize: number, inputDim: number): number[][] {
  return Array.from({ length: batchSize }, () => Array.from({ length: inputDim }, () => round4(random.float())));
}

/** Glyph images (12×12 intensities in [0, 1]), the kind of data Part 2 trains on. */
function glyphBatch(random: Random, batchSize: number): number[][] {
  return drawGlyphSet(random, batchSize).images;
}

/**
 * Random dense layers through the given widths, e.g. [6, 4, 2] for 6 → 4 → 2. Kernels keep the
 * activations' scale (variance about 1/inputDim) and biases are uniform in [−0.3, 0.3).
 */
function stack(random: Random, widths: readonly number[]): Dense[] {
  const layers: Dense[] = [];
  for (let l = 1; l < widths.length; l++) layers.push(randomDense(random, widths[l - 1], widths[l], 1.5, 0.3));
  return layers;
}

/** Draws an autoencoder through `encoderWidths` (input first, code last) and back through their reverse. */
function autoencoder(random: Random, encoderWidths: readonly number[]): AutoencoderWeights {
  return { encoder: stack(random, encoderWidths), decoder: stack(random, encoderWidths.slice().reverse()) };
}

function scaleLayer(layer: Dense, factor: number): Dense {
  return {
    kernel: layer.kernel.map((row) => row.map((value) => round4(value * factor))),
    bias: layer.bias.map((value) => round4(value * factor)),
  };
}

function zeros(length: number): number[] {
  return new Array<number>(length).fill(0);
}

function options(loss: ReconstructionLoss): AutoencoderOptions {
  return { loss };
}

/** Returns the statement's worked example: two rows, one code unit, one layer on each side. */
function workedExample(loss: ReconstructionLoss): Args {
  return [
    [
      [1, 0],
      [0, 1],
    ],
    {
      encoder: [{ kernel: [[1], [-1]], bias: [0] }],
      decoder: [{ kernel: [[2, -2]], bias: [0, 0] }],
    },
    options(loss),
  ];
}

/** Public tests shown on the task page; the first two are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(3101);
  const small: Args = [unitBatch(random, 4, 6), autoencoder(random, [6, 4, 2]), options('binaryCrossentropy')];
  return [
    test('sample-1', workedExample('meanSquaredError'), false),
    test('sample-2', workedExample('binaryCrossentropy'), false),
    test('sample-3', small, false),
  ];
}

/**
 * Returns the same autoencoder with a last decoder layer whose largest logit is `magnitude`: 800
 * makes e^z overflow float64, and 60 makes σ(z) round to exactly 1.
 *
 * Every column of that layer's kernel, and its bias, takes one sign, and the first column is
 * positive. The layer's inputs are ReLU outputs and never negative, so each logit is a sum of terms
 * of one sign, and float32 rounding cannot cancel to a large relative error. Scaling the layer's
 * kernel and bias by f then scales every logit by f. Negative logits may end up larger in magnitude
 * than `magnitude`.
 */
function saturatedDecoder(random: Random, input: number[][], weights: AutoencoderWeights, magnitude: number): AutoencoderWeights {
  const last = weights.decoder[weights.decoder.length - 1];
  const signs = last.bias.map((_, u) => (u === 0 || random.float() < 0.5 ? 1 : -1));
  const signed: Dense = {
    kernel: last.kernel.map((row) => row.map((value, u) => signs[u] * Math.abs(value))),
    bias: last.bias.map((value, u) => signs[u] * Math.abs(value)),
  };
  const unscaled = { encoder: weights.encoder, decoder: [...weights.decoder.slice(0, -1), signed] };
  const largest = Math.max(...decoderLogits(input, unscaled).flat());
  return { encoder: weights.encoder, decoder: [...weights.decoder.slice(0, -1), scaleLayer(signed, magnitude / largest)] };
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // One row, with each loss.
  add([unitBatch(random, 1, 8), autoencoder(random, [8, 5, 3]), options('meanSquaredError')]);
  add([unitBatch(random, 1, 8), autoencoder(random, [8, 3]), options('binaryCrossentropy')]);
  // A code of a single unit.
  add([unitBatch(random, 6, 5), autoencoder(random, [5, 1]), options('meanSquaredError')]);

  // A row whose whole code is zero: an all-zero input row and negative encoder biases, so every
  // code unit of that row is ReLU of a negative number and the reconstruction comes from biases only.
  {
    const input = unitBatch(random, 5, 7);
    input[2] = zeros(7);
    const weights = autoencoder(random, [7, 4]);
    weights.encoder[0].bias = weights.encoder[0].bias.map((value) => -Math.abs(value) - 0.1);
    add([input, weights, options('binaryCrossentropy')]);
  }

  // Pre-activations exactly zero: zero encoder weights and biases give ReLU(0) = 0 everywhere.
  {
    const weights = autoencoder(random, [6, 3]);
    weights.encoder[0] = { kernel: weights.encoder[0].kernel.map((row) => row.map(() => 0)), bias: zeros(3) };
    add([unitBatch(random, 4, 6), weights, options('meanSquaredError')]);
  }

  // Logits up to 800: e^z overflows float64, so e^z / (1 + e^z) is NaN, and log σ(z) is −∞.
  {
    const input = unitBatch(random, 6, 10);
    const weights = autoencoder(random, [10, 6, 4]);
    add([input, saturatedDecoder(random, input, weights, 800), options('binaryCrossentropy')]);
  }
  {
    const input = unitBatch(random, 6, 10);
    const weights = autoencoder(random, [10, 6, 4]);
    add([input, saturatedDecoder(random, input, weights, 800), options('meanSquaredError')]);
  }
  // A largest logit of 60: σ(z) rounds to exactly 1 above z ≈ 37, so log(1 − σ(z)) is −∞, and a
  // Keras-style clip of σ(z) to [1e-7, 1 − 1e-7] caps each term near 16.1 instead of about |z|.
  {
    const input = unitBatch(random, 8, 12);
    const weights = autoencoder(random, [12, 8, 4]);
    add([input, saturatedDecoder(random, input, weights, 60), options('binaryCrossentropy')]);
  }

  // Fractional targets with cross-entropy: the x·z term matters for every entry.
  add([unitBatch(random, 10, 16), autoencoder(random, [16, 8, 4]), options('binaryCrossentropy')]);
  // A bias in the last decoder layer only.
  {
    const weights = autoencoder(random, [9, 6, 3]);
    for (const layer of [...weights.encoder, ...weights.decoder]) layer.bias = zeros(layer.bias.length);
    const last = weights.decoder[weights.decoder.length - 1];
    last.bias = last.bias.map(() => round4(random.uniform(-2, 2)));
    add([unitBatch(random, 7, 9), weights, options('meanSquaredError')]);
  }
  // Deep: three layers on each side.
  add([unitBatch(random, 12, 20), autoencoder(random, [20, 16, 10, 5]), options('binaryCrossentropy')]);
  // Overcomplete: the code is wider than the input.
  add([unitBatch(random, 6, 4), autoencoder(random, [4, 12]), options('meanSquaredError')]);
  // Encoder and decoder of different depths.
  add([
    unitBatch(random, 5, 10),
    { encoder: stack(random, [10, 8, 6, 3]), decoder: stack(random, [3, 10]) },
    options('binaryCrossentropy'),
  ]);
  // Glyph images, the inputs of Part 2.
  add([glyphBatch(random, 16), autoencoder(random, [GLYPH_SIZE * GLYPH_SIZE, 32, 8]), options('binaryCrossentropy')]);
  add([glyphBatch(random, 16), autoencoder(random, [GLYPH_SIZE * GLYPH_SIZE, 16]), options('meanSquaredError')]);

  // Large inputs for the speed grade.
  const pixels = GLYPH_SIZE * GLYPH_SIZE;
  add([glyphBatch(random, 128), autoencoder(random, [pixels, 128, 64, 32]), options('meanSquaredError')], true);
  add([glyphBatch(random, 128), autoencoder(random, [pixels, 96, 24]), options('binaryCrossentropy')], true);
  add([uniformMatrix(random, 256, 256, 0.5).map((row) => row.map((value) => round4(value + 0.5))), autoencoder(random, [256, 128, 48]), options('binaryCrossentropy')], true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

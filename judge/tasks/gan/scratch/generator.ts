import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { normalMatrix, randomDense, round4 } from '../../self-attention/scratch/random-tensors';
import { drawUntil } from '../../self-attention/scratch/score-gaps';
import type { Json, TestCase } from '../../types';
import { discriminatorLogits, type Dense, type GanInput, type GanOptions, type GanWeights } from './reference';

type Args = [GanInput, GanWeights, GanOptions];

interface Shape {
  nReal: number;
  nFake: number;
  latentDim: number;
  dataDim: number;
  /** Hidden widths of the generator, e.g. [8, 8] for two hidden layers. */
  generatorHidden: number[];
  /** Hidden widths of the discriminator. */
  discriminatorHidden: number[];
}

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

function stack(random: Random, widths: readonly number[]): Dense[] {
  const layers: Dense[] = [];
  for (let l = 1; l < widths.length; l++) layers.push(randomDense(random, widths[l - 1], widths[l], 1.5, 0.3));
  return layers;
}

function randomWeights(random: Random, shape: Shape): GanWeights {
  return {
    generator: stack(random, [shape.latentDim, ...shape.generatorHidden, shape.dataDim]),
    discriminator: stack(random, [shape.dataDim, ...shape.discriminatorHidden, 1]),
  };
}

/** Points of a ring of 8 Gaussians of radius 2 and deviation 0.15, like the data of Part 2. */
function ringPoints(random: Random, n: number): number[][] {
  return Array.from({ length: n }, () => {
    const angle = (2 * Math.PI * random.int(0, 7)) / 8;
    return [round4(2 * Math.cos(angle) + 0.15 * random.normal()), round4(2 * Math.sin(angle) + 0.15 * random.normal())];
  });
}

function randomInput(random: Random, shape: Shape): GanInput {
  const real = shape.dataDim === 2 ? ringPoints(random, shape.nReal) : normalMatrix(random, shape.nReal, shape.dataDim);
  return { real, noise: normalMatrix(random, shape.nFake, shape.latentDim) };
}

function options(leakyReluAlpha: number, realLabel = 1): GanOptions {
  return { leakyReluAlpha, realLabel };
}

function randomArgs(random: Random, shape: Shape, opts: GanOptions): Args {
  return [randomInput(random, shape), randomWeights(random, shape), opts];
}

/**
 * Smallest |logit| of a large-logit test, as a fraction of the largest. The float32 reference
 * computes a logit near 1000 with an absolute error near 1e-4. The tolerance covers that only where
 * the logit itself is large, so networks whose logits cancel to near zero are redrawn.
 */
const MIN_LOGIT_FRACTION = 0.1;

/**
 * Smallest largest positive logit of a large-logit test, as a fraction of the largest |logit|.
 * log(1 + e^ℓ) overflows only for positive ℓ, so the most positive logit must be large too.
 */
const MIN_POSITIVE_FRACTION = 0.75;

/** Logits of the discriminator on the real and the generated rows, in float64. */
function allLogits([input, weights, opts]: Args): number[] {
  const fake = generateRows(input.noise, weights.generator);
  return discriminatorLogits([...input.real, ...fake], weights, opts.leakyReluAlpha);
}

/**
 * Draws networks until every logit's magnitude is at least MIN_LOGIT_FRACTION of the largest and the
 * most positive logit at least MIN_POSITIVE_FRACTION of it, then scales the discriminator's last
 * layer so that the largest |logit| is `magnitude`. Scaling that layer's kernel and bias by f scales
 * every logit by f.
 */
function withLargeLogits(draw: () => Args, magnitude: number): Args {
  const [input, weights, opts] = drawUntil(
    draw,
    (args) => {
      const logits = allLogits(args);
      const largest = Math.max(...logits.map(Math.abs));
      return Math.min(...logits.map(Math.abs)) >= MIN_LOGIT_FRACTION * largest && Math.max(...logits) >= MIN_POSITIVE_FRACTION * largest;
    },
    'large-logit GAN test',
  );
  const factor = magnitude / Math.max(...allLogits([input, weights, opts]).map(Math.abs));
  const last = weights.discriminator[weights.discriminator.length - 1];
  const scaled: Dense = {
    kernel: last.kernel.map((row) => row.map((value) => round4(value * factor))),
    bias: last.bias.map((value) => round4(value * factor)),
  };
  return [input, { generator: weights.generator, discriminator: [...weights.discriminator.slice(0, -1), scaled] }, opts];
}

/** Computes the generator's output rows in float64 (ReLU between layers, linear last layer). */
function generateRows(noise: number[][], layers: Dense[]): number[][] {
  let rows = noise;
  layers.forEach((layer, l) => {
    rows = rows.map((row) =>
      layer.bias.map((bias, u) => {
        let sum = bias;
        for (let t = 0; t < row.length; t++) sum += row[t] * layer.kernel[t][u];
        return l < layers.length - 1 ? Math.max(sum, 0) : sum;
      }),
    );
  });
  return rows;
}

/** The statement's worked example: a one-layer generator and a two-layer discriminator on 1-D data. */
function workedExample(realLabel: number): Args {
  return [
    { real: [[1]], noise: [[1], [-1]] },
    {
      generator: [{ kernel: [[2]], bias: [0] }],
      discriminator: [
        { kernel: [[1, -1]], bias: [0, 0] },
        { kernel: [[1], [2]], bias: [0] },
      ],
    },
    options(0.2, realLabel),
  ];
}

/** Public tests shown on the task page; the first two are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(5301);
  const small: Shape = { nReal: 4, nFake: 3, latentDim: 3, dataDim: 2, generatorHidden: [5], discriminatorHidden: [4] };
  return [
    test('sample-1', workedExample(1), false),
    test('sample-2', workedExample(0.9), false),
    test('sample-3', randomArgs(random, small, options(0.2)), false),
  ];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);
  const ring = (nReal: number, nFake: number, generatorHidden: number[], discriminatorHidden: number[], latentDim = 4): Shape => ({
    nReal,
    nFake,
    latentDim,
    dataDim: 2,
    generatorHidden,
    discriminatorHidden,
  });

  // One real and one generated sample.
  add(randomArgs(random, ring(1, 1, [6], [6]), options(0.2)));
  // Batches of different sizes on each side.
  add(randomArgs(random, ring(7, 3, [8], [8]), options(0.2)));
  add(randomArgs(random, ring(2, 9, [8], [8]), options(0.2)));
  // Keras' default slope 0.3, plain ReLU (slope 0) and a steep slope.
  add(randomArgs(random, ring(6, 6, [8], [8, 8]), options(0.3)));
  add(randomArgs(random, ring(6, 6, [8], [8, 8]), options(0)));
  add(randomArgs(random, ring(6, 6, [8], [8, 8]), options(0.9)));
  // One-sided label smoothing.
  add(randomArgs(random, ring(8, 8, [8, 8], [8]), options(0.2, 0.9)));
  add(randomArgs(random, ring(5, 5, [6], [6]), options(0.2, 0.7)));
  // Logits near ±1000: log(1 + e^ℓ) overflows, and log σ(ℓ) or log(1 − σ(ℓ)) is −∞.
  add(withLargeLogits(() => randomArgs(random, ring(8, 8, [8], [8]), options(0.2)), 1000));
  add(withLargeLogits(() => randomArgs(random, ring(8, 8, [8], [8]), options(0.2, 0.9)), 1000));
  // Logits up to ±40, where σ(ℓ) rounds to exactly 0 or 1 in float64.
  add(withLargeLogits(() => randomArgs(random, ring(10, 10, [8], [8, 8]), options(0.2)), 40));
  // A linear generator (one layer) and deep networks on both sides.
  add(randomArgs(random, ring(6, 6, [], [8]), options(0.2)));
  add(randomArgs(random, { nReal: 6, nFake: 6, latentDim: 8, dataDim: 5, generatorHidden: [12, 10, 8], discriminatorHidden: [10, 8, 6] }, options(0.2)));
  // A one-layer discriminator (a logistic regression) on 1-D data.
  add(randomArgs(random, { nReal: 6, nFake: 4, latentDim: 2, dataDim: 1, generatorHidden: [4], discriminatorHidden: [] }, options(0.2)));
  // Wider data, with biases only in the generator's last layer.
  {
    const args = randomArgs(random, { nReal: 12, nFake: 12, latentDim: 6, dataDim: 16, generatorHidden: [16], discriminatorHidden: [16] }, options(0.2));
    const [, weights] = args;
    for (const layer of [...weights.generator.slice(0, -1), ...weights.discriminator]) layer.bias = layer.bias.map(() => 0);
    add(args);
  }

  // Large inputs for the speed grade.
  add(randomArgs(random, ring(1024, 1024, [64, 64], [64, 64], 16), options(0.2)), true);
  add(randomArgs(random, { nReal: 512, nFake: 512, latentDim: 32, dataDim: 64, generatorHidden: [128], discriminatorHidden: [128, 64] }, options(0.2, 0.9)), true);
  add(randomArgs(random, { nReal: 256, nFake: 512, latentDim: 64, dataDim: 144, generatorHidden: [128], discriminatorHidden: [128] }, options(0.3)), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

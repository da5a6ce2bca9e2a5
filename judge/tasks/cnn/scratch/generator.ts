import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { round4, uniformMatrix, uniformVector } from '../../self-attention/scratch/random-tensors';
import { drawUntil } from '../../self-attention/scratch/score-gaps';
import type { Json, TestCase } from '../../types';
import { cnnModel } from './model';
import { cnnForward, cnnLogits, planAxis, type CnnOptions, type CnnWeights } from './reference';

type Args = [number[][][], CnnWeights, CnnOptions];

interface Shape {
  height: number;
  width: number;
  channels: number;
  kernelHeight: number;
  kernelWidth: number;
  filters: number;
  classes: number;
}

/** Logits beyond this overflow e^x in float64 (the limit is about 709.78). */
export const OVERFLOW_LOGIT = 720;

/** Gap between the largest logit and the next in large-logit tests: the others then weigh below e^−20. */
const MIN_WINNER_GAP = 20;

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

function options(
  strides: number,
  padding: CnnOptions['padding'],
  activation: CnnOptions['activation'],
  poolSize: number,
  poolStrides: number,
  poolPadding: CnnOptions['poolPadding'],
): CnnOptions {
  return { strides, padding, activation, poolSize, poolStrides, poolPadding };
}

/** Number of values the dense layer receives for this shape and these options. */
export function flatSize(shape: Pick<Shape, 'height' | 'width' | 'kernelHeight' | 'kernelWidth' | 'filters'>, opts: CnnOptions): number {
  const convRows = planAxis(shape.height, shape.kernelHeight, opts.strides, opts.padding).size;
  const convColumns = planAxis(shape.width, shape.kernelWidth, opts.strides, opts.padding).size;
  const poolRows = planAxis(convRows, opts.poolSize, opts.poolStrides, opts.poolPadding).size;
  const poolColumns = planAxis(convColumns, opts.poolSize, opts.poolStrides, opts.poolPadding).size;
  return poolRows * poolColumns * shape.filters;
}

/** [height, width, channels] pixels uniform in [−1, 1). */
function randomImage(random: Random, height: number, width: number, channels: number): number[][][] {
  return Array.from({ length: height }, () => uniformMatrix(random, width, channels, 1));
}

/**
 * Weights that keep activations near unit scale: conv taps with variance 1/(kh·kw·C) and dense
 * entries with variance `logitScale`²/flatSize.
 */
function randomWeights(random: Random, shape: Shape, opts: CnnOptions, logitScale = 1, biasScale = 0.3): CnnWeights {
  const fanIn = shape.kernelHeight * shape.kernelWidth * shape.channels;
  const flat = flatSize(shape, opts);
  return {
    conv: {
      kernel: Array.from({ length: shape.kernelHeight }, () =>
        Array.from({ length: shape.kernelWidth }, () => uniformMatrix(random, shape.channels, shape.filters, Math.sqrt(3 / fanIn))),
      ),
      bias: uniformVector(random, shape.filters, biasScale),
    },
    dense: {
      kernel: uniformMatrix(random, flat, shape.classes, logitScale * Math.sqrt(3 / flat)),
      bias: uniformVector(random, shape.classes, biasScale),
    },
  };
}

function randomTest(random: Random, shape: Shape, opts: CnnOptions, logitScale = 1): Args {
  return [randomImage(random, shape.height, shape.width, shape.channels), randomWeights(random, shape, opts, logitScale), opts];
}

function square(size: number, channels: number, kernel: number, filters: number, classes: number): Shape {
  return { height: size, width: size, channels, kernelHeight: kernel, kernelWidth: kernel, filters, classes };
}

/** Returns the largest |y − ŷ| / (1e-6 + 1e-5·|ŷ|) between two outputs: below 1 means within the tolerance. */
function toleranceUsed(actual: number[], expected: number[]): number {
  return Math.max(...expected.map((value, i) => Math.abs(actual[i] - value) / (1e-6 + 1e-5 * Math.abs(value))));
}

/**
 * Logits whose largest |value| exceeds OVERFLOW_LOGIT, with the winner at least MIN_WINNER_GAP
 * above the next: the dense kernel is scaled up until the logits are that large. float32 rounding
 * moves logits near 1000 by about 1e-4. That would shift the softmax of two close logits by more
 * than the tolerance, but with a clear winner the other weights are too small to matter.
 */
function largeLogits(random: Random, shape: Shape, opts: CnnOptions, sign: 1 | -1): Args {
  return drawUntil(
    () => {
      const args = randomTest(random, shape, opts, 1);
      const logits = cnnLogits(...args);
      const spread = Math.max(...logits) - Math.min(...logits);
      // Scale the dense layer so that the logits spread over about 1500, then shift them all.
      const scale = 1500 / Math.max(spread, 1e-9);
      const shift = sign * 1000;
      args[1].dense.kernel = args[1].dense.kernel.map((row) => row.map((value) => round4(value * scale)));
      args[1].dense.bias = args[1].dense.bias.map((value) => round4(value * scale + shift));
      return args;
    },
    (args) => {
      const logits = cnnLogits(...args).sort((a, b) => b - a);
      const overflow = sign > 0 ? logits[0] > OVERFLOW_LOGIT : logits[0] < -OVERFLOW_LOGIT;
      return overflow && logits[0] - logits[1] >= MIN_WINNER_GAP && toleranceUsed(cnnForward(...args), cnnModel(...args)) < 0.25;
    },
    'large-logit CNN test',
  );
}

/** Returns the statement's worked example: a 3×3 image, a 2×2 kernel, 'same' padding and pooling. */
export function workedExample(variant: 'relu' | 'linear'): Args {
  const image = [
    [[1], [-2], [3]],
    [[-1], [2], [0]],
    [[2], [-3], [1]],
  ];
  const weights: CnnWeights = {
    conv: { kernel: [[[[1]], [[-1]]], [[[0.5]], [[1]]]], bias: variant === 'relu' ? [-0.5] : [-3] },
    dense: { kernel: [[1, 0], [0, 1], [-1, 0], [0, -1]], bias: variant === 'relu' ? [0, 0.5] : [0, 0] },
  };
  return [image, weights, options(1, 'same', variant, 2, 2, 'same')];
}

/** Public tests shown on the task page; the first two are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(1998);
  const round2 = (value: number) => Math.round(value * 100) / 100;
  const opts = options(2, 'same', 'relu', 2, 2, 'valid');
  const [image, weights] = randomTest(random, { height: 5, width: 6, channels: 2, kernelHeight: 2, kernelWidth: 3, filters: 3, classes: 3 }, opts);
  const small: Args = [
    image.map((row) => row.map((pixel) => pixel.map(round2))),
    {
      conv: { kernel: weights.conv.kernel.map((row) => row.map((taps) => taps.map((tap) => tap.map(round2)))), bias: weights.conv.bias.map(round2) },
      dense: { kernel: weights.dense.kernel.map((row) => row.map(round2)), bias: weights.dense.bias.map(round2) },
    },
    opts,
  ];
  return [test('sample-1', workedExample('relu'), false), test('sample-2', workedExample('linear'), false), test('sample-3', small, false)];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // A 1×1 image through a 1×1 kernel and no pooling, and a single class (softmax = [1]).
  add(randomTest(random, square(1, 3, 1, 4, 3), options(1, 'valid', 'linear', 1, 1, 'valid')));
  add(randomTest(random, square(4, 1, 3, 2, 1), options(1, 'same', 'relu', 2, 2, 'same')));
  // 'same' with even kernels: the odd extra padding row and column go at the bottom and right.
  add(randomTest(random, square(6, 2, 2, 3, 4), options(1, 'same', 'linear', 2, 2, 'valid')));
  add(randomTest(random, square(7, 1, 4, 2, 3), options(1, 'same', 'linear', 3, 3, 'same')));
  // 'same' with stride 2 on an even size (one extra bottom row), and a non-square kernel and image.
  add(randomTest(random, square(8, 2, 3, 4, 5), options(2, 'same', 'relu', 2, 2, 'same')));
  add(randomTest(random, { height: 9, width: 6, channels: 2, kernelHeight: 3, kernelWidth: 2, filters: 3, classes: 4 }, options(2, 'same', 'linear', 2, 2, 'same')));
  // 'valid' with a stride that does not divide the size, and pooling that drops the leftover rows.
  add(randomTest(random, square(9, 3, 3, 4, 5), options(2, 'valid', 'relu', 3, 3, 'valid')));
  add(randomTest(random, { height: 11, width: 10, channels: 1, kernelHeight: 4, kernelWidth: 4, filters: 2, classes: 3 }, options(3, 'valid', 'linear', 2, 2, 'valid')));
  // Overlapping pooling windows (size 3, stride 2) with 'same' padding.
  add(randomTest(random, square(10, 2, 3, 3, 4), options(1, 'same', 'linear', 3, 2, 'same')));
  // Negative values next to the padding: with a linear activation and a negative conv bias, pooling
  // windows that reach into the padding hold only negative values, so padding with 0 would win.
  const negative = randomTest(random, square(7, 2, 2, 3, 4), options(1, 'same', 'linear', 2, 2, 'same'));
  negative[0] = negative[0].map((row) => row.map((pixel) => pixel.map((value) => round4(-Math.abs(value) - 0.5))));
  negative[1].conv.bias = negative[1].conv.bias.map((value) => round4(value - 2));
  add(negative);
  // ReLU with a negative conv bias: many dead units, exact zeros into the pooling.
  const dead = randomTest(random, square(8, 3, 3, 6, 5), options(1, 'valid', 'relu', 2, 2, 'valid'));
  dead[1].conv.bias = dead[1].conv.bias.map((value) => round4(value - 0.8));
  add(dead);
  // Many input channels and filters.
  add(randomTest(random, square(12, 8, 3, 16, 10), options(1, 'same', 'relu', 2, 2, 'valid')));
  // Logits large enough to overflow an unshifted softmax, and negative enough to underflow it.
  add(largeLogits(random, square(6, 2, 3, 4, 5), options(1, 'same', 'relu', 2, 2, 'same'), 1));
  add(largeLogits(random, square(5, 1, 2, 3, 4), options(1, 'valid', 'linear', 2, 1, 'valid'), -1));

  // Large inputs for the speed grade.
  add(randomTest(random, square(64, 3, 5, 16, 10), options(1, 'same', 'relu', 4, 4, 'valid')), true);
  add(randomTest(random, square(48, 8, 3, 32, 8), options(1, 'valid', 'linear', 3, 3, 'valid')), true);
  add(randomTest(random, square(63, 4, 7, 24, 16), options(2, 'same', 'relu', 2, 2, 'same')), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { normalMatrix, round4, uniformMatrix, uniformVector } from '../../self-attention/scratch/random-tensors';
import { drawUntil } from '../../self-attention/scratch/score-gaps';
import type { Json, TestCase } from '../../types';
import { simpleRnnModel } from './model';
import { rnnForward, type SimpleRnnOptions, type SimpleRnnWeights } from './reference';

type Args = [number[][], SimpleRnnWeights, SimpleRnnOptions];

interface Shape {
  steps: number;
  inputDim: number;
  units: number;
}

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

function options(activation: SimpleRnnOptions['activation'], returnSequences: boolean, initialState: number[] | null = null): SimpleRnnOptions {
  return { activation, returnSequences, initialState };
}

/**
 * Weights whose pre-activations keep about the inputs' scale: kernel entries uniform with variance
 * `inputScale`²/inputDim, recurrent entries with variance `gain`²/units, so the recurrent kernel's
 * spectral radius is about `gain` (below 1 the state decays, above 1 it would grow without the
 * activation's saturation).
 */
function randomWeights(random: Random, shape: Shape, gain: number, inputScale = 1, biasScale = 0.3): SimpleRnnWeights {
  return {
    kernel: uniformMatrix(random, shape.inputDim, shape.units, inputScale * Math.sqrt(3 / shape.inputDim)),
    recurrentKernel: uniformMatrix(random, shape.units, shape.units, gain * Math.sqrt(3 / shape.units)),
    bias: uniformVector(random, shape.units, biasScale),
  };
}

function randomTest(random: Random, shape: Shape, gain: number, opts: SimpleRnnOptions, inputScale = 1): Args {
  return [normalMatrix(random, shape.steps, shape.inputDim), randomWeights(random, shape, gain, inputScale), opts];
}

/** Returns the largest |y − ŷ| / (1e-6 + 1e-5·|ŷ|) between two outputs: below 1 means within the tolerance. */
function toleranceUsed(actual: number[][] | number[], expected: number[][] | number[]): number {
  const a = actual.flat();
  return Math.max(...expected.flat().map((value, i) => Math.abs(a[i] - value) / (1e-6 + 1e-5 * Math.abs(value))));
}

/**
 * Draws a test on which float64 code and the float32 reference model agree within a quarter of
 * the tolerance. Saturated units and a recurrence with spectral radius above 1 can amplify float32
 * rounding from step to step, and then no float64 output could match the reference, so such draws
 * are rejected.
 */
function stable(draw: () => Args): Args {
  return drawUntil(
    draw,
    (args) => toleranceUsed(rnnForward(...args), simpleRnnModel(...args)) < 0.25,
    'recurrence that float32 rounding cannot derail',
  );
}

/** Returns the statement's worked example: two steps, two inputs, two units. */
export function workedExample(variant: 'sequences' | 'last-relu'): Args {
  const sequence = [
    [1, 2],
    [0, -1],
  ];
  const weights: SimpleRnnWeights = {
    kernel: [
      [0.1, 0.2],
      [0.3, -0.1],
    ],
    recurrentKernel: [
      [0.5, 0],
      [0, 0.5],
    ],
    bias: [0, 0.1],
  };
  return variant === 'sequences' ? [sequence, weights, options('tanh', true)] : [sequence, weights, options('relu', false, [1, -2])];
}

/** Public tests shown on the task page; the first two are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(1986);
  const round2 = (rows: number[][]): number[][] => rows.map((row) => row.map((value) => Math.round(value * 100) / 100));
  const shape: Shape = { steps: 5, inputDim: 3, units: 4 };
  const weights = randomWeights(random, shape, 0.9);
  const small: Args = [
    round2(normalMatrix(random, shape.steps, shape.inputDim)),
    { kernel: round2(weights.kernel), recurrentKernel: round2(weights.recurrentKernel), bias: round2([weights.bias])[0] },
    options('tanh', true, [0.5, -0.5, 0.25, 0]),
  ];
  return [test('sample-1', workedExample('sequences'), false), test('sample-2', workedExample('last-relu'), false), test('sample-3', small, false)];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // Sequences of length 1: one step from h_0.
  add(randomTest(random, { steps: 1, inputDim: 4, units: 6 }, 0.9, options('tanh', true)));
  add(randomTest(random, { steps: 1, inputDim: 3, units: 5 }, 0.9, options('relu', false, uniformVector(random, 5, 1))));
  // One input and one unit; more inputs than units; more units than inputs.
  add(randomTest(random, { steps: 30, inputDim: 1, units: 1 }, 0.9, options('tanh', true)));
  add(randomTest(random, { steps: 12, inputDim: 16, units: 3 }, 0.8, options('tanh', true)));
  add(randomTest(random, { steps: 12, inputDim: 2, units: 24 }, 0.8, options('tanh', false)));
  // Saturated tanh: pre-activations around ±6, where most states sit near ±1.
  add(stable(() => randomTest(random, { steps: 40, inputDim: 6, units: 8 }, 0.5, options('tanh', true), 6)));
  // A recurrent kernel with spectral radius about 2, kept short and strongly driven by the input
  // so that float32 rounding is not amplified from step to step.
  add(stable(() => randomTest(random, { steps: 16, inputDim: 8, units: 8 }, 2, options('tanh', true), 3)));
  // ReLU: a forgetting recurrence over many steps, and a growing one over a few.
  add(randomTest(random, { steps: 50, inputDim: 5, units: 10 }, 0.6, options('relu', true)));
  add(stable(() => randomTest(random, { steps: 8, inputDim: 4, units: 6 }, 1.6, options('relu', true, uniformVector(random, 6, 1)))));
  // A nonzero initial state, with the last state only.
  add(randomTest(random, { steps: 20, inputDim: 4, units: 8 }, 0.9, options('tanh', false, uniformVector(random, 8, 1))));
  // No input at all: the state evolves from h_0 alone.
  const silent = randomTest(random, { steps: 25, inputDim: 3, units: 6 }, 0.9, options('tanh', true, uniformVector(random, 6, 1)));
  silent[0] = silent[0].map((row) => row.map(() => 0));
  add(silent);
  // A bias only: zero kernels, so every state is act(bias) after the first step's act(bias + 0).
  const biasOnly = randomTest(random, { steps: 6, inputDim: 3, units: 4 }, 0.9, options('relu', true));
  biasOnly[1].kernel = biasOnly[1].kernel.map((row) => row.map(() => 0));
  biasOnly[1].recurrentKernel = biasOnly[1].recurrentKernel.map((row) => row.map(() => 0));
  biasOnly[1].bias = biasOnly[1].bias.map((value) => round4(value * 3));
  add(biasOnly);
  // Large negative inputs next to small positive weights: ReLU states that switch off and on.
  add(
    stable(() => {
      const negative = randomTest(random, { steps: 15, inputDim: 4, units: 6 }, 0.7, options('relu', true), 0.05);
      negative[0] = negative[0].map((row) => row.map((value) => round4(value * 50 - 20)));
      return negative;
    }),
  );
  // A long sequence returning only the last state.
  add(randomTest(random, { steps: 200, inputDim: 8, units: 16 }, 0.9, options('tanh', false)));

  // Large inputs for the speed grade.
  add(randomTest(random, { steps: 512, inputDim: 64, units: 128 }, 0.9, options('tanh', true)), true);
  add(randomTest(random, { steps: 400, inputDim: 128, units: 96 }, 0.7, options('relu', true)), true);
  add(randomTest(random, { steps: 512, inputDim: 32, units: 128 }, 0.9, options('tanh', false, uniformVector(random, 128, 1))), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

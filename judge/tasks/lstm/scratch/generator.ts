import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { normalMatrix, round4, uniformMatrix, uniformVector } from '../../self-attention/scratch/random-tensors';
import { drawUntil } from '../../self-attention/scratch/score-gaps';
import type { Json, TestCase } from '../../types';
import { lstmModel } from './model';
import { lstmForward, type LstmOptions, type LstmOutput, type LstmState, type LstmWeights } from './reference';

type Args = [number[][], LstmWeights, LstmOptions];

interface Shape {
  steps: number;
  inputDim: number;
  units: number;
}

/** Gate blocks of the kernels and the bias, in the Keras order. */
export const GATES = ['input', 'forget', 'cell', 'output'] as const;
export type Gate = (typeof GATES)[number];

function test(name: string, args: Args, hidden: boolean, timed = false): TestCase {
  const json = args as unknown as Json[];
  return timed ? { name, args: json, hidden, timed } : { name, args: json, hidden };
}

function options(
  recurrentActivation: LstmOptions['recurrentActivation'],
  returnSequences: boolean,
  initialState: LstmState | null = null,
): LstmOptions {
  return { recurrentActivation, returnSequences, initialState };
}

function randomState(random: Random, units: number, scale = 1): LstmState {
  return { h: uniformVector(random, units, Math.min(scale, 1)), c: uniformVector(random, units, scale) };
}

/**
 * Weights whose gate pre-activations keep about the inputs' scale: kernel entries with variance
 * `inputScale`²/inputDim and recurrent entries with variance `gain`²/units, biases uniform in
 * [−biasScale, biasScale).
 */
function randomWeights(random: Random, shape: Shape, gain: number, inputScale = 1, biasScale = 0.5): LstmWeights {
  const width = 4 * shape.units;
  return {
    kernel: uniformMatrix(random, shape.inputDim, width, inputScale * Math.sqrt(3 / shape.inputDim)),
    recurrentKernel: uniformMatrix(random, shape.units, width, gain * Math.sqrt(3 / shape.units)),
    bias: biasScale === 0 ? new Array<number>(width).fill(0) : uniformVector(random, width, biasScale),
  };
}

function randomTest(random: Random, shape: Shape, opts: LstmOptions, gain = 1, inputScale = 1): Args {
  return [normalMatrix(random, shape.steps, shape.inputDim), randomWeights(random, shape, gain, inputScale), opts];
}

/** Returns a zero bias except in one gate's block, which gets values uniform in [low, high). */
function biasInOneGate(random: Random, units: number, gate: Gate, low: number, high: number): number[] {
  const block = GATES.indexOf(gate);
  return Array.from({ length: 4 * units }, (_, j) => (Math.floor(j / units) === block ? round4(random.uniform(low, high)) : 0));
}

function flatOutput(result: LstmOutput): number[] {
  return [result.output.flat(), result.h, result.c].flat();
}

/** Returns the largest |y − ŷ| / (1e-6 + 1e-5·|ŷ|) between two outputs: below 1 means within the tolerance. */
function toleranceUsed(actual: LstmOutput, expected: LstmOutput): number {
  const a = flatOutput(actual);
  return Math.max(...flatOutput(expected).map((value, i) => Math.abs(a[i] - value) / (1e-6 + 1e-5 * Math.abs(value))));
}

/**
 * Draws a test on which float64 code and the float32 reference model agree within a quarter of the
 * tolerance. Saturated gates and large cell states can amplify float32 rounding over the steps, and
 * then no float64 output could match the reference, so such draws are rejected.
 */
function stable(draw: () => Args): Args {
  return drawUntil(draw, (args) => toleranceUsed(lstmForward(...args), lstmModel(...args)) < 0.25, 'LSTM test that float32 rounding cannot derail');
}

/** Returns the statement's worked example: one unit, two steps, a bias in the forget gate only. */
export function workedExample(variant: 'sigmoid' | 'hard-sigmoid' | 'initial-state'): Args {
  const sequence = [[1], [2]];
  const weights: LstmWeights = { kernel: [[0.5, 0.5, 1, 0.5]], recurrentKernel: [[0.1, 0.1, 0.1, 0.1]], bias: [0, 1, 0, 0] };
  if (variant === 'hard-sigmoid') return [sequence, weights, options('hardSigmoid', true)];
  if (variant === 'initial-state') return [sequence, weights, options('sigmoid', false, { h: [0.5], c: [-1] })];
  return [sequence, weights, options('sigmoid', true)];
}

/** Public tests shown on the task page; the first three are the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(1997);
  const round2 = (rows: number[][]): number[][] => rows.map((row) => row.map((value) => Math.round(value * 100) / 100));
  const weights = randomWeights(random, { steps: 4, inputDim: 3, units: 2 }, 1);
  const small: Args = [
    round2(normalMatrix(random, 4, 3)),
    { kernel: round2(weights.kernel), recurrentKernel: round2(weights.recurrentKernel), bias: round2([weights.bias])[0] },
    options('sigmoid', true, { h: [0.25, -0.5], c: [1, 0.5] }),
  ];
  return [
    test('sample-1', workedExample('sigmoid'), false),
    test('sample-2', workedExample('hard-sigmoid'), false),
    test('sample-3', workedExample('initial-state'), false),
    test('sample-4', small, false),
  ];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [Args, boolean][] = [];
  const add = (args: Args, timed = false) => cases.push([args, timed]);

  // Sequences of length 1, from zero states and from a given state.
  add(randomTest(random, { steps: 1, inputDim: 4, units: 5 }, options('sigmoid', true)));
  add(randomTest(random, { steps: 1, inputDim: 3, units: 4 }, options('sigmoid', false, randomState(random, 4, 2))));
  // One input and one unit; more inputs than units and the reverse.
  add(randomTest(random, { steps: 30, inputDim: 1, units: 1 }, options('sigmoid', true)));
  add(randomTest(random, { steps: 10, inputDim: 12, units: 2 }, options('sigmoid', true)));
  add(randomTest(random, { steps: 10, inputDim: 2, units: 12 }, options('sigmoid', false)));
  // A nonzero bias in one gate only, one test per gate. The forget gate's is large (σ(3) ≈ 0.95),
  // so the cell state builds up over the steps.
  const ranges: Record<Gate, [number, number]> = { input: [-2, 2], forget: [2, 4], cell: [-1.5, 1.5], output: [-2, 2] };
  for (const gate of GATES) {
    const args = randomTest(random, { steps: 12, inputDim: 3, units: 4 }, options('sigmoid', true));
    args[1].bias = biasInOneGate(random, 4, gate, ...ranges[gate]);
    add(args);
  }
  // The hard sigmoid, with pre-activations beyond ±2.5 where it clips to 0 and 1.
  add(stable(() => randomTest(random, { steps: 15, inputDim: 4, units: 6 }, options('hardSigmoid', true), 1, 4)));
  add(randomTest(random, { steps: 8, inputDim: 3, units: 5 }, options('hardSigmoid', false, randomState(random, 5))));
  // Saturated gates: pre-activations around ±8.
  add(stable(() => randomTest(random, { steps: 25, inputDim: 5, units: 6 }, options('sigmoid', true), 1, 8)));
  // A cell state that grows far beyond 1: forget gate near 1, input gate open, positive candidates.
  add(
    stable(() => {
      const args = randomTest(random, { steps: 40, inputDim: 3, units: 4 }, options('sigmoid', true), 0.5);
      args[0] = args[0].map((row) => row.map((value) => round4(Math.abs(value) + 0.5)));
      args[1].kernel = args[1].kernel.map((row) => row.map((value) => round4(Math.abs(value))));
      args[1].bias = [...new Array<number>(4).fill(3), ...new Array<number>(4).fill(6), ...new Array<number>(8).fill(1)];
      return args;
    }),
  );
  // No input at all: the state evolves from (h_0, c_0) alone.
  const silent = randomTest(random, { steps: 20, inputDim: 3, units: 5 }, options('sigmoid', true, randomState(random, 5, 3)));
  silent[0] = silent[0].map((row) => row.map(() => 0));
  add(silent);
  // Large negative inputs with small kernels.
  add(
    stable(() => {
      const args = randomTest(random, { steps: 12, inputDim: 4, units: 5 }, options('sigmoid', true), 1, 0.05);
      args[0] = args[0].map((row) => row.map((value) => round4(value * 40 - 30)));
      return args;
    }),
  );
  // A long sequence returning only the last state.
  add(randomTest(random, { steps: 200, inputDim: 8, units: 16 }, options('sigmoid', false)));

  // Large inputs for the speed grade.
  add(randomTest(random, { steps: 512, inputDim: 64, units: 64 }, options('sigmoid', true)), true);
  add(randomTest(random, { steps: 400, inputDim: 128, units: 48 }, options('sigmoid', false, randomState(random, 48))), true);
  add(randomTest(random, { steps: 512, inputDim: 32, units: 96 }, options('hardSigmoid', true)), true);

  return cases.map(([args, timed], index) => test(`hidden-${String(index + 1).padStart(2, '0')}`, args, true, timed));
}

import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readRecord } from '../../../checkers/shape';
import { compareTensor, type NestedNumbers } from '../../../checkers/tensor';
import type { CheckResult, Json, TaskDefinition } from '../../types';
import { readChoice, readFlag, readKernel, readSequence, readVector } from '../../rnn/scratch/validate';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { lstmModel } from './model';
import type { LstmOptions, LstmOutput, LstmWeights } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const LSTM_LIMITS = { maxSteps: 512, maxInputDim: 128, maxUnits: 128 } as const;

/** |y − ŷ| ≤ 1e-6 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const LSTM_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-5 };

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (sequence, weights, options), got ${args.length}`;

  const sequence = readSequence(args[0], 'sequence', LSTM_LIMITS);
  if (!sequence.ok) return sequence.message;
  const inputDim = sequence.value[0].length;

  const weights = readRecord(args[1], 'weights', ['kernel', 'recurrentKernel', 'bias']);
  if (!weights.ok) return weights.message;
  const kernel = readKernel(weights.value.kernel, 'weights.kernel', inputDim, '[inputDim, 4 * units]', { max: 4 * LSTM_LIMITS.maxUnits });
  if (!kernel.ok) return kernel.message;
  const width = kernel.value[0].length;
  if (width % 4 !== 0) return `weights.kernel has ${width} columns, expected a multiple of 4 (one block of units per gate i, f, c, o)`;
  const units = width / 4;
  const recurrent = readKernel(weights.value.recurrentKernel, 'weights.recurrentKernel', units, '[units, 4 * units]', { exact: width });
  if (!recurrent.ok) return recurrent.message;
  const bias = readVector(weights.value.bias, 'weights.bias', width);
  if (!bias.ok) return bias.message;

  const options = readRecord(args[2], 'options', ['recurrentActivation', 'returnSequences', 'initialState']);
  if (!options.ok) return options.message;
  const activation = readChoice(options.value.recurrentActivation, 'options.recurrentActivation', ['sigmoid', 'hardSigmoid']);
  if (!activation.ok) return activation.message;
  const returnSequences = readFlag(options.value.returnSequences, 'options.returnSequences');
  if (!returnSequences.ok) return returnSequences.message;
  if (options.value.initialState !== null) {
    const state = readRecord(options.value.initialState, 'options.initialState', ['h', 'c']);
    if (!state.ok) return `${state.message} (initialState is null or {h: [units], c: [units]})`;
    const h = readVector(state.value.h, 'options.initialState.h', units);
    if (!h.ok) return h.message;
    const c = readVector(state.value.c, 'options.initialState.c', units);
    if (!c.ok) return c.message;
  }
  return null;
}

/** Compares output, h and c in that order, after checking that the output is an object with all three. */
function check(output: Json, expected: LstmOutput): CheckResult {
  const record = readRecord(output, 'the result', ['output', 'h', 'c']);
  if (!record.ok) return { ok: false, message: record.message };
  for (const key of ['output', 'h', 'c'] as const) {
    const message = compareTensor(key, record.value[key], expected[key] as NestedNumbers, LSTM_TOLERANCE);
    if (message !== null) return { ok: false, message };
  }
  return { ok: true };
}

export const task: TaskDefinition<LstmOutput> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => lstmModel(args[0] as number[][], args[1] as unknown as LstmWeights, args[2] as unknown as LstmOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => check(output, expected),
};

import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readRecord } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import type { Json, TaskDefinition } from '../../types';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { simpleRnnModel } from './model';
import type { SimpleRnnOptions, SimpleRnnWeights } from './reference';
import { readChoice, readFlag, readKernel, readSequence, readVector } from './validate';

/** Size limits of the statement, enforced on custom input. */
export const RNN_LIMITS = { maxSteps: 512, maxInputDim: 128, maxUnits: 128 } as const;

/** |y − ŷ| ≤ 1e-6 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const RNN_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-5 };

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (sequence, weights, options), got ${args.length}`;

  const sequence = readSequence(args[0], 'sequence', RNN_LIMITS);
  if (!sequence.ok) return sequence.message;
  const inputDim = sequence.value[0].length;

  const weights = readRecord(args[1], 'weights', ['kernel', 'recurrentKernel', 'bias']);
  if (!weights.ok) return weights.message;
  const kernel = readKernel(weights.value.kernel, 'weights.kernel', inputDim, '[inputDim, units]', { max: RNN_LIMITS.maxUnits });
  if (!kernel.ok) return kernel.message;
  const units = kernel.value[0].length;
  const recurrent = readKernel(weights.value.recurrentKernel, 'weights.recurrentKernel', units, '[units, units]', { exact: units });
  if (!recurrent.ok) return recurrent.message;
  const bias = readVector(weights.value.bias, 'weights.bias', units);
  if (!bias.ok) return bias.message;

  const options = readRecord(args[2], 'options', ['activation', 'returnSequences', 'initialState']);
  if (!options.ok) return options.message;
  const activation = readChoice(options.value.activation, 'options.activation', ['tanh', 'relu']);
  if (!activation.ok) return activation.message;
  const returnSequences = readFlag(options.value.returnSequences, 'options.returnSequences');
  if (!returnSequences.ok) return returnSequences.message;
  if (options.value.initialState !== null) {
    const initialState = readVector(options.value.initialState, 'options.initialState', units);
    if (!initialState.ok) return `${initialState.message} (initialState is null or [units])`;
  }
  return null;
}

export const task: TaskDefinition<number[][] | number[]> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) =>
    simpleRnnModel(args[0] as number[][], args[1] as unknown as SimpleRnnWeights, args[2] as unknown as SimpleRnnOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => {
    const message = compareTensor('output', output, expected, RNN_TOLERANCE);
    return message === null ? { ok: true } : { ok: false, message };
  },
};

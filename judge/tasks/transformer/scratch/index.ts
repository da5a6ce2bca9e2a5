import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readNumber, readNumberMatrix, readRecord } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import { readBinaryMask, readBoolean, readNumHeads } from '../../self-attention/scratch/validate';
import type { Json, TaskDefinition } from '../../types';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { encoderBlockModel } from './model';
import type { EncoderBlockOptions, EncoderBlockWeights } from './reference';
import { ENCODER_BLOCK_LIMITS, readEncoderBlockWeights } from './validate';

/** Size limits of the statement, enforced on custom input. */
export const TRANSFORMER_LIMITS = { maxLength: 64, maxHeads: 16, minEpsilon: 1e-12, maxEpsilon: 1, ...ENCODER_BLOCK_LIMITS } as const;

/** |y − ŷ| ≤ 1e-5 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const TRANSFORMER_TOLERANCE: Tolerance = { absolute: 1e-5, relative: 1e-5 };

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (input, weights, options), got ${args.length}`;
  const { maxLength, maxModelDim, maxHeads, minEpsilon, maxEpsilon } = TRANSFORMER_LIMITS;

  const input = readNumberMatrix(args[0], 'input');
  if (!input.ok) return input.message;
  const n = input.value.length;
  const dModel = input.value[0]?.length ?? 0;
  if (n < 1 || n > maxLength) return `input has ${n} rows, expected 1 to ${maxLength}`;
  if (dModel < 1 || dModel > maxModelDim) return `input has ${dModel} columns, expected 1 to ${maxModelDim}`;

  const widths = readEncoderBlockWeights(args[1], 'weights', dModel);
  if (!widths.ok) return widths.message;

  const options = readRecord(args[2], 'options', ['numHeads', 'epsilon', 'normalizeFirst', 'paddingMask']);
  if (!options.ok) return options.message;
  const numHeads = readNumHeads(options.value.numHeads, 'options.numHeads', maxHeads, {
    'weights.attention.query.kernel': widths.value.keyWidth,
    'weights.attention.value.kernel': widths.value.valueWidth,
  });
  if (!numHeads.ok) return numHeads.message;
  const epsilon = readNumber(options.value.epsilon, 'options.epsilon', { min: minEpsilon, max: maxEpsilon });
  if (!epsilon.ok) return epsilon.message;
  const normalizeFirst = readBoolean(options.value.normalizeFirst, 'options.normalizeFirst');
  if (!normalizeFirst.ok) return normalizeFirst.message;
  if (options.value.paddingMask !== null) {
    const mask = readBinaryMask(options.value.paddingMask, 'options.paddingMask', n);
    if (!mask.ok) return `${mask.message} (paddingMask is null or [n] of 0 and 1)`;
  }
  return null;
}

export const task: TaskDefinition<number[][]> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) =>
    encoderBlockModel(args[0] as number[][], args[1] as unknown as EncoderBlockWeights, args[2] as unknown as EncoderBlockOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => {
    const message = compareTensor('output', output, expected, TRANSFORMER_TOLERANCE);
    return message === null ? { ok: true } : { ok: false, message };
  },
};

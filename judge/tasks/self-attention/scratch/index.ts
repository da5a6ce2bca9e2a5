import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readNumberMatrix, readRecord } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import type { Json, TaskDefinition } from '../../types';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { selfAttentionModel } from './model';
import type { SelfAttentionOptions, SelfAttentionWeights } from './reference';
import { readBinaryMask, readBoolean, readDense, readNumHeads } from './validate';

/** Size limits of the statement, enforced on custom input. */
export const SELF_ATTENTION_LIMITS = { maxLength: 128, maxModelDim: 128, maxHeads: 16, maxProjectionWidth: 256 } as const;

/** |y − ŷ| ≤ 1e-6 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. */
export const SELF_ATTENTION_TOLERANCE: Tolerance = { absolute: 1e-6, relative: 1e-5 };

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (input, weights, options), got ${args.length}`;
  const { maxLength, maxModelDim, maxHeads, maxProjectionWidth } = SELF_ATTENTION_LIMITS;

  const input = readNumberMatrix(args[0], 'input');
  if (!input.ok) return input.message;
  const n = input.value.length;
  const dModel = input.value[0]?.length ?? 0;
  if (n < 1 || n > maxLength) return `input has ${n} rows, expected 1 to ${maxLength}`;
  if (dModel < 1 || dModel > maxModelDim) return `input has ${dModel} columns, expected 1 to ${maxModelDim}`;

  const weights = readRecord(args[1], 'weights', ['query', 'key', 'value', 'output']);
  if (!weights.ok) return weights.message;
  const query = readDense(weights.value.query, 'weights.query', dModel, maxProjectionWidth);
  if (!query.ok) return query.message;
  const queryWidth = query.value.bias.length;
  const key = readDense(weights.value.key, 'weights.key', dModel, maxProjectionWidth, queryWidth);
  if (!key.ok) return key.message;
  const value = readDense(weights.value.value, 'weights.value', dModel, maxProjectionWidth);
  if (!value.ok) return value.message;
  const valueWidth = value.value.bias.length;
  const output = readDense(weights.value.output, 'weights.output', valueWidth, maxProjectionWidth);
  if (!output.ok) return output.message;

  const options = readRecord(args[2], 'options', ['numHeads', 'causal', 'attentionMask']);
  if (!options.ok) return options.message;
  const numHeads = readNumHeads(options.value.numHeads, 'options.numHeads', maxHeads, {
    'weights.query.kernel': queryWidth,
    'weights.value.kernel': valueWidth,
  });
  if (!numHeads.ok) return numHeads.message;
  const causal = readBoolean(options.value.causal, 'options.causal');
  if (!causal.ok) return causal.message;
  if (options.value.attentionMask !== null) {
    const mask = readBinaryMask(options.value.attentionMask, 'options.attentionMask', n, n);
    if (!mask.ok) return `${mask.message} (attentionMask is null or [n, n] of 0 and 1)`;
  }
  return null;
}

export const task: TaskDefinition<number[][]> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) =>
    selfAttentionModel(args[0] as number[][], args[1] as unknown as SelfAttentionWeights, args[2] as unknown as SelfAttentionOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => {
    const message = compareTensor('output', output, expected, SELF_ATTENTION_TOLERANCE);
    return message === null ? { ok: true } : { ok: false, message };
  },
};

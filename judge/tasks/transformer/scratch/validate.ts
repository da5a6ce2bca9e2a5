import { readRecord, type ShapeResult } from '../../../checkers/shape';
import { readDense, readLayerNorm } from '../../self-attention/scratch/validate';

/** Size limits of an encoder block's weights, enforced on custom input. */
export const ENCODER_BLOCK_LIMITS = { maxModelDim: 128, maxProjectionWidth: 256, maxFeedForwardDim: 512 } as const;

export interface EncoderBlockWidths {
  /** numHeads · keyDim: the width of the query and key kernels. */
  keyWidth: number;
  /** numHeads · valueDim: the width of the value kernel. */
  valueWidth: number;
}

/**
 * Reads an encoder block's weights for a model width of `dModel` and returns the attention widths
 * that numHeads must divide, or a message naming the first problem.
 */
export function readEncoderBlockWeights(value: unknown, label: string, dModel: number): ShapeResult<EncoderBlockWidths> {
  const { maxProjectionWidth, maxFeedForwardDim } = ENCODER_BLOCK_LIMITS;
  const weights = readRecord(value, label, ['attention', 'attentionNorm', 'feedForwardIntermediate', 'feedForwardOutput', 'feedForwardNorm']);
  if (!weights.ok) return weights;

  const attention = readRecord(weights.value.attention, `${label}.attention`, ['query', 'key', 'value', 'output']);
  if (!attention.ok) return attention;
  const query = readDense(attention.value.query, `${label}.attention.query`, dModel, maxProjectionWidth);
  if (!query.ok) return query;
  const keyWidth = query.value.bias.length;
  const key = readDense(attention.value.key, `${label}.attention.key`, dModel, maxProjectionWidth, keyWidth);
  if (!key.ok) return key;
  const valueLayer = readDense(attention.value.value, `${label}.attention.value`, dModel, maxProjectionWidth);
  if (!valueLayer.ok) return valueLayer;
  const valueWidth = valueLayer.value.bias.length;
  const output = readDense(attention.value.output, `${label}.attention.output`, valueWidth, dModel, dModel);
  if (!output.ok) return output;

  const attentionNorm = readLayerNorm(weights.value.attentionNorm, `${label}.attentionNorm`, dModel);
  if (!attentionNorm.ok) return attentionNorm;
  const intermediate = readDense(weights.value.feedForwardIntermediate, `${label}.feedForwardIntermediate`, dModel, maxFeedForwardDim);
  if (!intermediate.ok) return intermediate;
  const dFF = intermediate.value.bias.length;
  const feedForwardOutput = readDense(weights.value.feedForwardOutput, `${label}.feedForwardOutput`, dFF, dModel, dModel);
  if (!feedForwardOutput.ok) return feedForwardOutput;
  const feedForwardNorm = readLayerNorm(weights.value.feedForwardNorm, `${label}.feedForwardNorm`, dModel);
  if (!feedForwardNorm.ok) return feedForwardNorm;

  return { ok: true, value: { keyWidth, valueWidth } };
}


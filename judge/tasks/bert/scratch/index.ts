import path from 'node:path';
import type { Tolerance } from '../../../checkers/numeric';
import { readNumber, readNumberArray, readNumberMatrix, readRecord } from '../../../checkers/shape';
import { compareTensor } from '../../../checkers/tensor';
import { readBinaryMask, readDense, readLayerNorm, readNumHeads } from '../../self-attention/scratch/validate';
import { readEncoderBlockWeights } from '../../transformer/scratch/validate';
import type { Json, TaskDefinition } from '../../types';
import { scratchMetadata } from '../metadata';
import { hiddenTests, samples } from './generator';
import { bertMaskedLmModel } from './model';
import type { BertInput, BertOptions, BertWeights } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const BERT_LIMITS = {
  maxLength: 64,
  maxMasked: 64,
  maxVocabulary: 512,
  maxPositions: 512,
  maxModelDim: 128,
  maxHeads: 16,
  minEpsilon: 1e-12,
  maxEpsilon: 1,
} as const;

/**
 * |y − ŷ| ≤ 1e-4 + 1e-5·|ŷ|, where ŷ is the float32 reference model's output. The absolute part is
 * larger than in the other attention tasks because each logit sums dModel products of values that
 * have passed through four float32 layer normalisations. On the largest tests the float32 model and
 * the float64 reference differ by up to about 1e-5 on logits near zero.
 */
export const BERT_TOLERANCE: Tolerance = { absolute: 1e-4, relative: 1e-5 };

function validateInput(value: unknown): { n: number } | string {
  const { maxLength, maxMasked } = BERT_LIMITS;
  const input = readRecord(value, 'input', ['tokenIds', 'segmentIds', 'maskedPositions']);
  if (!input.ok) return input.message;
  const tokenIds = readNumberArray(input.value.tokenIds, 'input.tokenIds', { integer: true, min: 0 });
  if (!tokenIds.ok) return tokenIds.message;
  const n = tokenIds.value.length;
  if (n < 1 || n > maxLength) return `input.tokenIds has length ${n}, expected 1 to ${maxLength}`;
  const segmentIds = readBinaryMask(input.value.segmentIds, 'input.segmentIds', n);
  if (!segmentIds.ok) return `${segmentIds.message} (segment ids are 0 or 1, one per token)`;
  const masked = readNumberArray(input.value.maskedPositions, 'input.maskedPositions', { integer: true, min: 0, max: n - 1 });
  if (!masked.ok) return masked.message;
  if (masked.value.length < 1 || masked.value.length > maxMasked) {
    return `input.maskedPositions has length ${masked.value.length}, expected 1 to ${maxMasked}`;
  }
  return { n };
}

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (input, weights, options), got ${args.length}`;
  const { maxVocabulary, maxPositions, maxModelDim, maxHeads, minEpsilon, maxEpsilon } = BERT_LIMITS;
  const input = validateInput(args[0]);
  if (typeof input === 'string') return input;

  const weights = readRecord(args[1], 'weights', ['embeddings', 'encoder', 'head']);
  if (!weights.ok) return weights.message;
  const embeddings = readRecord(weights.value.embeddings, 'weights.embeddings', ['token', 'position', 'segment', 'norm']);
  if (!embeddings.ok) return embeddings.message;
  const token = readNumberMatrix(embeddings.value.token, 'weights.embeddings.token');
  if (!token.ok) return token.message;
  const vocabSize = token.value.length;
  const dModel = token.value[0]?.length ?? 0;
  if (vocabSize < 1 || vocabSize > maxVocabulary) return `weights.embeddings.token has ${vocabSize} rows, expected 1 to ${maxVocabulary}`;
  if (dModel < 1 || dModel > maxModelDim) return `weights.embeddings.token has ${dModel} columns, expected 1 to ${maxModelDim}`;
  const tokenIds = (args[0] as BertInput).tokenIds;
  const unknown = tokenIds.findIndex((id) => id >= vocabSize);
  if (unknown >= 0) return `input.tokenIds[${unknown}] = ${tokenIds[unknown]}, expected at most ${vocabSize - 1} (the vocabulary has ${vocabSize} tokens)`;
  const position = readNumberMatrix(embeddings.value.position, 'weights.embeddings.position', { columns: dModel });
  if (!position.ok) return position.message;
  if (position.value.length < input.n || position.value.length > maxPositions) {
    return `weights.embeddings.position has ${position.value.length} rows, expected ${input.n} (the sequence length) to ${maxPositions}`;
  }
  const segment = readNumberMatrix(embeddings.value.segment, 'weights.embeddings.segment', { rows: 2, columns: dModel });
  if (!segment.ok) return segment.message;
  const embeddingNorm = readLayerNorm(embeddings.value.norm, 'weights.embeddings.norm', dModel);
  if (!embeddingNorm.ok) return embeddingNorm.message;

  const widths = readEncoderBlockWeights(weights.value.encoder, 'weights.encoder', dModel);
  if (!widths.ok) return widths.message;
  const head = readRecord(weights.value.head, 'weights.head', ['transform', 'norm', 'outputBias']);
  if (!head.ok) return head.message;
  const transform = readDense(head.value.transform, 'weights.head.transform', dModel, dModel, dModel);
  if (!transform.ok) return transform.message;
  const headNorm = readLayerNorm(head.value.norm, 'weights.head.norm', dModel);
  if (!headNorm.ok) return headNorm.message;
  const outputBias = readNumberArray(head.value.outputBias, 'weights.head.outputBias', { length: vocabSize });
  if (!outputBias.ok) return outputBias.message;

  const options = readRecord(args[2], 'options', ['numHeads', 'epsilon']);
  if (!options.ok) return options.message;
  const numHeads = readNumHeads(options.value.numHeads, 'options.numHeads', maxHeads, {
    'weights.encoder.attention.query.kernel': widths.value.keyWidth,
    'weights.encoder.attention.value.kernel': widths.value.valueWidth,
  });
  if (!numHeads.ok) return numHeads.message;
  const epsilon = readNumber(options.value.epsilon, 'options.epsilon', { min: minEpsilon, max: maxEpsilon });
  if (!epsilon.ok) return epsilon.message;
  return null;
}

export const task: TaskDefinition<number[][]> = {
  ...scratchMetadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) =>
    bertMaskedLmModel(args[0] as unknown as BertInput, args[1] as unknown as BertWeights, args[2] as unknown as BertOptions),
  samples,
  hiddenTests,
  validateArgs,
  check: (_args, output, expected) => {
    const message = compareTensor('logits', output, expected, BERT_TOLERANCE);
    return message === null ? { ok: true } : { ok: false, message };
  },
};

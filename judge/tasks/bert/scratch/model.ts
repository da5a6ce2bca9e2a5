import type { Tensor2D } from '@tensorflow/tfjs-core';
import { LayerScope, toRows } from '../../self-attention/scratch/tf-attention';
import { cpuTf } from '../../tfjs-cpu';
import { applyEncoderBlock, buildEncoderBlock } from '../../transformer/scratch/model';
import type { BertInput, BertOptions, BertWeights } from './reference';

/**
 * Runs the reference full model on the cpu backend in float32: TensorFlow.js embedding, dense and
 * layerNormalization layers with the test's weights, the 'gelu' activation (erf form), attention
 * in tf ops, and the MLM head's logits against the token embedding table. Its output is what the
 * judge compares candidates with.
 */
export function bertMaskedLmModel(input: BertInput, weights: BertWeights, options: BertOptions): number[][] {
  const tf = cpuTf();
  const scope = new LayerScope();
  try {
    const tokenEmbedding = scope.embedding(weights.embeddings.token);
    const positionEmbedding = scope.embedding(weights.embeddings.position);
    const segmentEmbedding = scope.embedding(weights.embeddings.segment);
    const embeddingNorm = scope.layerNorm(weights.embeddings.norm, options.epsilon);
    const encoder = buildEncoderBlock(scope, weights.encoder, options.epsilon, 'gelu');
    const transform = scope.dense(weights.head.transform, 'gelu');
    const headNorm = scope.layerNorm(weights.head.norm, options.epsilon);

    return tf.tidy(() => {
      const n = input.tokenIds.length;
      const summed = tf.addN([
        tokenEmbedding(tf.tensor1d(input.tokenIds, 'int32')),
        positionEmbedding(tf.range(0, n, 1, 'int32')),
        segmentEmbedding(tf.tensor1d(input.segmentIds, 'int32')),
      ]);
      const x = embeddingNorm(summed) as Tensor2D;
      const allowed = tf.ones([n, n]) as Tensor2D;
      const hidden = applyEncoderBlock(x, encoder, options.numHeads, false, allowed);
      const masked = tf.gather(hidden, tf.tensor1d(input.maskedPositions, 'int32'));
      const u = headNorm(transform(masked));
      const table = tf.tensor2d(weights.embeddings.token);
      const logits = tf.add(tf.matMul(u as Tensor2D, table, false, true), tf.tensor1d(weights.head.outputBias)) as Tensor2D;
      return toRows(logits);
    });
  } finally {
    scope.dispose();
  }
}

import type { Tensor2D } from '@tensorflow/tfjs-core';
import { cpuTf } from '../../tfjs-cpu';
import type { SelfAttentionOptions, SelfAttentionWeights } from './reference';
import { allowedPairs, LayerScope, multiHeadSelfAttention, toRows } from './tf-attention';

/**
 * Runs the reference full model: TensorFlow.js dense layers for the four projections and attention
 * in tf ops, on the cpu backend in float32. Its output is what the judge compares candidates with.
 */
export function selfAttentionModel(input: number[][], weights: SelfAttentionWeights, options: SelfAttentionOptions): number[][] {
  const tf = cpuTf();
  const scope = new LayerScope();
  try {
    const layers = scope.attention(weights);
    return tf.tidy(() => {
      const x = tf.tensor2d(input);
      const allowed = allowedPairs(input.length, options.causal, options.attentionMask);
      const output: Tensor2D = multiHeadSelfAttention(x, layers, options.numHeads, allowed);
      return toRows(output);
    });
  } finally {
    scope.dispose();
  }
}

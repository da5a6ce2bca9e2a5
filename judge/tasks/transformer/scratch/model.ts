import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { allowedPairs, LayerScope, multiHeadSelfAttention, toRows } from '../../self-attention/scratch/tf-attention';
import { cpuTf } from '../../tfjs-cpu';
import type { EncoderBlockOptions, EncoderBlockWeights } from './reference';

/** The block's layers, built once per reference run and released by the scope. */
export interface EncoderBlockLayers {
  attention: ReturnType<LayerScope['attention']>;
  attentionNorm: (x: Tensor) => Tensor;
  feedForwardIntermediate: (x: Tensor) => Tensor;
  feedForwardOutput: (x: Tensor) => Tensor;
  feedForwardNorm: (x: Tensor) => Tensor;
}

/**
 * Builds the block's layers: TensorFlow.js dense and layerNormalization layers with the given
 * weights, and a ReLU or GELU (erf form) activation on the intermediate dense layer.
 */
export function buildEncoderBlock(
  scope: LayerScope,
  weights: EncoderBlockWeights,
  epsilon: number,
  activation: 'relu' | 'gelu',
): EncoderBlockLayers {
  return {
    attention: scope.attention(weights.attention),
    attentionNorm: scope.layerNorm(weights.attentionNorm, epsilon),
    feedForwardIntermediate: scope.dense(weights.feedForwardIntermediate, activation),
    feedForwardOutput: scope.dense(weights.feedForwardOutput),
    feedForwardNorm: scope.layerNorm(weights.feedForwardNorm, epsilon),
  };
}

/** Applies the block to x [n, dModel]; `allowed` is the [n, n] 0/1 attention mask. */
export function applyEncoderBlock(
  x: Tensor2D,
  layers: EncoderBlockLayers,
  numHeads: number,
  normalizeFirst: boolean,
  allowed: Tensor2D,
): Tensor2D {
  const tf = cpuTf();
  return tf.tidy(() => {
    const attend = (z: Tensor) => multiHeadSelfAttention(z as Tensor2D, layers.attention, numHeads, allowed);
    const feedForward = (z: Tensor) => layers.feedForwardOutput(layers.feedForwardIntermediate(z));
    if (normalizeFirst) {
      const y = tf.add(x, attend(layers.attentionNorm(x)));
      return tf.add(y, feedForward(layers.feedForwardNorm(y))) as Tensor2D;
    }
    const y = layers.attentionNorm(tf.add(x, attend(x)));
    return layers.feedForwardNorm(tf.add(y, feedForward(y))) as Tensor2D;
  });
}

/**
 * Runs the reference full model on the cpu backend in float32. Its output is what the judge
 * compares candidates with.
 */
export function encoderBlockModel(input: number[][], weights: EncoderBlockWeights, options: EncoderBlockOptions): number[][] {
  const tf = cpuTf();
  const scope = new LayerScope();
  try {
    const layers = buildEncoderBlock(scope, weights, options.epsilon, 'relu');
    return tf.tidy(() => {
      const n = input.length;
      const mask = options.paddingMask === null ? null : Array.from({ length: n }, () => options.paddingMask as number[]);
      const output = applyEncoderBlock(tf.tensor2d(input), layers, options.numHeads, options.normalizeFirst, allowedPairs(n, false, mask));
      return toRows(output);
    });
  } finally {
    scope.dispose();
  }
}

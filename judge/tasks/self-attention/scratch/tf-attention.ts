/**
 * Building blocks of the TensorFlow.js reference models of the attention tasks (self-attention,
 * Transformer, BERT), on the host's cpu backend in float32. Dense, layer-normalisation and
 * embedding steps are tf.layers layers whose weights are set to the test's; attention itself,
 * which tf.layers lacks, is written with tf ops.
 */
import type { Tensor, Tensor2D, Tensor3D } from '@tensorflow/tfjs-core';
import type { ActivationIdentifier } from '@tensorflow/tfjs-layers/dist/keras_format/activation_config';
import { cpuLayers, cpuTf } from '../../tfjs-cpu';
import type { Dense, SelfAttentionWeights } from './reference';

export interface LayerNormWeights {
  gamma: number[];
  beta: number[];
}

/** The part of a built layer that the scope uses: its weights, to set and to release. */
interface OwnedLayer {
  setWeights(values: Tensor[]): void;
  readonly weights: readonly { dispose(): void }[];
}

/**
 * Owns the layers that one reference run builds, so that `dispose()` releases their weight
 * variables, which tf.tidy does not track.
 */
export class LayerScope {
  private readonly layers: OwnedLayer[] = [];

  /** Builds a dense layer with the given kernel [inputDim, units] and bias [units]. */
  dense(weights: Dense, activation: ActivationIdentifier = 'linear'): (x: Tensor) => Tensor {
    const tf = cpuTf();
    const layer = cpuLayers().layers.dense({ units: weights.bias.length, activation, kernelInitializer: 'zeros' });
    layer.build([null, weights.kernel.length]);
    this.setWeights(layer, [tf.tensor2d(weights.kernel, [weights.kernel.length, weights.bias.length]), tf.tensor1d(weights.bias)]);
    return (x) => layer.apply(x) as Tensor;
  }

  /** Builds layer normalisation over the last axis: biased variance, `epsilon` inside the square root. */
  layerNorm(weights: LayerNormWeights, epsilon: number): (x: Tensor) => Tensor {
    const tf = cpuTf();
    const layer = cpuLayers().layers.layerNormalization({ axis: -1, epsilon });
    layer.build([null, weights.gamma.length]);
    this.setWeights(layer, [tf.tensor1d(weights.gamma), tf.tensor1d(weights.beta)]);
    return (x) => layer.apply(x) as Tensor;
  }

  /** Builds an embedding lookup table [inputDim, outputDim]; ids are int32 tensors. */
  embedding(table: number[][]): (ids: Tensor) => Tensor {
    const tf = cpuTf();
    const layer = cpuLayers().layers.embedding({ inputDim: table.length, outputDim: table[0].length, embeddingsInitializer: 'zeros' });
    layer.build([null]);
    this.setWeights(layer, [tf.tensor2d(table)]);
    return (ids) => layer.apply(ids) as Tensor;
  }

  /** Builds the four projections of multi-head self-attention as dense layers. */
  attention(weights: SelfAttentionWeights): AttentionLayers {
    return {
      query: this.dense(weights.query),
      key: this.dense(weights.key),
      value: this.dense(weights.value),
      output: this.dense(weights.output),
    };
  }

  /** Releases every layer's variables. */
  dispose(): void {
    // Layer.dispose() refuses layers that were built by build() instead of a first apply(), so
    // the weights are released one by one.
    for (const layer of this.layers) for (const weight of layer.weights) weight.dispose();
    this.layers.length = 0;
  }

  private setWeights(layer: OwnedLayer, values: Tensor[]): void {
    this.layers.push(layer);
    layer.setWeights(values);
    for (const value of values) value.dispose();
  }
}

export interface AttentionLayers {
  query: (x: Tensor) => Tensor;
  key: (x: Tensor) => Tensor;
  value: (x: Tensor) => Tensor;
  output: (x: Tensor) => Tensor;
}

/**
 * Computes multi-head self-attention of x [n, dModel]. `allowed` is [n, n] with 1 where query i
 * may attend to key j and 0 elsewhere. Blocked scores become −1e9 before the softmax, and
 * allowed·s + (allowed − 1)·1e9 keeps every allowed score s exactly. The weights are multiplied by
 * `allowed` afterwards, which zeroes a fully blocked row instead of leaving it uniform.
 */
export function multiHeadSelfAttention(x: Tensor2D, layers: AttentionLayers, numHeads: number, allowed: Tensor2D): Tensor2D {
  const tf = cpuTf();
  return tf.tidy(() => {
    const n = x.shape[0];
    const splitHeads = (projected: Tensor): Tensor => {
      const width = projected.shape[1] as number;
      return tf.transpose(tf.reshape(projected, [n, numHeads, width / numHeads]), [1, 0, 2]);
    };
    const q = splitHeads(layers.query(x));
    const k = splitHeads(layers.key(x));
    const v = splitHeads(layers.value(x));
    const keyDim = q.shape[2] as number;

    const scores = tf.mul(tf.matMul(q as Tensor3D, k as Tensor3D, false, true), 1 / Math.sqrt(keyDim));
    const masked = tf.add(tf.mul(scores, allowed), tf.mul(tf.sub(allowed, 1), 1e9));
    const attentionWeights = tf.mul(tf.softmax(masked, -1), allowed);
    const heads = tf.matMul(attentionWeights as Tensor3D, v as Tensor3D);
    const valueWidth = (v.shape[2] as number) * numHeads;
    const concatenated = tf.reshape(tf.transpose(heads, [1, 0, 2]), [n, valueWidth]);
    return layers.output(concatenated) as Tensor2D;
  });
}

/** Builds the [n, n] float mask of allowed pairs from the causal flag and an explicit 0/1 mask, combined with AND. */
export function allowedPairs(n: number, causal: boolean, attentionMask: number[][] | null): Tensor2D {
  const values: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) {
      const byCausal = !causal || j <= i;
      const byMask = attentionMask === null || attentionMask[i][j] === 1;
      row.push(byCausal && byMask ? 1 : 0);
    }
    values.push(row);
  }
  return cpuTf().tensor2d(values, [n, n]);
}

/** Copies a 2-D tensor into plain rows of float32 values widened to numbers. */
export function toRows(tensor: Tensor2D): number[][] {
  const [rows, columns] = tensor.shape;
  const data = tensor.dataSync();
  const result: number[][] = [];
  for (let i = 0; i < rows; i++) result.push(Array.from(data.subarray(i * columns, (i + 1) * columns)));
  return result;
}

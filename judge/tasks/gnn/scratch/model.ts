import type { Tensor2D } from '@tensorflow/tfjs-core';
import { cpuLayers, cpuTf } from '../../tfjs-cpu';
import type { GcnOptions, GcnWeights, GraphInput } from './reference';

/**
 * Runs the reference full model: a GCN layer on the cpu backend in float32. TensorFlow.js has no graph
 * layer, so Â is written out as a dense n × n 0/1 matrix (each edge sets both of its entries to 1,
 * each node its diagonal entry, so repeats change nothing), degrees are `tf.sum` over its rows,
 * X W is a `tf.layers.dense` layer without bias, and D^−½ Â D^−½ X W is computed as
 * s ⊙ (Â · (s ⊙ X W)) with s = 1/√degree, which leaves only the product with Â at n² cost. The bias
 * and activation follow the propagation. Its output is what the judge compares candidates with.
 */
export function gcnModel(graph: GraphInput, weights: GcnWeights, options: GcnOptions): number[][] {
  const tf = cpuTf();
  const n = graph.features.length;
  const [inFeatures, units] = [weights.kernel.length, weights.bias.length];
  const adjacency = new Float32Array(n * n);
  for (const [a, b] of graph.edges) {
    adjacency[a * n + b] = 1;
    adjacency[b * n + a] = 1;
  }
  for (let i = 0; i < n; i++) adjacency[i * n + i] = 1;

  const layer = cpuLayers().layers.dense({ units, useBias: false, kernelInitializer: 'zeros' });
  layer.build([null, inFeatures]);
  try {
    return tf.tidy(() => {
      layer.setWeights([tf.tensor2d(weights.kernel, [inFeatures, units])]);
      const withLoops = tf.tensor2d(adjacency, [n, n]);
      const scale = tf.reshape(tf.rsqrt(tf.sum(withLoops, 1)), [n, 1]);
      const projected = layer.apply(tf.tensor2d(graph.features, [n, inFeatures])) as Tensor2D;
      const propagated = tf.add(tf.mul(scale, tf.matMul(withLoops, tf.mul(scale, projected))), tf.tensor1d(weights.bias));
      const output = options.activation === 'relu' ? tf.relu(propagated) : propagated;
      return output.arraySync() as number[][];
    });
  } finally {
    // Layer.dispose() refuses a layer built by build() instead of a symbolic apply(), so the weight
    // variables are released one by one.
    for (const weight of layer.weights) weight.dispose();
  }
}

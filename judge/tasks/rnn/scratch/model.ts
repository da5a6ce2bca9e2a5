import type { Tensor } from '@tensorflow/tfjs-core';
import { cpuLayers, cpuTf } from '../../tfjs-cpu';
import type { SimpleRnnOptions, SimpleRnnWeights } from './reference';

/**
 * Runs the reference full model: a TensorFlow.js `tf.layers.simpleRNN` layer with the test's weights,
 * applied to a batch of one sequence on the cpu backend in float32. Its output is what the judge
 * compares candidates with.
 */
export function simpleRnnModel(sequence: number[][], weights: SimpleRnnWeights, options: SimpleRnnOptions): number[][] | number[] {
  const tf = cpuTf();
  const units = weights.bias.length;
  const inputDim = weights.kernel.length;
  const layer = cpuLayers().layers.simpleRNN({
    units,
    activation: options.activation,
    returnSequences: options.returnSequences,
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  });
  try {
    return tf.tidy(() => {
      const x = tf.tensor3d([sequence], [1, sequence.length, inputDim]);
      const initialState = options.initialState === null ? undefined : [tf.tensor2d([options.initialState], [1, units])];
      // RNN.build leaves the layer unbuilt for apply(), which would build it again and replace the
      // weights set here, so the first call builds it (with zero weights) and its output is dropped.
      layer.apply(x, { initialState });
      layer.setWeights([tf.tensor2d(weights.kernel, [inputDim, units]), tf.tensor2d(weights.recurrentKernel, [units, units]), tf.tensor1d(weights.bias)]);
      const output = layer.apply(x, { initialState }) as Tensor;
      return (output.arraySync() as number[][][] | number[][])[0];
    });
  } finally {
    if (layer.built) layer.dispose();
  }
}

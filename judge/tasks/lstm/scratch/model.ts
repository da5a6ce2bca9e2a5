import type { Tensor } from '@tensorflow/tfjs-core';
import { cpuLayers, cpuTf } from '../../tfjs-cpu';
import type { LstmOptions, LstmOutput, LstmWeights } from './reference';

/**
 * Runs the reference full model: a TensorFlow.js `tf.layers.lstm` layer with the test's weights,
 * applied to a batch of one sequence on the cpu backend in float32. The recurrent activation is set
 * explicitly, because the layer's default is the hard sigmoid, and the layer returns its states.
 * Its output is what the judge compares candidates with.
 */
export function lstmModel(sequence: number[][], weights: LstmWeights, options: LstmOptions): LstmOutput {
  const tf = cpuTf();
  const width = weights.bias.length;
  const units = width / 4;
  const inputDim = weights.kernel.length;
  const layer = cpuLayers().layers.lstm({
    units,
    activation: 'tanh',
    recurrentActivation: options.recurrentActivation,
    returnSequences: options.returnSequences,
    returnState: true,
    // unitForgetBias only changes how the bias is initialised; the test's bias replaces it anyway.
    unitForgetBias: false,
    kernelInitializer: 'zeros',
    recurrentInitializer: 'zeros',
  });
  try {
    return tf.tidy(() => {
      const x = tf.tensor3d([sequence], [1, sequence.length, inputDim]);
      const state = options.initialState;
      const initialState = state === null ? undefined : [tf.tensor2d([state.h], [1, units]), tf.tensor2d([state.c], [1, units])];
      // RNN.build leaves the layer unbuilt for apply(), which would build it again and replace the
      // weights set here, so the first call builds it (with zero weights) and its output is dropped.
      layer.apply(x, { initialState });
      layer.setWeights([tf.tensor2d(weights.kernel, [inputDim, width]), tf.tensor2d(weights.recurrentKernel, [units, width]), tf.tensor1d(weights.bias)]);
      const [output, h, c] = layer.apply(x, { initialState }) as Tensor[];
      return {
        output: (output.arraySync() as number[][][] | number[][])[0],
        h: (h.arraySync() as number[][])[0],
        c: (c.arraySync() as number[][])[0],
      };
    });
  } finally {
    if (layer.built) layer.dispose();
  }
}

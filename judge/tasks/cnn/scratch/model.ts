import type { Tensor } from '@tensorflow/tfjs-core';
import { cpuLayers, cpuTf } from '../../tfjs-cpu';
import type { CnnOptions, CnnWeights } from './reference';

/**
 * Runs the reference full model: a TensorFlow.js `tf.sequential` of conv2d, maxPooling2d, flatten and
 * a dense softmax layer with the test's weights, applied to a batch of one image on the cpu
 * backend in float32. Its output is what the judge compares candidates with.
 */
export function cnnModel(image: number[][][], weights: CnnWeights, options: CnnOptions): number[] {
  const tf = cpuTf();
  const tfl = cpuLayers();
  const [height, width, channels] = [image.length, image[0].length, image[0][0].length];
  const kernel = weights.conv.kernel;
  const [kernelHeight, kernelWidth, filters] = [kernel.length, kernel[0].length, weights.conv.bias.length];
  const classes = weights.dense.bias.length;

  const model = tfl.sequential({
    layers: [
      tfl.layers.conv2d({
        inputShape: [height, width, channels],
        filters,
        kernelSize: [kernelHeight, kernelWidth],
        strides: options.strides,
        padding: options.padding,
        activation: options.activation,
        kernelInitializer: 'zeros',
      }),
      tfl.layers.maxPooling2d({ poolSize: options.poolSize, strides: options.poolStrides, padding: options.poolPadding }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: classes, activation: 'softmax', kernelInitializer: 'zeros' }),
    ],
  });
  try {
    return tf.tidy(() => {
      model.setWeights([
        tf.tensor4d(kernel, [kernelHeight, kernelWidth, channels, filters]),
        tf.tensor1d(weights.conv.bias),
        tf.tensor2d(weights.dense.kernel, [weights.dense.kernel.length, classes]),
        tf.tensor1d(weights.dense.bias),
      ]);
      const probabilities = model.predict(tf.tensor4d([image], [1, height, width, channels])) as Tensor;
      return (probabilities.arraySync() as number[][])[0];
    });
  } finally {
    model.dispose();
  }
}

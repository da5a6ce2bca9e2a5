import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { LayerScope } from '../../self-attention/scratch/tf-attention';
import { cpuTf } from '../../tfjs-cpu';
import type { AutoencoderOptions, AutoencoderOutput, AutoencoderWeights } from './reference';

/**
 * Runs the reference full model, whose output the judge compares candidates with, on the cpu
 * backend in float32. Its layers are TensorFlow.js dense layers with the test's weights: ReLU in the
 * encoder and between decoder layers, and a linear last layer whose output is the logit.
 * `tf.sigmoid` gives the reconstructions, and TensorFlow.js' own losses give the loss:
 * `tf.losses.meanSquaredError`, or `tf.losses.sigmoidCrossEntropy` on the logits.
 */
export function autoencoderModel(input: number[][], weights: AutoencoderWeights, options: AutoencoderOptions): AutoencoderOutput {
  const tf = cpuTf();
  const scope = new LayerScope();
  try {
    const encoder = weights.encoder.map((layer) => scope.dense(layer, 'relu'));
    const decoder = weights.decoder.map((layer, l) => scope.dense(layer, l < weights.decoder.length - 1 ? 'relu' : 'linear'));
    return tf.tidy(() => {
      const x = tf.tensor2d(input);
      const codes = encoder.reduce((hidden: Tensor, layer) => layer(hidden), x);
      const logits = decoder.reduce((hidden: Tensor, layer) => layer(hidden), codes) as Tensor2D;
      const reconstructions = tf.sigmoid(logits);
      const loss =
        options.loss === 'binaryCrossentropy'
          ? tf.losses.sigmoidCrossEntropy(x, logits, undefined, 0, tf.Reduction.MEAN)
          : tf.losses.meanSquaredError(x, reconstructions, undefined, tf.Reduction.MEAN);
      return {
        codes: codes.arraySync() as number[][],
        reconstructions: reconstructions.arraySync() as number[][],
        loss: loss.arraySync() as number,
      };
    });
  } finally {
    scope.dispose();
  }
}

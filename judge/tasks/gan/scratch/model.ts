import type { Tensor, Tensor2D } from '@tensorflow/tfjs-core';
import { LayerScope } from '../../self-attention/scratch/tf-attention';
import { cpuLayers, cpuTf } from '../../tfjs-cpu';
import type { GanInput, GanOptions, GanOutput, GanWeights } from './reference';

/**
 * Runs the reference full model, whose output the judge compares candidates with. The generator and
 * the discriminator are TensorFlow.js dense layers with the test's weights, with
 * `tf.layers.leakyReLU` between the discriminator's layers, and both losses come from
 * `tf.losses.sigmoidCrossEntropy` on the logits. It runs on the cpu backend in float32.
 */
export function ganModel(input: GanInput, weights: GanWeights, options: GanOptions): GanOutput {
  const tf = cpuTf();
  const scope = new LayerScope();
  try {
    const generatorLayers = weights.generator.map((layer, l) => scope.dense(layer, l < weights.generator.length - 1 ? 'relu' : 'linear'));
    const discriminatorLayers = weights.discriminator.map((layer) => scope.dense(layer, 'linear'));
    const leakyRelu = cpuLayers().layers.leakyReLU({ alpha: options.leakyReluAlpha });

    const generator = (z: Tensor): Tensor => generatorLayers.reduce((hidden, layer) => layer(hidden), z);
    const discriminator = (x: Tensor): Tensor2D =>
      discriminatorLayers.reduce((hidden, layer, l) => {
        const output = layer(hidden);
        return l < discriminatorLayers.length - 1 ? (leakyRelu.apply(output) as Tensor) : output;
      }, x) as Tensor2D;

    return tf.tidy(() => {
      const fake = generator(tf.tensor2d(input.noise));
      const realLogits = discriminator(tf.tensor2d(input.real));
      const fakeLogits = discriminator(fake);
      const crossEntropy = (label: number, logits: Tensor2D) =>
        tf.losses.sigmoidCrossEntropy(tf.fill(logits.shape, label), logits, undefined, 0, tf.Reduction.MEAN);

      const discriminatorLoss = tf.add(crossEntropy(options.realLabel, realLogits), crossEntropy(0, fakeLogits));
      const generatorLoss = crossEntropy(1, fakeLogits);
      return {
        fake: fake.arraySync() as number[][],
        realLogits: tf.reshape(realLogits, [-1]).arraySync() as number[],
        fakeLogits: tf.reshape(fakeLogits, [-1]).arraySync() as number[],
        discriminatorLoss: discriminatorLoss.arraySync() as number,
        generatorLoss: generatorLoss.arraySync() as number,
      };
    });
  } finally {
    scope.dispose();
  }
}

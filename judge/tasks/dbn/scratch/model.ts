import type { Tensor2D } from '@tensorflow/tfjs-core';
import { cpuTf } from '../../tfjs-cpu';
import type { DbnOptions, DbnWeights, Rbm } from './reference';

/**
 * Runs the reference full model, whose output the judge compares candidates with: the DBN step
 * written with TensorFlow.js operations (tf.layers has no RBM), on the cpu backend in float32.
 */
export function dbnModel(input: number[][], weights: DbnWeights, options: DbnOptions): Rbm {
  const tf = cpuTf();
  return tf.tidy(() => {
    const hidden = (v: Tensor2D, rbm: Rbm): Tensor2D =>
      tf.sigmoid(tf.add(tf.matMul(v, tf.tensor2d(rbm.kernel)), tf.tensor1d(rbm.hiddenBias))) as Tensor2D;

    let v0: Tensor2D = tf.tensor2d(input);
    for (const rbm of weights.rbms.slice(0, -1)) v0 = hidden(v0, rbm);

    const top = weights.rbms[weights.rbms.length - 1];
    const kernel = tf.tensor2d(top.kernel);
    const visibleBias = tf.tensor1d(top.visibleBias);
    const hiddenBias = tf.tensor1d(top.hiddenBias);

    const p0 = hidden(v0, top);
    const h0 = tf.cast(tf.less(tf.tensor2d(options.uniforms), p0), 'float32');
    const v1 = tf.sigmoid(tf.add(tf.matMul(h0, kernel, false, true), visibleBias)) as Tensor2D;
    const p1 = hidden(v1, top);

    const scale = options.learningRate / input.length;
    const kernelStep = tf.mul(tf.sub(tf.matMul(v0, p0, true, false), tf.matMul(v1, p1, true, false)), scale);
    const visibleStep = tf.mul(tf.sum(tf.sub(v0, v1), 0), scale);
    const hiddenStep = tf.mul(tf.sum(tf.sub(p0, p1), 0), scale);
    return {
      kernel: tf.add(kernel, kernelStep).arraySync() as number[][],
      visibleBias: tf.add(visibleBias, visibleStep).arraySync() as number[],
      hiddenBias: tf.add(hiddenBias, hiddenStep).arraySync() as number[],
    };
  });
}

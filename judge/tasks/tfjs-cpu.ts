/**
 * TensorFlow.js on the host for the neural tasks' reference models: core, the cpu backend and
 * layers, without the `@tensorflow/tfjs` bundle, whose webgl backend would initialise
 * asynchronously. The cpu backend initialises synchronously, so references can run inside the
 * synchronous `TaskDefinition.reference()`.
 */
import * as tf from '@tensorflow/tfjs-core';
// Tensor methods such as `x.flatten()`, which tfjs-layers itself calls (its orthogonal initializer,
// the default for recurrent kernels, does) and which the judge's bundle registers in the isolate too.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-backend-cpu';
import * as tfl from '@tensorflow/tfjs-layers';

let configured = false;

/**
 * Makes the cpu backend the active one and returns TensorFlow.js core. Throws when another backend
 * stays active, because a reference computed on a different backend could round differently.
 */
export function cpuTf(): typeof tf {
  if (!configured) {
    // PROD turns off the per-op debug checks and the "install tfjs-node" banner on first use.
    tf.env().set('PROD', true);
    configured = true;
  }
  if (tf.getBackend() !== 'cpu') {
    // The cpu backend's factory is synchronous, so the switch is complete when setBackend returns,
    // even though it returns a promise.
    void tf.setBackend('cpu');
    if (tf.getBackend() !== 'cpu') throw new Error(`TensorFlow.js could not switch to the cpu backend (active: ${tf.getBackend()})`);
  }
  return tf;
}

/** TensorFlow.js layers (tf.layers, tf.sequential, …), sharing the engine of `cpuTf()`. */
export function cpuLayers(): typeof tfl {
  cpuTf();
  return tfl;
}

/**
 * Returns the namespace that training parts see as the global `tf` inside the isolate: core and
 * layers merged into one object, on the cpu backend. Host-side tests of train() install it as
 * `globalThis.tf`.
 */
export function cpuTfNamespace(): typeof tf & typeof tfl {
  return Object.assign({}, cpuTf(), tfl);
}

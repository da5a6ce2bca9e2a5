/**
 * Reference model of the glyph classification task, with the candidate's contract. It exports
 * train(trainInput, budget), uses only the global `tf` (TensorFlow.js core and layers) and has no
 * imports. The judge runs it in the same kind of isolate as a candidate's module.
 *
 * Model: a deep belief network. Two Bernoulli RBMs (144 × 64, then 64 × 32) are pre-trained greedily
 * with CD-1, the second on the hidden probabilities of the first. Their kernels and hidden biases
 * then initialise a sigmoid network 144 → 64 → 32 with a softmax output layer of 10 units, which
 * Adam fine-tunes on the labels with categorical cross-entropy.
 *
 * Deterministic given budget.seed: initial weights and the CD-1 samples come from seeded
 * TensorFlow.js random ops, and the batches keep the dataset's order, which the data generator
 * already randomised. tf.gather is avoided where gradients flow, because the wasm backend has no
 * kernel for its gradient.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Variable = import('@tensorflow/tfjs-core').Variable;

interface TrainInput {
  images: number[][];
  labels: number[];
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

interface Rbm {
  kernel: Variable;
  visibleBias: Variable;
  hiddenBias: Variable;
}

const HIDDEN = [64, 32];
const CLASSES = 10;
const PRETRAIN_EPOCHS = 5;
const PRETRAIN_LEARNING_RATE = 0.05;
const FINE_TUNE_EPOCHS = 20;
const FINE_TUNE_LEARNING_RATE = 3e-3;
const BATCH_SIZE = 50;

export async function train(trainInput: TrainInput, budget: Budget) {
  const pixels = trainInput.images[0].length;
  const widths = [pixels, ...HIDDEN];

  // Greedy pre-training: each RBM learns from the hidden probabilities of the one below.
  const rbms: Rbm[] = [];
  let data: Tensor2D = tf.tensor2d(trainInput.images);
  for (let l = 0; l < HIDDEN.length; l++) {
    const rbm = pretrainRbm(data, widths[l], widths[l + 1], budget.seed * 16 + l, Math.min(PRETRAIN_EPOCHS, budget.maxEpochs));
    rbms.push(rbm);
    const next = tf.tidy(() => tf.sigmoid(tf.add(tf.matMul(data, rbm.kernel), rbm.hiddenBias)) as Tensor2D);
    data.dispose();
    data = next;
    await Promise.resolve();
  }
  data.dispose();

  // Fine-tuning: the RBMs' kernels and hidden biases initialise the sigmoid layers.
  const model = tf.sequential();
  HIDDEN.forEach((units, l) => {
    model.add(tf.layers.dense({ units, activation: 'sigmoid', ...(l === 0 ? { inputShape: [pixels] } : {}) }));
  });
  model.add(
    tf.layers.dense({
      units: CLASSES,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed * 16 + HIDDEN.length }),
    }),
  );
  rbms.forEach((rbm, l) => model.layers[l].setWeights([rbm.kernel, rbm.hiddenBias]));
  for (const rbm of rbms) tf.dispose([rbm.kernel, rbm.visibleBias, rbm.hiddenBias]);
  model.compile({ optimizer: tf.train.adam(FINE_TUNE_LEARNING_RATE), loss: 'categoricalCrossentropy' });

  const inputs = tf.tensor2d(trainInput.images);
  const targets = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(trainInput.labels, 'int32'), CLASSES), 'float32'));
  const epochs = Math.min(FINE_TUNE_EPOCHS, budget.maxEpochs);
  const history = await model.fit(inputs, targets, { epochs, batchSize: BATCH_SIZE, shuffle: false, verbose: 0 });
  tf.dispose([inputs, targets]);
  // Only predict() runs from here on; Adam's moment estimates are no longer needed.
  model.optimizer.dispose();

  return {
    lossHistory: history.history.loss as number[],
    predict(testInput: { images: number[][] }): number[] {
      const classes = tf.tidy(() => tf.argMax(model.predict(tf.tensor2d(testInput.images)) as Tensor2D, 1));
      const predictions = Array.from(classes.dataSync());
      classes.dispose();
      return predictions;
    },
  };
}

/**
 * `epochs` of CD-1 pre-training of one Bernoulli RBM on `data` [n, nVisible]: the hidden state from
 * the data is sampled, the reconstruction and the hidden units it drives are probabilities, and the
 * positive statistics use the hidden probabilities.
 */
function pretrainRbm(data: Tensor2D, nVisible: number, nHidden: number, seed: number, epochs: number): Rbm {
  // tidy releases the initial values; the variables themselves survive it.
  const rbm: Rbm = tf.tidy(() => ({
    kernel: tf.variable(tf.randomNormal([nVisible, nHidden], 0, 0.01, 'float32', seed)),
    visibleBias: tf.variable(tf.zeros([nVisible])),
    hiddenBias: tf.variable(tf.zeros([nHidden])),
  }));
  const n = data.shape[0];
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < n; start += BATCH_SIZE) {
      step++;
      tf.tidy(() => {
        const v0 = tf.slice(data, [start, 0], [Math.min(BATCH_SIZE, n - start), nVisible]);
        const p0 = tf.sigmoid(tf.add(tf.matMul(v0, rbm.kernel), rbm.hiddenBias));
        const uniforms = tf.randomUniform(p0.shape, 0, 1, 'float32', seed * 100_003 + step);
        const h0 = tf.cast(tf.less(uniforms, p0), 'float32');
        const v1 = tf.sigmoid(tf.add(tf.matMul(h0, rbm.kernel, false, true), rbm.visibleBias));
        const p1 = tf.sigmoid(tf.add(tf.matMul(v1, rbm.kernel), rbm.hiddenBias));
        const scale = PRETRAIN_LEARNING_RATE / v0.shape[0];
        rbm.kernel.assign(tf.add(rbm.kernel, tf.mul(tf.sub(tf.matMul(v0, p0, true), tf.matMul(v1, p1, true)), scale)));
        rbm.visibleBias.assign(tf.add(rbm.visibleBias, tf.mul(tf.sum(tf.sub(v0, v1), 0), scale)));
        rbm.hiddenBias.assign(tf.add(rbm.hiddenBias, tf.mul(tf.sum(tf.sub(p0, p1), 0), scale)));
      });
    }
  }
  return rbm;
}

/**
 * Reference model of the glyph classification task, with the candidate's contract. It exports
 * train(trainInput, budget) and uses only the global `tf` (TensorFlow.js core and layers) and no
 * imports, so the judge runs it in the same kind of isolate as a candidate's module.
 *
 * Model: conv2d (8 filters, 3 × 3, 'same', ReLU) → max-pool 2 → flatten → dense softmax over the
 * 10 classes. Adam with learning rate 0.01 on the cross-entropy, batches of 32, 3 epochs. One
 * convolution layer is enough for these glyphs, and it keeps training affordable on the cpu
 * backend, whose conv2d filter gradient is slow (the wasm backend has none).
 *
 * Deterministic given budget.seed: the initialisers take seeds derived from it, and the batches
 * keep the order of the training set (`shuffle: false`), whose order is random already.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;

interface TrainInput {
  images: number[][][];
  labels: number[];
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const CLASSES = 10;
const EPOCHS = 3;
const BATCH_SIZE = 32;
const LEARNING_RATE = 0.01;

export async function train(trainInput: TrainInput, budget: Budget) {
  const { images, labels } = trainInput;
  const [height, width] = [images[0].length, images[0][0].length];
  const epochs = Math.min(EPOCHS, budget.maxEpochs);
  const seeded = (offset: number) => tf.initializers.glorotUniform({ seed: budget.seed + offset });

  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [height, width, 1], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu', kernelInitializer: seeded(0) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: seeded(1) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'sparseCategoricalCrossentropy' });

  const toTensor = (batch: number[][][]) => tf.tensor4d(batch.flat(2), [batch.length, height, width, 1]);
  const inputs = toTensor(images);
  const targets = tf.tensor1d(labels, 'float32');
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const history = await model.fit(inputs, targets, { epochs: 1, batchSize: BATCH_SIZE, shuffle: false, verbose: 0 });
    lossHistory.push(history.history.loss[0] as number);
  }
  tf.dispose([inputs, targets]);

  return {
    lossHistory,
    predict(testInput: { images: number[][][] }): number[] {
      const classes = tf.tidy(() => tf.argMax(model.predict(toTensor(testInput.images)) as Tensor, -1));
      const values = Array.from(classes.dataSync());
      classes.dispose();
      return values;
    },
  };
}

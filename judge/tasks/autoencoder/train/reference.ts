/**
 * Reference model of the denoising task, with the candidate's contract. It exports
 * train(trainInput, budget), uses only the global `tf` (TensorFlow.js core and layers) and has no
 * imports. The judge runs it in the same kind of isolate as a candidate's module.
 *
 * Model: a dense denoising autoencoder 144 → 64 → 32 → 64 → 144, ReLU inside and a sigmoid output,
 * trained with Adam on mean squared error from the corrupted training images to the clean ones.
 * The 32-unit code is the bottleneck that keeps the network from copying its input, noise included.
 *
 * Deterministic given budget.seed: initialisers take seeds derived from it, and the batches keep the
 * dataset's order (shuffle: false), which the data generator already randomised.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;

interface TrainInput {
  images: number[][];
  noisyImages: number[][];
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const WIDTHS = [64, 32, 64];
const EPOCHS = 15;
const BATCH_SIZE = 50;
const LEARNING_RATE = 5e-3;

export async function train(trainInput: TrainInput, budget: Budget) {
  const pixels = trainInput.images[0].length;
  const epochs = Math.min(EPOCHS, budget.maxEpochs);

  const model = tf.sequential();
  WIDTHS.forEach((units, l) => {
    model.add(
      tf.layers.dense({
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed * 8 + l }),
        ...(l === 0 ? { inputShape: [pixels] } : {}),
      }),
    );
  });
  model.add(
    tf.layers.dense({
      units: pixels,
      activation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed * 8 + WIDTHS.length }),
    }),
  );
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError' });

  const inputs = tf.tensor2d(trainInput.noisyImages);
  const targets = tf.tensor2d(trainInput.images);
  const history = await model.fit(inputs, targets, { epochs, batchSize: BATCH_SIZE, shuffle: false, verbose: 0 });
  tf.dispose([inputs, targets]);
  // Only predict() runs from here on; Adam's moment estimates are no longer needed.
  model.optimizer.dispose();

  return {
    lossHistory: history.history.loss as number[],
    predict(testInput: { noisyImages: number[][] }): number[][] {
      const output = tf.tidy(() => model.predict(tf.tensor2d(testInput.noisyImages)) as Tensor);
      const rows = output.arraySync() as number[][];
      output.dispose();
      return rows;
    },
  };
}

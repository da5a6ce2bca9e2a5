/**
 * Reference model of the adding problem, with the candidate's contract. It exports
 * train(trainInput, budget) and uses only the global `tf` (TensorFlow.js core and layers) and no
 * imports, so the judge runs it in the same kind of isolate as a candidate's module.
 *
 * Model: `tf.layers.simpleRNN` with 32 tanh units (Glorot-uniform kernel, orthogonal recurrent
 * kernel) returning its last state, then one linear unit. Adam with learning rate 0.01 on the mean
 * squared error, batches of 64, 20 epochs.
 *
 * Deterministic given budget.seed: the initialisers take seeds derived from it, and the batches
 * keep the order of the training set (`shuffle: false`), whose order is random already.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;

interface TrainInput {
  sequences: number[][][];
  targets: number[];
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const UNITS = 32;
const EPOCHS = 20;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;

export async function train(trainInput: TrainInput, budget: Budget) {
  const { sequences, targets } = trainInput;
  const [steps, features] = [sequences[0].length, sequences[0][0].length];
  const epochs = Math.min(EPOCHS, budget.maxEpochs);

  const model = tf.sequential({
    layers: [
      tf.layers.simpleRNN({
        inputShape: [steps, features],
        units: UNITS,
        kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: budget.seed + 1 }),
      }),
      tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed + 2 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(LEARNING_RATE), loss: 'meanSquaredError' });

  const inputs = tf.tensor3d(sequences, [sequences.length, steps, features]);
  const outputs = tf.tensor2d(targets, [targets.length, 1]);
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const history = await model.fit(inputs, outputs, { epochs: 1, batchSize: BATCH_SIZE, shuffle: false, verbose: 0 });
    lossHistory.push(history.history.loss[0] as number);
  }
  tf.dispose([inputs, outputs]);

  return {
    lossHistory,
    predict(testInput: { sequences: number[][][] }): number[] {
      const predictions = tf.tidy(() => model.predict(tf.tensor3d(testInput.sequences, [testInput.sequences.length, steps, features])) as Tensor);
      const values = Array.from(predictions.dataSync());
      predictions.dispose();
      return values;
    },
  };
}

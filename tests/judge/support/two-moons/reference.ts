/**
 * Reference model of the test-only two-moons task, with the candidate's contract: a dense network
 * 2 → 16 → 16 → 1 (ReLU, then a sigmoid), trained with Adam on binary cross-entropy. It uses only
 * the global `tf` and no imports, and is deterministic given budget.seed.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;

interface TrainInput {
  points: number[][];
  labels: number[];
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const EPOCHS = 40;

export async function train(trainInput: TrainInput, budget: Budget) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ units: 16, activation: 'relu', inputShape: [2], kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed }) }));
  model.add(tf.layers.dense({ units: 16, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed + 1 }) }));
  model.add(tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: budget.seed + 2 }) }));
  model.compile({ optimizer: tf.train.adam(0.03), loss: 'binaryCrossentropy' });

  const inputs = tf.tensor2d(trainInput.points);
  const targets = tf.tensor2d(trainInput.labels.map((label) => [label]));
  const history = await model.fit(inputs, targets, { epochs: Math.min(EPOCHS, budget.maxEpochs), batchSize: 32, shuffle: false, verbose: 0 });
  tf.dispose([inputs, targets]);

  return {
    lossHistory: history.history.loss as number[],
    predict(testInput: { points: number[][] }): number[] {
      const probabilities = tf.tidy(() => model.predict(tf.tensor2d(testInput.points)) as Tensor);
      const values = probabilities.dataSync();
      probabilities.dispose();
      return Array.from(values, (p) => (p >= 0.5 ? 1 : 0));
    },
  };
}

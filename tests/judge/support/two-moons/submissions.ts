// Submissions for the two-moons part, as source text, shared by the training tests.

/** A reasonable model, written differently from the reference (one hidden layer, tanh, more epochs). */
export const MOONS_SOLUTION = `
export async function train(trainInput: { points: number[][]; labels: number[] }, budget: { seed: number }) {
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ units: 24, activation: 'tanh', inputShape: [2], kernelInitializer: tf.initializers.heNormal({ seed: budget.seed }) }),
      tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.heNormal({ seed: budget.seed + 1 }) }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.05), loss: 'binaryCrossentropy' });
  const xs = tf.tensor2d(trainInput.points);
  const ys = tf.tensor2d(trainInput.labels, [trainInput.labels.length, 1]);
  const history = await model.fit(xs, ys, { epochs: 60, batchSize: 32, shuffle: false, verbose: 0 });
  xs.dispose();
  ys.dispose();
  console.log('trained on', trainInput.points.length, 'points with', tf.getBackend());
  return {
    lossHistory: history.history.loss,
    predict: (testInput: { points: number[][] }) =>
      tf.tidy(() => Array.from((model.predict(tf.tensor2d(testInput.points)) as any).dataSync() as Float32Array, (p) => (p > 0.5 ? 1 : 0))),
  };
}
`;

/** Predicts the most frequent training label for every point. */
export const MOONS_MAJORITY = `
export async function train(trainInput: { labels: number[] }) {
  const ones = trainInput.labels.filter((label) => label === 1).length;
  const majority = ones * 2 >= trainInput.labels.length ? 1 : 0;
  return { predict: (testInput: { points: number[][] }) => testInput.points.map(() => majority) };
}
`;

/** Keeps every tensor it allocates, so memory grows until the limit. */
export const MOONS_TENSOR_LEAK = `
export async function train() {
  const kept = [];
  for (let epoch = 0; ; epoch++) kept.push(tf.randomNormal([256, 256]).matMul(tf.randomNormal([256, 256])));
}
`;

/** Never finishes training, and disposes what it allocates, so only the CPU limit ends it. */
export const MOONS_INFINITE_TRAINING = `
export async function train() {
  const weights = tf.variable(tf.zeros([2, 1]));
  for (;;) tf.tidy(() => weights.assign(weights.add(1)));
}
`;

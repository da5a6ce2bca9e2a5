/**
 * Reference model of the ring task, with the candidate's contract. It exports
 * train(trainInput, budget), uses only the global `tf` (TensorFlow.js core and layers) and has no
 * imports. The judge runs it in the same kind of isolate as a candidate's module.
 *
 * Model: a GAN with two-hidden-layer MLPs of 32 units on both sides: the generator latentDim → 32
 * → 32 → 2 with ReLU, the discriminator 2 → 32 → 32 → 1 with LeakyReLU(0.2) and a logit output.
 * Each step takes one discriminator update and one generator update with Adam (β1 = 0.5), the
 * discriminator on binary cross-entropy from logits and the generator on the non-saturating loss
 * −log D(G(z)). 450 steps at learning rate 4e-3 find the modes; 200 more at 1e-3, with fresh
 * optimizers, sharpen them and even out their weights.
 *
 * Deterministic given budget.seed: initial weights come from a seeded mulberry32, noise from seeded
 * tf.randomNormal, and the real batches from the same mulberry32. Real batches are built from
 * JavaScript arrays instead of tf.gather, whose gradient the wasm backend lacks (no gradient flows
 * through them here, but the habit keeps the module safe on every backend).
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Scalar = import('@tensorflow/tfjs-core').Scalar;
type Variable = import('@tensorflow/tfjs-core').Variable;

interface TrainInput {
  samples: number[][];
  latentDim: number;
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const HIDDEN = 32;
/** Steps and learning rate of each phase. */
const PHASES = [
  { steps: 450, learningRate: 4e-3 },
  { steps: 200, learningRate: 1e-3 },
];
const BATCH_SIZE = 64;
const BETA1 = 0.5;
const LEAKY_SLOPE = 0.2;

interface Dense {
  kernel: Variable;
  bias: Variable;
}

export async function train(trainInput: TrainInput, budget: Budget) {
  const { samples, latentDim } = trainInput;
  const random = mulberry32(budget.seed);

  // Glorot-uniform kernels and zero biases; tidy releases the initial values, not the variables.
  const glorot = (inputDim: number, units: number): Dense =>
    tf.tidy(() => {
      const limit = Math.sqrt(6 / (inputDim + units));
      const values = Array.from({ length: inputDim }, () => Array.from({ length: units }, () => (2 * random() - 1) * limit));
      return { kernel: tf.variable(tf.tensor2d(values)), bias: tf.variable(tf.zeros([units])) };
    });
  const generator = [glorot(latentDim, HIDDEN), glorot(HIDDEN, HIDDEN), glorot(HIDDEN, 2)];
  const discriminator = [glorot(2, HIDDEN), glorot(HIDDEN, HIDDEN), glorot(HIDDEN, 1)];
  const variables = (layers: Dense[]) => layers.flatMap((layer) => [layer.kernel, layer.bias]);

  const forward = (x: Tensor, layers: Dense[], activation: (t: Tensor) => Tensor): Tensor =>
    layers.reduce((hidden, layer, l) => {
      const output = tf.add(tf.matMul(hidden as Tensor2D, layer.kernel as Tensor2D), layer.bias);
      return l < layers.length - 1 ? activation(output) : output;
    }, x);
  const generate = (z: Tensor) => forward(z, generator, (t) => tf.relu(t));
  const discriminate = (x: Tensor) => forward(x, discriminator, (t) => tf.leakyRelu(t, LEAKY_SLOPE));

  const stepsPerEpoch = Math.ceil(samples.length / BATCH_SIZE);
  const maxSteps = budget.maxEpochs * stepsPerEpoch;
  const lossHistory: number[] = [];
  let epochLoss = 0;
  let step = 0;

  for (const phase of PHASES) {
    const discriminatorOptimizer = tf.train.adam(phase.learningRate, BETA1);
    const generatorOptimizer = tf.train.adam(phase.learningRate, BETA1);
    for (let phaseStep = 0; phaseStep < phase.steps && step < maxSteps; phaseStep++, step++) {
      const batch = Array.from({ length: BATCH_SIZE }, () => samples[Math.floor(random() * samples.length)]);
      const loss = tf.tidy(() => {
        const real = tf.tensor2d(batch);
        const fake = generate(tf.randomNormal([BATCH_SIZE, latentDim], 0, 1, 'float32', budget.seed * 1_000_003 + 2 * step));
        const discriminatorLoss = discriminatorOptimizer.minimize(
          () => tf.add(tf.mean(tf.softplus(tf.neg(discriminate(real)))), tf.mean(tf.softplus(discriminate(fake)))) as Scalar,
          true,
          variables(discriminator),
        ) as Scalar;
        const z = tf.randomNormal([BATCH_SIZE, latentDim], 0, 1, 'float32', budget.seed * 1_000_003 + 2 * step + 1);
        generatorOptimizer.minimize(() => tf.mean(tf.softplus(tf.neg(discriminate(generate(z))))) as Scalar, false, variables(generator));
        return discriminatorLoss;
      });
      epochLoss += loss.dataSync()[0];
      loss.dispose();
      // An epoch is one pass's worth of batches; the loss curve records the discriminator's mean loss.
      if ((step + 1) % stepsPerEpoch === 0) {
        lossHistory.push(epochLoss / stepsPerEpoch);
        epochLoss = 0;
        // Let a wall-clock watchdog run between epochs.
        await Promise.resolve();
      }
    }
    discriminatorOptimizer.dispose();
    generatorOptimizer.dispose();
  }
  for (const layer of discriminator) tf.dispose([layer.kernel, layer.bias]);

  return {
    lossHistory,
    predict(testInput: { noise: number[][] }): number[][] {
      const points = tf.tidy(() => generate(tf.tensor2d(testInput.noise)));
      const rows = points.arraySync() as number[][];
      points.dispose();
      return rows;
    },
  };
}

/** Mulberry32: a small 32-bit PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

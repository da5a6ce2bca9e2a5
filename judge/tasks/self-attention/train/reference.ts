/**
 * Reference model of the attention classifier task, with the candidate's contract. It exports
 * train(trainInput, budget) and uses only the global `tf` (TensorFlow.js core and layers), with no
 * imports, so the judge can run it in the same kind of isolate as a candidate's module.
 *
 * Model: token and learned position embeddings (d = 32), one self-attention layer with 4 heads and a
 * residual connection, then, at position 0 only, a ReLU layer (32 units) and a sigmoid output.
 * Attention lets position 0, where the pointer is, read the token at the position it names.
 * Embeddings are one-hot products rather than tf.gather, because the wasm backend has no kernel for
 * gather's gradient, and the one-hot matrix is cast from int32 because the wasm backend's float32
 * oneHot is wrong in TensorFlow.js 4.22.
 *
 * Deterministic given budget.seed: initialisers take seeds derived from it, and the batches are
 * shuffled with a seeded mulberry32.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;
type Variable = import('@tensorflow/tfjs-core').Variable;

interface TrainInput {
  sequences: number[][];
  labels: number[];
  vocabSize: number;
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const MODEL_DIM = 32;
const NUM_HEADS = 4;
const HEAD_DIM = MODEL_DIM / NUM_HEADS;
const HIDDEN_UNITS = 32;
const EPOCHS = 5;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;
const PREDICT_BATCH = 512;

export async function train(trainInput: TrainInput, budget: Budget) {
  const { sequences, labels, vocabSize } = trainInput;
  const length = sequences[0].length;
  const epochs = Math.min(EPOCHS, budget.maxEpochs);

  let seedOffset = 0;
  const normal = (shape: number[], deviation: number): Variable =>
    tf.variable(tf.randomNormal(shape, 0, deviation, 'float32', budget.seed * 16 + ++seedOffset));
  // tidy releases the initial values; the variables themselves survive it.
  const params = tf.tidy(() => ({
    token: normal([vocabSize, MODEL_DIM], 1),
    position: normal([length, MODEL_DIM], 1),
    query: normal([MODEL_DIM, MODEL_DIM], 1 / Math.sqrt(MODEL_DIM)),
    key: normal([MODEL_DIM, MODEL_DIM], 1 / Math.sqrt(MODEL_DIM)),
    value: normal([MODEL_DIM, MODEL_DIM], 1 / Math.sqrt(MODEL_DIM)),
    hidden: normal([MODEL_DIM, HIDDEN_UNITS], 1 / Math.sqrt(MODEL_DIM)),
    hiddenBias: tf.variable(tf.zeros([HIDDEN_UNITS])),
    output: normal([HIDDEN_UNITS, 1], 1 / Math.sqrt(HIDDEN_UNITS)),
    outputBias: tf.variable(tf.zeros([1])),
  }));

  /** Logits [batch, 1] for a batch of sequences. */
  const forward = (batch: number[][]): Tensor => {
    const count = batch.length;
    const ids = tf.tensor1d(batch.flat(), 'int32');
    const embedded = tf.matMul(tf.cast(tf.oneHot(ids, vocabSize), 'float32'), params.token);
    const x = tf.add(tf.reshape(embedded, [count, length, MODEL_DIM]), params.position);
    const flat = tf.reshape(x, [count * length, MODEL_DIM]);
    // [count, heads, length, headDim]: head h owns columns h·headDim … (h + 1)·headDim − 1.
    const project = (kernel: Variable) =>
      tf.transpose(tf.reshape(tf.matMul(flat, kernel), [count, length, NUM_HEADS, HEAD_DIM]), [0, 2, 1, 3]);
    const scores = tf.mul(tf.matMul(project(params.query), project(params.key), false, true), 1 / Math.sqrt(HEAD_DIM));
    const heads = tf.matMul(tf.softmax(scores), project(params.value));
    const attended = tf.reshape(tf.transpose(heads, [0, 2, 1, 3]), [count, length, MODEL_DIM]);
    const first = tf.reshape(tf.slice(tf.add(x, attended), [0, 0, 0], [count, 1, MODEL_DIM]), [count, MODEL_DIM]);
    const hidden = tf.relu(tf.add(tf.matMul(first, params.hidden), params.hiddenBias));
    return tf.add(tf.matMul(hidden, params.output), params.outputBias);
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const random = mulberry32(budget.seed);
  const order = sequences.map((_, index) => index);
  const lossHistory: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    let total = 0;
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const indices = order.slice(start, start + BATCH_SIZE);
      const batch = indices.map((index) => sequences[index]);
      const target = tf.tensor2d(indices.map((index) => [labels[index]]));
      const loss = optimizer.minimize(() => tf.losses.sigmoidCrossEntropy(target, forward(batch)) as import('@tensorflow/tfjs-core').Scalar, true);
      total += (loss as Tensor).dataSync()[0] * indices.length;
      tf.dispose([target, loss as Tensor]);
    }
    lossHistory.push(total / order.length);
  }
  optimizer.dispose();

  return {
    lossHistory,
    predict(testInput: { sequences: number[][] }): number[] {
      const predictions: number[] = [];
      for (let start = 0; start < testInput.sequences.length; start += PREDICT_BATCH) {
        const logits = tf.tidy(() => forward(testInput.sequences.slice(start, start + PREDICT_BATCH)));
        for (const logit of logits.dataSync()) predictions.push(logit > 0 ? 1 : 0);
        logits.dispose();
      }
      return predictions;
    },
  };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
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

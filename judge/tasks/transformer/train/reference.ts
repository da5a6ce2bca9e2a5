/**
 * Reference model of the sorting task, with the candidate's contract. It exports
 * train(trainInput, budget) and uses only the global `tf` (TensorFlow.js core and layers), with no
 * imports, so the judge can run it in the same kind of isolate as a candidate's module.
 *
 * Model: token and learned position embeddings (d = 16), one pre-norm Transformer encoder block
 * (2 heads, feed-forward width 32, ReLU), a final layer normalisation and a dense softmax over the
 * tokens at every position; softmax cross-entropy, Adam. Embeddings are one-hot products rather
 * than tf.gather, because the wasm backend has no kernel for gather's gradient, and the one-hot
 * matrix is cast from int32 because the wasm backend's float32 oneHot is wrong in TensorFlow.js
 * 4.22. Deterministic given budget.seed: seeded initialisers and a seeded shuffle.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;
type Variable = import('@tensorflow/tfjs-core').Variable;

interface TrainInput {
  inputs: number[][];
  targets: number[][];
  vocabSize: number;
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const MODEL_DIM = 16;
const NUM_HEADS = 2;
const FEED_FORWARD_DIM = 32;
const NUM_LAYERS = 1;
const EPOCHS = 6;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;
const PREDICT_BATCH = 500;
const EPSILON = 1e-5;

export async function train(trainInput: TrainInput, budget: Budget) {
  const { inputs, targets, vocabSize } = trainInput;
  const length = inputs[0].length;
  const epochs = Math.min(EPOCHS, budget.maxEpochs);
  const headDim = MODEL_DIM / NUM_HEADS;

  let seedOffset = 0;
  const normal = (shape: number[], deviation: number): Variable =>
    tf.variable(tf.randomNormal(shape, 0, deviation, 'float32', budget.seed * 64 + ++seedOffset));
  const constant = (shape: number[], value: number): Variable => tf.variable(tf.fill(shape, value));
  const glorot = (rows: number, columns: number) => normal([rows, columns], Math.sqrt(2 / (rows + columns)));

  const params = tf.tidy(() => ({
    token: normal([vocabSize, MODEL_DIM], 1),
    position: normal([length, MODEL_DIM], 1),
    layers: Array.from({ length: NUM_LAYERS }, () => ({
      norm1: { gamma: constant([MODEL_DIM], 1), beta: constant([MODEL_DIM], 0) },
      query: glorot(MODEL_DIM, MODEL_DIM),
      key: glorot(MODEL_DIM, MODEL_DIM),
      value: glorot(MODEL_DIM, MODEL_DIM),
      output: glorot(MODEL_DIM, MODEL_DIM),
      norm2: { gamma: constant([MODEL_DIM], 1), beta: constant([MODEL_DIM], 0) },
      inner: glorot(MODEL_DIM, FEED_FORWARD_DIM),
      innerBias: constant([FEED_FORWARD_DIM], 0),
      outer: glorot(FEED_FORWARD_DIM, MODEL_DIM),
      outerBias: constant([MODEL_DIM], 0),
    })),
    finalNorm: { gamma: constant([MODEL_DIM], 1), beta: constant([MODEL_DIM], 0) },
    classifier: glorot(MODEL_DIM, vocabSize),
    classifierBias: constant([vocabSize], 0),
  }));

  // Layer normalisation with matrix products in place of [rows, 1] broadcasts, because the cpu
  // backend computes those element by element with index arithmetic. Centring is x·(I − J/d), and
  // a product with a row of ones spreads each row's scale over the row.
  const centring = tf.sub(tf.eye(MODEL_DIM), tf.fill([MODEL_DIM, MODEL_DIM], 1 / MODEL_DIM));
  const averaging = tf.fill([MODEL_DIM, 1], 1 / MODEL_DIM);
  const spreading = tf.ones([1, MODEL_DIM]);
  const layerNorm = (x: Tensor, norm: { gamma: Variable; beta: Variable }) => {
    const centred = tf.matMul(x as import('@tensorflow/tfjs-core').Tensor2D, centring);
    const variance = tf.matMul(tf.square(centred), averaging);
    const scale = tf.matMul(tf.rsqrt(tf.add(variance, EPSILON)), spreading);
    return tf.add(tf.mul(tf.mul(centred, scale), norm.gamma), norm.beta);
  };

  /** Logits [batch·length, vocabSize]. */
  const forward = (batch: number[][]): Tensor => {
    const count = batch.length;
    const rows = count * length;
    const ids = tf.tensor1d(batch.flat(), 'int32');
    let x = tf.add(tf.reshape(tf.matMul(tf.cast(tf.oneHot(ids, vocabSize), 'float32'), params.token), [count, length, MODEL_DIM]), params.position);
    x = tf.reshape(x, [rows, MODEL_DIM]);
    for (const layer of params.layers) {
      const normed = layerNorm(x, layer.norm1);
      const heads = (kernel: Variable) => tf.transpose(tf.reshape(tf.matMul(normed, kernel), [count, length, NUM_HEADS, headDim]), [0, 2, 1, 3]);
      const scores = tf.mul(tf.matMul(heads(layer.query), heads(layer.key), false, true), 1 / Math.sqrt(headDim));
      const mixed = tf.matMul(tf.softmax(scores), heads(layer.value));
      const merged = tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [rows, MODEL_DIM]);
      x = tf.add(x, tf.matMul(merged, layer.output));
      const inner = tf.relu(tf.add(tf.matMul(layerNorm(x, layer.norm2), layer.inner), layer.innerBias));
      x = tf.add(x, tf.add(tf.matMul(inner, layer.outer), layer.outerBias));
    }
    return tf.add(tf.matMul(layerNorm(x, params.finalNorm), params.classifier), params.classifierBias);
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const random = mulberry32(budget.seed);
  const order = inputs.map((_, index) => index);
  const lossHistory: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    let total = 0;
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const indices = order.slice(start, start + BATCH_SIZE);
      const labels = tf.oneHot(tf.tensor1d(indices.flatMap((index) => targets[index]), 'int32'), vocabSize);
      const loss = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(labels, forward(indices.map((index) => inputs[index]))) as import('@tensorflow/tfjs-core').Scalar,
        true,
      ) as Tensor;
      total += loss.dataSync()[0] * indices.length;
      tf.dispose([labels, loss]);
    }
    lossHistory.push(total / order.length);
  }
  optimizer.dispose();

  return {
    lossHistory,
    predict(testInput: { inputs: number[][] }): number[][] {
      const predictions: number[][] = [];
      for (let start = 0; start < testInput.inputs.length; start += PREDICT_BATCH) {
        const batch = testInput.inputs.slice(start, start + PREDICT_BATCH);
        const best = tf.tidy(() => tf.argMax(forward(batch), -1));
        const flat = best.dataSync();
        best.dispose();
        batch.forEach((_, i) => predictions.push(Array.from(flat.subarray(i * length, (i + 1) * length))));
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

/**
 * Reference model of the masked-language-model task, with the candidate's contract. It exports
 * train(trainInput, budget) and uses only the global `tf` (TensorFlow.js core and layers), with no
 * imports, so the judge can run it in the same kind of isolate as a candidate's module.
 *
 * Model: a one-layer BERT. Token and learned position embeddings (d = 32) with layer
 * normalisation, one post-norm encoder block (4 heads, feed-forward width 64, GELU in the erf
 * form), and the MLM head (dense, GELU, layer normalisation, logits against the tied token
 * embeddings plus a bias). Pre-training follows BERT's recipe but chooses more positions, because
 * the sentences have only 7 words. 25% of the positions are chosen, of which 80% become the mask
 * token, 10% a random token and 10% stay. The loss is the cross-entropy at the chosen positions only. Embeddings are one-hot products cast from int32, for the wasm
 * backend (no kernel for gather's gradient; a wrong float32 oneHot in TensorFlow.js 4.22).
 * Deterministic given budget.seed: seeded initialisers, masking and shuffle.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Variable = import('@tensorflow/tfjs-core').Variable;

interface TrainInput {
  sentences: number[][];
  vocabSize: number;
  maskTokenId: number;
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const MODEL_DIM = 32;
const NUM_HEADS = 4;
const FEED_FORWARD_DIM = 64;
const EPOCHS = 6;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.01;
const MASK_PROBABILITY = 0.25;
const PREDICT_BATCH = 500;
const EPSILON = 1e-12;

export async function train(trainInput: TrainInput, budget: Budget) {
  const { sentences, vocabSize, maskTokenId } = trainInput;
  const length = sentences[0].length;
  const epochs = Math.min(EPOCHS, budget.maxEpochs);
  const headDim = MODEL_DIM / NUM_HEADS;
  const random = mulberry32(budget.seed);

  let seedOffset = 0;
  const normal = (shape: number[], deviation: number): Variable =>
    tf.variable(tf.truncatedNormal(shape, 0, deviation, 'float32', budget.seed * 64 + ++seedOffset));
  const constant = (shape: number[], value: number): Variable => tf.variable(tf.fill(shape, value));
  const norm = () => ({ gamma: constant([MODEL_DIM], 1), beta: constant([MODEL_DIM], 0) });
  const dense = (rows: number, columns: number) => ({ kernel: normal([rows, columns], Math.sqrt(2 / (rows + columns))), bias: constant([columns], 0) });

  const params = tf.tidy(() => ({
    token: normal([vocabSize, MODEL_DIM], 0.5),
    position: normal([length, MODEL_DIM], 0.5),
    embeddingNorm: norm(),
    query: dense(MODEL_DIM, MODEL_DIM),
    key: dense(MODEL_DIM, MODEL_DIM),
    value: dense(MODEL_DIM, MODEL_DIM),
    attentionOutput: dense(MODEL_DIM, MODEL_DIM),
    attentionNorm: norm(),
    intermediate: dense(MODEL_DIM, FEED_FORWARD_DIM),
    feedForwardOutput: dense(FEED_FORWARD_DIM, MODEL_DIM),
    feedForwardNorm: norm(),
    transform: dense(MODEL_DIM, MODEL_DIM),
    headNorm: norm(),
    outputBias: constant([vocabSize], 0),
  }));

  // Layer normalisation with matrix products in place of [rows, 1] broadcasts, because the cpu
  // backend computes those element by element with index arithmetic. Centring is x·(I − J/d), and
  // a product with a row of ones spreads each row's scale over the row.
  const centring = tf.sub(tf.eye(MODEL_DIM), tf.fill([MODEL_DIM, MODEL_DIM], 1 / MODEL_DIM)) as Tensor2D;
  const averaging = tf.fill([MODEL_DIM, 1], 1 / MODEL_DIM) as Tensor2D;
  const spreading = tf.ones([1, MODEL_DIM]) as Tensor2D;
  const layerNorm = (x: Tensor2D, weights: { gamma: Variable; beta: Variable }): Tensor2D => {
    const centred = tf.matMul(x, centring);
    const variance = tf.matMul(tf.square(centred), averaging);
    const scale = tf.matMul(tf.rsqrt(tf.add(variance, EPSILON)), spreading);
    return tf.add(tf.mul(tf.mul(centred, scale), weights.gamma), weights.beta);
  };
  const linear = (x: Tensor2D, weights: { kernel: Variable; bias: Variable }): Tensor2D => tf.add(tf.matMul(x, weights.kernel as Tensor2D), weights.bias);
  const gelu = (x: Tensor2D): Tensor2D => tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));

  /** MLM logits [batch·length, vocabSize] for a batch of token-id rows. */
  const forward = (batch: number[][]): Tensor2D => {
    const count = batch.length;
    const rows = count * length;
    const ids = tf.tensor1d(batch.flat(), 'int32');
    const tokens = tf.reshape(tf.matMul(tf.cast(tf.oneHot(ids, vocabSize), 'float32'), params.token), [count, length, MODEL_DIM]);
    const x = layerNorm(tf.reshape(tf.add(tokens, params.position), [rows, MODEL_DIM]), params.embeddingNorm);

    const heads = (layer: { kernel: Variable; bias: Variable }) =>
      tf.transpose(tf.reshape(linear(x, layer), [count, length, NUM_HEADS, headDim]), [0, 2, 1, 3]);
    const scores = tf.mul(tf.matMul(heads(params.query), heads(params.key), false, true), 1 / Math.sqrt(headDim));
    const mixed = tf.matMul(tf.softmax(scores), heads(params.value));
    const merged = tf.reshape(tf.transpose(mixed, [0, 2, 1, 3]), [rows, MODEL_DIM]) as Tensor2D;
    const y = layerNorm(tf.add(x, linear(merged, params.attentionOutput)), params.attentionNorm);
    const feedForward = linear(gelu(linear(y, params.intermediate)), params.feedForwardOutput);
    const hidden = layerNorm(tf.add(y, feedForward), params.feedForwardNorm);

    const u = layerNorm(gelu(linear(hidden, params.transform)), params.headNorm);
    return tf.add(tf.matMul(u, params.token as Tensor2D, false, true), params.outputBias);
  };

  /**
   * Applies BERT's masking to one batch. Each position is chosen with probability MASK_PROBABILITY,
   * and at least one per sentence. A chosen token becomes the mask token 80% of the time, a random
   * other token 10% of the time, and stays 10% of the time. Returns the corrupted rows and a 0/1
   * weight per position that marks the chosen ones, the only positions the loss counts.
   */
  const corrupt = (batch: number[][]): { inputs: number[][]; weights: number[] } => {
    const weights: number[] = [];
    const inputs = batch.map((sentence) => {
      const chosen = sentence.map(() => random() < MASK_PROBABILITY);
      if (!chosen.includes(true)) chosen[Math.floor(random() * length)] = true;
      weights.push(...chosen.map((flag) => (flag ? 1 : 0)));
      return sentence.map((token, position) => {
        if (!chosen[position]) return token;
        const draw = random();
        if (draw < 0.8) return maskTokenId;
        if (draw < 0.9) return randomToken();
        return token;
      });
    });
    return { inputs, weights };
  };
  const randomToken = () => {
    const token = Math.floor(random() * (vocabSize - 1));
    return token >= maskTokenId ? token + 1 : token;
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const order = sentences.map((_, index) => index);
  const lossHistory: number[] = [];

  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    let total = 0;
    let batches = 0;
    for (let start = 0; start < order.length; start += BATCH_SIZE) {
      const batch = order.slice(start, start + BATCH_SIZE).map((index) => sentences[index]);
      const { inputs, weights } = corrupt(batch);
      const labels = tf.tidy(() => tf.cast(tf.oneHot(tf.tensor1d(batch.flat(), 'int32'), vocabSize), 'float32'));
      const weightTensor = tf.tensor1d(weights);
      const loss = optimizer.minimize(
        () => tf.losses.softmaxCrossEntropy(labels, forward(inputs), weightTensor) as import('@tensorflow/tfjs-core').Scalar,
        true,
      ) as Tensor;
      total += loss.dataSync()[0];
      batches++;
      tf.dispose([labels, weightTensor, loss]);
    }
    lossHistory.push(total / batches);
  }
  optimizer.dispose();

  return {
    lossHistory,
    predict(testInput: { sentences: number[][] }): number[][] {
      const predictions: number[][] = [];
      for (let start = 0; start < testInput.sentences.length; start += PREDICT_BATCH) {
        const batch = testInput.sentences.slice(start, start + PREDICT_BATCH);
        const best = tf.tidy(() => tf.argMax(forward(batch), -1));
        const flat = best.dataSync();
        best.dispose();
        batch.forEach((sentence, i) => {
          const row: number[] = [];
          sentence.forEach((token, position) => {
            if (token === maskTokenId) row.push(flat[i * length + position]);
          });
          predictions.push(row);
        });
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

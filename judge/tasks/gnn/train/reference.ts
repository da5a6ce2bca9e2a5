/**
 * Reference model of the node classification task, with the candidate's contract. It exports
 * train(trainInput, budget) and uses only the global `tf` (TensorFlow.js core and layers) and no
 * imports, so the judge runs it in the same kind of isolate as a candidate's module.
 *
 * Model: the two-layer GCN of Kipf and Welling (2017), softmax(Â · ReLU(Â X W₁ + b₁) W₂ + b₂)
 * with Â = D^−½ (A + I) D^−½, 16 hidden units, dropout 0.5 on the input and hidden features during
 * training, L2 penalty 5e-4 on W₁. Full-batch Adam with learning rate 0.01 for 200 epochs, on the
 * cross-entropy of the labelled nodes only. Â is a dense n × n matrix: these graphs have a few
 * hundred nodes. The loss weights every node by a 0/1 mask instead of gathering the labelled rows,
 * because the wasm backend has no kernel for the gradient of a gather.
 *
 * Deterministic given budget.seed: the initialisers and the dropout masks take seeds derived from it.
 */

declare const tf: typeof import('@tensorflow/tfjs-core') & typeof import('@tensorflow/tfjs-layers');

type Tensor = import('@tensorflow/tfjs-core').Tensor;
type Tensor2D = import('@tensorflow/tfjs-core').Tensor2D;
type Scalar = import('@tensorflow/tfjs-core').Scalar;

interface TrainInput {
  features: number[][];
  edges: [number, number][];
  trainNodes: number[];
  trainLabels: number[];
}

interface Budget {
  maxEpochs: number;
  seed: number;
}

const HIDDEN_UNITS = 16;
const DROPOUT = 0.5;
const WEIGHT_DECAY = 5e-4;
const EPOCHS = 200;
const LEARNING_RATE = 0.01;

/** D^−½ (A + I) D^−½ as a dense row-major n × n array; repeated edges and self-loops count once. */
function normalisedAdjacency(n: number, edges: [number, number][]): Float32Array {
  const adjacency = new Float32Array(n * n);
  for (const [a, b] of edges) {
    adjacency[a * n + b] = 1;
    adjacency[b * n + a] = 1;
  }
  for (let i = 0; i < n; i++) adjacency[i * n + i] = 1;
  const scale = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let degree = 0;
    for (let j = 0; j < n; j++) degree += adjacency[i * n + j];
    scale[i] = 1 / Math.sqrt(degree);
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) adjacency[i * n + j] *= scale[i] * scale[j];
  return adjacency;
}

export async function train(trainInput: TrainInput, budget: Budget) {
  const { features, edges, trainNodes, trainLabels } = trainInput;
  const n = features.length;
  const featureDim = features[0].length;
  const classes = Math.max(...trainLabels) + 1;
  const epochs = Math.min(EPOCHS, budget.maxEpochs);

  const propagate = tf.tensor2d(normalisedAdjacency(n, edges), [n, n]);
  const x = tf.tensor2d(features, [n, featureDim]);
  const mask = new Float32Array(n);
  const oneHot = new Float32Array(n * classes);
  trainNodes.forEach((node, i) => {
    mask[node] = 1;
    oneHot[node * classes + trainLabels[i]] = 1;
  });
  const maskTensor = tf.tensor1d(mask);
  const targets = tf.tensor2d(oneHot, [n, classes]);

  const glorot = (shape: [number, number], seed: number) => tf.variable(tf.initializers.glorotUniform({ seed }).apply(shape) as Tensor2D);
  // tidy releases the initial values; the variables themselves survive it.
  const { w1, b1, w2, b2 } = tf.tidy(() => ({
    w1: glorot([featureDim, HIDDEN_UNITS], budget.seed),
    b1: tf.variable(tf.zeros([HIDDEN_UNITS])),
    w2: glorot([HIDDEN_UNITS, classes], budget.seed + 1),
    b2: tf.variable(tf.zeros([classes])),
  }));

  /** Logits [n, classes]; dropout is applied when `dropoutSeed` is given. */
  const forward = (dropoutSeed?: number): Tensor2D => {
    const drop = (input: Tensor2D, offset: number) => (dropoutSeed === undefined ? input : (tf.dropout(input, DROPOUT, undefined, dropoutSeed + offset) as Tensor2D));
    const hidden = tf.relu(tf.add(tf.matMul(propagate, tf.matMul(drop(x, 0), w1)), b1)) as Tensor2D;
    return tf.add(tf.matMul(propagate, tf.matMul(drop(hidden, 1), w2)), b2) as Tensor2D;
  };

  const optimizer = tf.train.adam(LEARNING_RATE);
  const lossHistory: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    const loss = optimizer.minimize(() => {
      const crossEntropy = tf.losses.softmaxCrossEntropy(targets, forward(budget.seed * 1000 + 2 * epoch), maskTensor);
      return tf.add(crossEntropy, tf.mul(WEIGHT_DECAY / 2, tf.sum(tf.square(w1)))) as Scalar;
    }, true) as Scalar;
    lossHistory.push(loss.dataSync()[0]);
    loss.dispose();
    // Let a wall-clock watchdog run now and then.
    if (epoch % 20 === 19) await Promise.resolve();
  }
  optimizer.dispose();
  const predicted = tf.tidy(() => tf.argMax(forward(), 1));
  const classOf = Array.from(predicted.dataSync());
  tf.dispose([predicted, propagate, x, maskTensor, targets, w1, b1, w2, b2]);

  return {
    lossHistory,
    predict(testInput: { nodes: number[] }): number[] {
      return testInput.nodes.map((node) => classOf[node]);
    },
  };
}

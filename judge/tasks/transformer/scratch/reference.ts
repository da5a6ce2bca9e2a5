/**
 * One Transformer encoder block, the reference solution of Part 1. Self-contained (no imports):
 * the judge compiles and runs this module in the same isolate as a candidate's code for the speed
 * grade, and imports it on the host. Computes in float64.
 *
 * Shapes: input is [n, dModel]. The attention kernels are those of the self-attention task: query
 * and key [dModel, numHeads·keyDim], value [dModel, numHeads·valueDim], output
 * [numHeads·valueDim, dModel]. feedForwardIntermediate is [dModel, dFF] and feedForwardOutput
 * [dFF, dModel]. Returns [n, dModel].
 *
 * Post-norm (normalizeFirst false, the original Transformer and BERT):
 *   y = LN_attention(x + MHA(x)),  output = LN_feedForward(y + FFN(y))
 * Pre-norm (normalizeFirst true):
 *   y = x + MHA(LN_attention(x)),  output = y + FFN(LN_feedForward(y))
 * with FFN(z) = relu(z·W1 + b1)·W2 + b2. Layer normalisation uses the biased variance with epsilon
 * inside the square root. Key j is blocked for every query when paddingMask[j] = 0; a query with
 * every key blocked gets all-zero attention weights, so its attention output is output.bias.
 */

export interface Dense {
  /** [inputDim, units] */
  kernel: number[][];
  /** [units] */
  bias: number[];
}

export interface LayerNorm {
  gamma: number[];
  beta: number[];
}

export interface AttentionWeights {
  query: Dense;
  key: Dense;
  value: Dense;
  output: Dense;
}

export interface EncoderBlockWeights {
  attention: AttentionWeights;
  attentionNorm: LayerNorm;
  feedForwardIntermediate: Dense;
  feedForwardOutput: Dense;
  feedForwardNorm: LayerNorm;
}

export interface EncoderBlockOptions {
  numHeads: number;
  epsilon: number;
  normalizeFirst: boolean;
  /** [n] of 0 (padding) and 1 (real token), or null when every position is real. */
  paddingMask: number[] | null;
}

export function transformerEncoderBlock(input: number[][], weights: EncoderBlockWeights, options: EncoderBlockOptions): number[][] {
  const n = input.length;
  const dModel = input[0].length;
  const x = toMatrix(input);
  let output: Matrix;

  if (options.normalizeFirst) {
    const attended = attention(layerNorm(x, n, weights.attentionNorm, options.epsilon), n, weights.attention, options);
    const y = add(x, attended);
    output = add(y, feedForward(layerNorm(y, n, weights.feedForwardNorm, options.epsilon), n, weights));
  } else {
    const y = layerNorm(add(x, attention(x, n, weights.attention, options)), n, weights.attentionNorm, options.epsilon);
    output = layerNorm(add(y, feedForward(y, n, weights)), n, weights.feedForwardNorm, options.epsilon);
  }

  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(output.data.subarray(i * dModel, (i + 1) * dModel)));
  return rows;
}

/** Layer normalisation of each row, as the block applies it; the hidden-test generator uses it too. */
export function layerNormRows(rows: number[][], norm: LayerNorm, epsilon: number): number[][] {
  const d = rows[0].length;
  const normalised = layerNorm(toMatrix(rows), rows.length, norm, epsilon);
  return rows.map((_, i) => Array.from(normalised.data.subarray(i * d, (i + 1) * d)));
}

/** A row-major matrix: `data[i * columns + j]`. */
interface Matrix {
  data: Float64Array;
  columns: number;
}

function toMatrix(rows: ArrayLike<number>[]): Matrix {
  const columns = rows[0].length;
  const data = new Float64Array(rows.length * columns);
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < columns; j++) data[i * columns + j] = rows[i][j];
  }
  return { data, columns };
}

function add(a: Matrix, b: Matrix): Matrix {
  const data = new Float64Array(a.data.length);
  for (let i = 0; i < data.length; i++) data[i] = a.data[i] + b.data[i];
  return { data, columns: a.columns };
}

/** x · kernel + bias for n rows of x, optionally followed by ReLU. */
function dense(x: Matrix, n: number, layer: Dense, relu = false): Matrix {
  const inputDim = x.columns;
  const units = layer.bias.length;
  const out = new Float64Array(n * units);
  for (let i = 0; i < n; i++) {
    for (let u = 0; u < units; u++) out[i * units + u] = layer.bias[u];
    for (let t = 0; t < inputDim; t++) {
      const value = x.data[i * inputDim + t];
      if (value === 0) continue;
      const kernelRow = layer.kernel[t];
      for (let u = 0; u < units; u++) out[i * units + u] += value * kernelRow[u];
    }
    if (relu) {
      for (let u = 0; u < units; u++) if (out[i * units + u] < 0) out[i * units + u] = 0;
    }
  }
  return { data: out, columns: units };
}

function feedForward(x: Matrix, n: number, weights: EncoderBlockWeights): Matrix {
  return dense(dense(x, n, weights.feedForwardIntermediate, true), n, weights.feedForwardOutput);
}

/** Normalises each row to zero mean and unit (biased) variance, then scales by gamma and shifts by beta. */
function layerNorm(x: Matrix, n: number, norm: LayerNorm, epsilon: number): Matrix {
  const d = x.columns;
  const out = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    let mean = 0;
    for (let t = 0; t < d; t++) mean += x.data[i * d + t];
    mean /= d;
    let variance = 0;
    for (let t = 0; t < d; t++) {
      const centred = x.data[i * d + t] - mean;
      variance += centred * centred;
    }
    variance /= d;
    const inverse = 1 / Math.sqrt(variance + epsilon);
    for (let t = 0; t < d; t++) out[i * d + t] = norm.gamma[t] * (x.data[i * d + t] - mean) * inverse + norm.beta[t];
  }
  return { data: out, columns: d };
}

/** Multi-head self-attention with padded keys blocked; the heads' outputs go through the output layer. */
function attention(x: Matrix, n: number, weights: AttentionWeights, options: EncoderBlockOptions): Matrix {
  const q = dense(x, n, weights.query);
  const k = dense(x, n, weights.key);
  const v = dense(x, n, weights.value);
  const numHeads = options.numHeads;
  const keyDim = q.columns / numHeads;
  const valueDim = v.columns / numHeads;
  const scale = 1 / Math.sqrt(keyDim);
  const mask = options.paddingMask;
  const heads = new Float64Array(n * v.columns);
  const scores = new Float64Array(n);

  for (let h = 0; h < numHeads; h++) {
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let j = 0; j < n; j++) {
        if (mask !== null && mask[j] !== 1) continue;
        let dot = 0;
        for (let t = 0; t < keyDim; t++) dot += q.data[i * q.columns + h * keyDim + t] * k.data[j * k.columns + h * keyDim + t];
        scores[j] = dot * scale;
        if (scores[j] > max) max = scores[j];
      }
      // Every key is padding: the weights stay zero, and so does this head's output.
      if (max === -Infinity) continue;

      let sum = 0;
      for (let j = 0; j < n; j++) {
        if (mask !== null && mask[j] !== 1) continue;
        scores[j] = Math.exp(scores[j] - max);
        sum += scores[j];
      }
      for (let j = 0; j < n; j++) {
        if (mask !== null && mask[j] !== 1) continue;
        const weight = scores[j] / sum;
        for (let t = 0; t < valueDim; t++) heads[i * v.columns + h * valueDim + t] += weight * v.data[j * v.columns + h * valueDim + t];
      }
    }
  }
  return dense({ data: heads, columns: v.columns }, n, weights.output);
}

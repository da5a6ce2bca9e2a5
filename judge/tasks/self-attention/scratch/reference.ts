/**
 * Multi-head scaled dot-product self-attention, the reference solution of Part 1. Self-contained
 * (no imports): the judge compiles and runs this module in the same isolate as a candidate's code
 * for the speed grade, and imports it on the host. Computes in float64.
 *
 * Shapes, in the Keras `MultiHeadAttention` layout with each kernel's head axes flattened:
 * - input: [n, dModel]
 * - query.kernel and key.kernel: [dModel, numHeads·keyDim]; value.kernel: [dModel, numHeads·valueDim];
 *   head h owns columns h·keyDim … (h+1)·keyDim − 1 (h·valueDim … for the values)
 * - output.kernel: [numHeads·valueDim, outputDim], applied to the heads concatenated in order
 * - returns [n, outputDim]
 *
 * Conventions: scores are Q_h K_hᵀ / √keyDim, with keyDim the per-head size. The softmax runs over
 * the keys of each query row after subtracting the row's maximum. Query i may attend to key j when
 * (not causal or j ≤ i) and (no attentionMask or attentionMask[i][j] = 1), and blocked keys get
 * weight 0. A query with no allowed key gets all-zero weights, so its output row is output.bias.
 */

export interface Dense {
  /** [inputDim, units] */
  kernel: number[][];
  /** [units] */
  bias: number[];
}

export interface SelfAttentionWeights {
  query: Dense;
  key: Dense;
  value: Dense;
  output: Dense;
}

export interface SelfAttentionOptions {
  numHeads: number;
  causal: boolean;
  /** [n, n] of 0 and 1, or null for no mask. */
  attentionMask: number[][] | null;
}

export function selfAttention(input: number[][], weights: SelfAttentionWeights, options: SelfAttentionOptions): number[][] {
  const n = input.length;
  const x = toMatrix(input);
  const q = dense(x, n, weights.query);
  const k = dense(x, n, weights.key);
  const v = dense(x, n, weights.value);
  const heads = attend(q, k, v, n, options);
  const output = dense(heads, n, weights.output);
  return toRows(output, n, weights.output.bias.length);
}

/**
 * Scaled scores of every head, [numHeads][n][n], with null where the mask blocks the pair.
 * The hidden-test generator uses this to keep large-logit tests away from near ties.
 */
export function attentionScores(input: number[][], weights: SelfAttentionWeights, options: SelfAttentionOptions): (number | null)[][][] {
  const n = input.length;
  const x = toMatrix(input);
  const q = dense(x, n, weights.query);
  const k = dense(x, n, weights.key);
  const keyDim = weights.query.bias.length / options.numHeads;
  const scale = 1 / Math.sqrt(keyDim);
  const scores: (number | null)[][][] = [];
  for (let h = 0; h < options.numHeads; h++) {
    const head: (number | null)[][] = [];
    for (let i = 0; i < n; i++) {
      const row: (number | null)[] = [];
      for (let j = 0; j < n; j++) {
        row.push(isAllowed(options, i, j) ? scale * headDot(q, k, i, j, h * keyDim, keyDim, options.numHeads * keyDim) : null);
      }
      head.push(row);
    }
    scores.push(head);
  }
  return scores;
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

function toRows(matrix: Matrix, n: number, columns: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(matrix.data.subarray(i * columns, (i + 1) * columns)));
  return rows;
}

/** x · kernel + bias for n rows of x. */
function dense(x: Matrix, n: number, layer: Dense): Matrix {
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
  }
  return { data: out, columns: units };
}

function isAllowed(options: SelfAttentionOptions, i: number, j: number): boolean {
  if (options.causal && j > i) return false;
  return options.attentionMask === null || options.attentionMask[i][j] === 1;
}

/** Dot product of row i of q and row j of k over the columns offset … offset + length − 1. */
function headDot(q: Matrix, k: Matrix, i: number, j: number, offset: number, length: number, width: number): number {
  let sum = 0;
  const qStart = i * width + offset;
  const kStart = j * width + offset;
  for (let t = 0; t < length; t++) sum += q.data[qStart + t] * k.data[kStart + t];
  return sum;
}

/** Computes every head's output, concatenated: [n, numHeads·valueDim]. */
function attend(q: Matrix, k: Matrix, v: Matrix, n: number, options: SelfAttentionOptions): Matrix {
  const numHeads = options.numHeads;
  const keyDim = q.columns / numHeads;
  const valueDim = v.columns / numHeads;
  const scale = 1 / Math.sqrt(keyDim);
  const out = new Float64Array(n * v.columns);
  const scores = new Float64Array(n);
  const allowed = new Uint8Array(n);

  for (let h = 0; h < numHeads; h++) {
    for (let i = 0; i < n; i++) {
      let max = -Infinity;
      for (let j = 0; j < n; j++) {
        allowed[j] = isAllowed(options, i, j) ? 1 : 0;
        if (allowed[j] === 0) continue;
        scores[j] = scale * headDot(q, k, i, j, h * keyDim, keyDim, q.columns);
        if (scores[j] > max) max = scores[j];
      }
      // A fully blocked row keeps all-zero weights, so its head output stays zero.
      if (max === -Infinity) continue;

      let sum = 0;
      for (let j = 0; j < n; j++) {
        if (allowed[j] === 0) continue;
        scores[j] = Math.exp(scores[j] - max);
        sum += scores[j];
      }
      const outStart = i * v.columns + h * valueDim;
      for (let j = 0; j < n; j++) {
        if (allowed[j] === 0) continue;
        const weight = scores[j] / sum;
        const vStart = j * v.columns + h * valueDim;
        for (let t = 0; t < valueDim; t++) out[outStart + t] += weight * v.data[vStart + t];
      }
    }
  }
  return { data: out, columns: v.columns };
}

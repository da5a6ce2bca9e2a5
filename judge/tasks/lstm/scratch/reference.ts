/**
 * An LSTM layer over one sequence, the reference solution of Part 1. Self-contained (no imports):
 * the judge compiles and runs this module in the same isolate as a candidate's code for the speed
 * grade, and imports it on the host. Computes in float64.
 *
 * Shapes, in the layout of Keras' and TensorFlow.js's `LSTM` weights (u = units):
 * - sequence: [T, inputDim], T ≥ 1
 * - kernel: [inputDim, 4u]; recurrentKernel: [u, 4u]; bias: [4u]. Columns 0…u−1 belong to the input
 *   gate i, u…2u−1 to the forget gate f, 2u…3u−1 to the cell candidate c, 3u…4u−1 to the output gate o.
 * - initialState: {h, c} of [u] each, or null for zeros
 * - returns output ([T, u] when returnSequences, else [u]) and the last states h_T and c_T
 *
 * Each step computes z = x_t · kernel + h_{t−1} · recurrentKernel + bias and
 * c_t = σ(z_f) ⊙ c_{t−1} + σ(z_i) ⊙ tanh(z_c), h_t = σ(z_o) ⊙ tanh(c_t), where σ is the logistic
 * sigmoid or TensorFlow.js's hard sigmoid clip(0.2·x + 0.5, 0, 1), whichever `recurrentActivation` names.
 */

export interface LstmWeights {
  /** [inputDim, 4·units], gates i, f, c, o */
  kernel: number[][];
  /** [units, 4·units], gates i, f, c, o */
  recurrentKernel: number[][];
  /** [4·units], gates i, f, c, o */
  bias: number[];
}

export interface LstmState {
  /** [units] */
  h: number[];
  /** [units] */
  c: number[];
}

export interface LstmOptions {
  recurrentActivation: 'sigmoid' | 'hardSigmoid';
  returnSequences: boolean;
  /** h_0 and c_0; null means zeros. */
  initialState: LstmState | null;
}

export interface LstmOutput {
  /** [T, units] when returnSequences, else [units] (equal to h). */
  output: number[][] | number[];
  /** h_T, [units] */
  h: number[];
  /** c_T, [units] */
  c: number[];
}

export function lstmForward(sequence: number[][], weights: LstmWeights, options: LstmOptions): LstmOutput {
  const inputDim = weights.kernel.length;
  const width = weights.bias.length;
  const units = width / 4;
  const kernel = flatten(weights.kernel, width);
  const recurrentKernel = flatten(weights.recurrentKernel, width);
  const gate = options.recurrentActivation === 'sigmoid' ? sigmoid : hardSigmoid;

  let h = new Float64Array(units);
  const c = new Float64Array(units);
  if (options.initialState !== null) {
    h.set(options.initialState.h);
    c.set(options.initialState.c);
  }
  const outputs: number[][] = [];
  const z = new Float64Array(width);

  for (const x of sequence) {
    // z = bias + Σ_i x_i · kernel[i] + Σ_k h_k · recurrentKernel[k], row by row.
    z.set(weights.bias);
    for (let i = 0; i < inputDim; i++) addScaledRow(z, kernel, i * width, x[i], width);
    for (let k = 0; k < units; k++) addScaledRow(z, recurrentKernel, k * width, h[k], width);

    const next = new Float64Array(units);
    for (let j = 0; j < units; j++) {
      const inputGate = gate(z[j]);
      const forgetGate = gate(z[units + j]);
      const candidate = Math.tanh(z[2 * units + j]);
      const outputGate = gate(z[3 * units + j]);
      c[j] = forgetGate * c[j] + inputGate * candidate;
      next[j] = outputGate * Math.tanh(c[j]);
    }
    h = next;
    if (options.returnSequences) outputs.push(Array.from(h));
  }
  return { output: options.returnSequences ? outputs : Array.from(h), h: Array.from(h), c: Array.from(c) };
}

/** 1 / (1 + e^−x), written so that neither branch overflows. */
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** TensorFlow.js's hard sigmoid (the default recurrent activation of `tf.layers.lstm`). */
function hardSigmoid(x: number): number {
  return Math.min(1, Math.max(0, 0.2 * x + 0.5));
}

function addScaledRow(target: Float64Array, matrix: Float64Array, offset: number, scale: number, width: number): void {
  if (scale === 0) return;
  for (let j = 0; j < width; j++) target[j] += scale * matrix[offset + j];
}

/** Copies rows of equal width into one row-major Float64Array. */
function flatten(rows: number[][], width: number): Float64Array {
  const flat = new Float64Array(rows.length * width);
  for (let i = 0; i < rows.length; i++) flat.set(rows[i], i * width);
  return flat;
}

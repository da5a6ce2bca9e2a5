/**
 * A simple (Elman) recurrent layer over one sequence, the reference solution of Part 1.
 * Self-contained (no imports): the judge compiles and runs this module in the same isolate as a
 * candidate's code for the speed grade, and imports it on the host. Computes in float64.
 *
 * Shapes, in the layout of Keras' and TensorFlow.js's `SimpleRNN` weights:
 * - sequence: [T, inputDim], T ≥ 1
 * - kernel: [inputDim, units]; recurrentKernel: [units, units]; bias: [units]
 * - initialState: [units], or null for zeros
 * - returns [T, units] (every hidden state h_1 … h_T) when returnSequences, else [units] (h_T)
 *
 * Each step computes h_t = act(x_t · kernel + h_{t−1} · recurrentKernel + bias) with row vectors
 * x_t and h_{t−1}, starting from h_0 = initialState.
 */

export interface SimpleRnnWeights {
  /** [inputDim, units] */
  kernel: number[][];
  /** [units, units] */
  recurrentKernel: number[][];
  /** [units] */
  bias: number[];
}

export interface SimpleRnnOptions {
  activation: 'tanh' | 'relu';
  returnSequences: boolean;
  /** h_0, [units]; null means zeros. */
  initialState: number[] | null;
}

export function rnnForward(sequence: number[][], weights: SimpleRnnWeights, options: SimpleRnnOptions): number[][] | number[] {
  const steps = sequence.length;
  const inputDim = weights.kernel.length;
  const units = weights.bias.length;
  const kernel = flatten(weights.kernel, units);
  const recurrentKernel = flatten(weights.recurrentKernel, units);
  const relu = options.activation === 'relu';

  let previous = new Float64Array(units);
  if (options.initialState !== null) previous.set(options.initialState);
  const states: number[][] = [];

  for (let t = 0; t < steps; t++) {
    const x = sequence[t];
    // Starts from the bias and adds the rows of each kernel weighted by x_t and h_{t−1}, so the
    // inner loops run along contiguous rows.
    const next = Float64Array.from(weights.bias);
    for (let i = 0; i < inputDim; i++) addScaledRow(next, kernel, i * units, x[i], units);
    for (let i = 0; i < units; i++) addScaledRow(next, recurrentKernel, i * units, previous[i], units);
    for (let j = 0; j < units; j++) next[j] = relu ? Math.max(0, next[j]) : Math.tanh(next[j]);
    if (options.returnSequences) states.push(Array.from(next));
    previous = next;
  }
  return options.returnSequences ? states : Array.from(previous);
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

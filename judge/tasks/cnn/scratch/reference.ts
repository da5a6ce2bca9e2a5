/**
 * A small convolutional network on one image, the reference solution of Part 1: conv2d →
 * activation → max-pool → flatten → dense → softmax. Self-contained (no imports): the judge
 * compiles and runs this module in the same isolate as a candidate's code for the speed grade, and
 * imports it on the host. Computes in float64.
 *
 * Shapes, channels last as in Keras and TensorFlow.js:
 * - image: [H, W, C]
 * - conv.kernel: [kh, kw, C, filters]; conv.bias: [filters]
 * - dense.kernel: [flatSize, classes], flatSize = pooledH · pooledW · filters; dense.bias: [classes]
 * - returns [classes] softmax probabilities
 *
 * Conventions are TensorFlow's. The convolution is a cross-correlation. 'valid' keeps only windows
 * inside the input. 'same' gives ⌈size / stride⌉ outputs per axis with total padding
 * max((out − 1)·stride + window − size, 0): ⌊half⌋ before and the rest (the odd extra) after.
 * Convolution pads with zeros and max-pooling with −∞, so padding never wins a pooling window.
 * Flattening is in (row, column, channel) order. The softmax subtracts the largest logit first.
 */

export interface Conv2DWeights {
  /** [kh, kw, inChannels, filters] */
  kernel: number[][][][];
  /** [filters] */
  bias: number[];
}

export interface DenseWeights {
  /** [inputDim, units] */
  kernel: number[][];
  /** [units] */
  bias: number[];
}

export interface CnnWeights {
  conv: Conv2DWeights;
  dense: DenseWeights;
}

export interface CnnOptions {
  strides: number;
  padding: 'same' | 'valid';
  activation: 'relu' | 'linear';
  poolSize: number;
  poolStrides: number;
  poolPadding: 'same' | 'valid';
}

/** Output size and padding before the first window along one axis. */
export interface AxisPlan {
  size: number;
  before: number;
}

/** TensorFlow's output size and leading padding for one axis of a convolution or a pooling. */
export function planAxis(inputSize: number, window: number, stride: number, padding: 'same' | 'valid'): AxisPlan {
  if (padding === 'valid') return { size: Math.floor((inputSize - window) / stride) + 1, before: 0 };
  const size = Math.ceil(inputSize / stride);
  const total = Math.max((size - 1) * stride + window - inputSize, 0);
  return { size, before: Math.floor(total / 2) };
}

export function cnnForward(image: number[][][], weights: CnnWeights, options: CnnOptions): number[] {
  return softmax(cnnLogits(image, weights, options));
}

/** Computes the dense layer's output before the softmax (the logits). */
export function cnnLogits(image: number[][][], weights: CnnWeights, options: CnnOptions): number[] {
  const height = image.length;
  const width = image[0].length;
  const channels = image[0][0].length;
  const kernel = weights.conv.kernel;
  const filters = weights.conv.bias.length;

  const rows = planAxis(height, kernel.length, options.strides, options.padding);
  const columns = planAxis(width, kernel[0].length, options.strides, options.padding);
  const convolved = convolve(image, channels, weights.conv, rows, columns, options.strides);
  if (options.activation === 'relu') {
    for (let i = 0; i < convolved.length; i++) if (convolved[i] < 0) convolved[i] = 0;
  }
  const pooled = maxPool(convolved, rows.size, columns.size, filters, options);
  return dense(pooled, weights.dense);
}

/** Cross-correlation with zero padding; returns [outH · outW · filters] row-major. */
function convolve(image: number[][][], channels: number, conv: Conv2DWeights, rows: AxisPlan, columns: AxisPlan, stride: number): Float64Array {
  const height = image.length;
  const width = image[0].length;
  const kernelHeight = conv.kernel.length;
  const kernelWidth = conv.kernel[0].length;
  const filters = conv.bias.length;
  const output = new Float64Array(rows.size * columns.size * filters);

  for (let oy = 0; oy < rows.size; oy++) {
    for (let ox = 0; ox < columns.size; ox++) {
      const offset = (oy * columns.size + ox) * filters;
      for (let f = 0; f < filters; f++) output[offset + f] = conv.bias[f];
      for (let ky = 0; ky < kernelHeight; ky++) {
        const y = oy * stride + ky - rows.before;
        // Padding is zero, so windows that leave the image only lose terms.
        if (y < 0 || y >= height) continue;
        for (let kx = 0; kx < kernelWidth; kx++) {
          const x = ox * stride + kx - columns.before;
          if (x < 0 || x >= width) continue;
          const pixel = image[y][x];
          const taps = conv.kernel[ky][kx];
          for (let c = 0; c < channels; c++) {
            const value = pixel[c];
            if (value === 0) continue;
            const tap = taps[c];
            for (let f = 0; f < filters; f++) output[offset + f] += value * tap[f];
          }
        }
      }
    }
  }
  return output;
}

/** Max-pooling over windows that skip padded cells; returns [pooledH · pooledW · filters] row-major. */
function maxPool(input: Float64Array, height: number, width: number, filters: number, options: CnnOptions): Float64Array {
  const rows = planAxis(height, options.poolSize, options.poolStrides, options.poolPadding);
  const columns = planAxis(width, options.poolSize, options.poolStrides, options.poolPadding);
  const output = new Float64Array(rows.size * columns.size * filters).fill(-Infinity);

  for (let py = 0; py < rows.size; py++) {
    const top = py * options.poolStrides - rows.before;
    const yStart = Math.max(top, 0);
    const yEnd = Math.min(top + options.poolSize, height);
    for (let px = 0; px < columns.size; px++) {
      const left = px * options.poolStrides - columns.before;
      const xStart = Math.max(left, 0);
      const xEnd = Math.min(left + options.poolSize, width);
      const offset = (py * columns.size + px) * filters;
      for (let y = yStart; y < yEnd; y++) {
        for (let x = xStart; x < xEnd; x++) {
          const source = (y * width + x) * filters;
          for (let f = 0; f < filters; f++) {
            if (input[source + f] > output[offset + f]) output[offset + f] = input[source + f];
          }
        }
      }
    }
  }
  return output;
}

/** flat · kernel + bias, with flat already in (row, column, channel) order. */
function dense(flat: Float64Array, layer: DenseWeights): number[] {
  const logits = Float64Array.from(layer.bias);
  for (let i = 0; i < flat.length; i++) {
    const value = flat[i];
    if (value === 0) continue;
    const row = layer.kernel[i];
    for (let j = 0; j < logits.length; j++) logits[j] += value * row[j];
  }
  return Array.from(logits);
}

function softmax(logits: number[]): number[] {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  let total = 0;
  for (const value of exps) total += value;
  return exps.map((value) => value / total);
}

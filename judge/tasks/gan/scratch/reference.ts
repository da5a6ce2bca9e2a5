/**
 * The forward pass of a GAN's generator and discriminator and both losses, the reference solution
 * of Part 1. Self-contained (no imports): the judge compiles and runs this module in the same
 * isolate as a candidate's code for the speed grade, and imports it on the host. Computes in float64.
 *
 * Shapes (dense kernels in the Keras layout [inputDim, units], so a layer computes xW + b):
 * - input.real: [nReal, dataDim]; input.noise: [nFake, latentDim]
 * - weights.generator: latentDim → … → dataDim, ReLU after every layer but the last (linear)
 * - weights.discriminator: dataDim → … → 1, LeakyReLU(alpha) after every layer but the last, whose
 *   single output is the logit ℓ; D(x) = σ(ℓ)
 * - returns fake [nFake, dataDim], realLogits [nReal], fakeLogits [nFake] and the two losses
 *
 * Conventions: LeakyReLU(t) = t for t ≥ 0 and alpha·t otherwise, with alpha from the options (Keras
 * defaults to 0.3, many GAN papers use 0.2). Losses are binary cross-entropy on logits,
 * bce(y, ℓ) = max(ℓ, 0) − y·ℓ + log(1 + e^−|ℓ|), where e^−|ℓ| ≤ 1 cannot overflow:
 * - discriminatorLoss = mean over real of bce(realLabel, ℓ) + mean over fake of bce(0, ℓ), where
 *   realLabel < 1 is one-sided label smoothing;
 * - generatorLoss = mean over fake of bce(1, ℓ) = −log D(G(z)), the non-saturating loss, with no
 *   smoothing.
 */

export interface Dense {
  /** [inputDim, units] */
  kernel: number[][];
  /** [units] */
  bias: number[];
}

export interface GanInput {
  /** [nReal, dataDim] */
  real: number[][];
  /** [nFake, latentDim] */
  noise: number[][];
}

export interface GanWeights {
  generator: Dense[];
  discriminator: Dense[];
}

export interface GanOptions {
  leakyReluAlpha: number;
  /** Target of the real samples in the discriminator's loss, in (0, 1]; 1 means no smoothing. */
  realLabel: number;
}

export interface GanOutput {
  /** [nFake, dataDim] */
  fake: number[][];
  /** [nReal] */
  realLogits: number[];
  /** [nFake] */
  fakeLogits: number[];
  discriminatorLoss: number;
  generatorLoss: number;
}

export function ganLosses(input: GanInput, weights: GanWeights, options: GanOptions): GanOutput {
  const fake = generate(toMatrix(input.noise), input.noise.length, weights.generator);
  const realLogits = discriminate(toMatrix(input.real), input.real.length, weights.discriminator, options.leakyReluAlpha);
  const fakeLogits = discriminate(fake, input.noise.length, weights.discriminator, options.leakyReluAlpha);

  let realTerm = 0;
  for (const logit of realLogits) realTerm += crossEntropyWithLogits(options.realLabel, logit);
  let fakeTerm = 0;
  let generatorTerm = 0;
  for (const logit of fakeLogits) {
    fakeTerm += crossEntropyWithLogits(0, logit);
    generatorTerm += crossEntropyWithLogits(1, logit);
  }

  return {
    fake: toRows(fake, input.noise.length),
    realLogits: Array.from(realLogits),
    fakeLogits: Array.from(fakeLogits),
    discriminatorLoss: realTerm / realLogits.length + fakeTerm / fakeLogits.length,
    generatorLoss: generatorTerm / fakeLogits.length,
  };
}

/**
 * Returns the discriminator's logits on arbitrary rows, [n]. The hidden-test generator uses them to
 * scale tests with large logits.
 */
export function discriminatorLogits(rows: number[][], weights: GanWeights, alpha: number): number[] {
  return Array.from(discriminate(toMatrix(rows), rows.length, weights.discriminator, alpha));
}

/** bce(y, ℓ) = −[y·log σ(ℓ) + (1 − y)·log(1 − σ(ℓ))] = max(ℓ, 0) − y·ℓ + log1p(e^−|ℓ|). */
function crossEntropyWithLogits(label: number, logit: number): number {
  return Math.max(logit, 0) - label * logit + Math.log1p(Math.exp(-Math.abs(logit)));
}

function generate(noise: Matrix, n: number, layers: Dense[]): Matrix {
  let hidden = noise;
  for (let l = 0; l < layers.length; l++) {
    hidden = dense(hidden, n, layers[l]);
    if (l < layers.length - 1) activate(hidden, 0);
  }
  return hidden;
}

function discriminate(x: Matrix, n: number, layers: Dense[], alpha: number): Float64Array {
  let hidden = x;
  for (let l = 0; l < layers.length; l++) {
    hidden = dense(hidden, n, layers[l]);
    if (l < layers.length - 1) activate(hidden, alpha);
  }
  return hidden.data;
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

function toRows(matrix: Matrix, n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from(matrix.data.subarray(i * matrix.columns, (i + 1) * matrix.columns)));
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

/** LeakyReLU with slope `alpha` below zero, in place; alpha 0 is ReLU. −0 becomes +0. */
function activate(matrix: Matrix, alpha: number): void {
  const data = matrix.data;
  for (let i = 0; i < data.length; i++) data[i] = data[i] > 0 ? data[i] : alpha * data[i] + 0;
}

/**
 * PCA reference solution. Self-contained (no imports): the judge compiles and runs this module in
 * the same isolate as a candidate's code for the speed grade, and imports it on the host.
 *
 * Shapes: `data` is n rows of d finite numbers (n ≥ 2), 1 ≤ nComponents ≤ d. Returns
 * `components` (nComponents rows of length d: unit, mutually orthogonal eigenvectors of the sample
 * covariance, by decreasing eigenvalue), `explainedVariance` (the matching eigenvalues, n − 1
 * denominator) and `projected` (n rows of nComponents numbers: centred data times componentsᵀ).
 * Each component's sign is chosen so that its largest-magnitude coordinate is positive.
 *
 * Method: two-pass column means, the covariance of the centred data, then the cyclic Jacobi
 * eigenvalue algorithm. Jacobi stops only when every off-diagonal entry is negligible next to its
 * two diagonal entries, so small eigenvalues of badly scaled data keep their relative accuracy.
 * O(n·d² + d³) time, O(d²) extra memory.
 */

// A type alias, not an interface, so that results are assignable to the judge's Json type.
export type PcaResult = {
  components: number[][];
  explainedVariance: number[];
  projected: number[][];
};

/** Every eigenpair of the sample covariance, by decreasing eigenvalue. */
export interface PcaSpectrum {
  mean: number[];
  eigenvalues: number[];
  /** eigenvectors[j] is the unit eigenvector of eigenvalues[j]. */
  eigenvectors: number[][];
}

const MAX_SWEEPS = 100;

export function pca(data: number[][], nComponents: number): PcaResult {
  const spectrum = pcaSpectrum(data);
  const components = spectrum.eigenvectors.slice(0, nComponents);
  const explainedVariance = spectrum.eigenvalues.slice(0, nComponents);
  const d = spectrum.mean.length;

  const projected: number[][] = [];
  for (const row of data) {
    const out = new Array<number>(nComponents);
    for (let j = 0; j < nComponents; j++) {
      const component = components[j];
      let sum = 0;
      for (let t = 0; t < d; t++) sum += (row[t] - spectrum.mean[t]) * component[t];
      out[j] = sum;
    }
    projected.push(out);
  }
  return { components, explainedVariance, projected };
}

export function pcaSpectrum(data: number[][]): PcaSpectrum {
  const n = data.length;
  const d = data[0].length;
  const mean = columnMeans(data);

  const centred = new Float64Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < d; t++) centred[i * d + t] = data[i][t] - mean[t];
  }
  const covariance = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const offset = i * d;
    for (let p = 0; p < d; p++) {
      const value = centred[offset + p];
      if (value === 0) continue;
      for (let q = p; q < d; q++) covariance[p * d + q] += value * centred[offset + q];
    }
  }
  for (let p = 0; p < d; p++) {
    for (let q = p; q < d; q++) {
      covariance[p * d + q] /= n - 1;
      covariance[q * d + p] = covariance[p * d + q];
    }
  }

  const vectors = jacobiEigen(covariance, d);
  const order = Array.from({ length: d }, (_, j) => j);
  // Stable sort keeps tied eigenvalues in Jacobi's order, so the output is deterministic.
  order.sort((a, b) => covariance[b * d + b] - covariance[a * d + a]);

  const eigenvalues = order.map((j) => covariance[j * d + j]);
  const eigenvectors = order.map((j) => {
    const vector = new Array<number>(d);
    let largest = 0;
    for (let t = 0; t < d; t++) {
      vector[t] = vectors[t * d + j];
      if (Math.abs(vector[t]) > Math.abs(vector[largest])) largest = t;
    }
    return vector[largest] < 0 ? vector.map((value) => -value) : vector;
  });
  return { mean, eigenvalues, eigenvectors };
}

/** Column means, corrected by a second pass so that a constant column centres to exact zeros. */
function columnMeans(data: number[][]): number[] {
  const n = data.length;
  const d = data[0].length;
  const mean = new Array<number>(d).fill(0);
  for (const row of data) {
    for (let t = 0; t < d; t++) mean[t] += row[t];
  }
  for (let t = 0; t < d; t++) mean[t] /= n;

  const correction = new Array<number>(d).fill(0);
  for (const row of data) {
    for (let t = 0; t < d; t++) correction[t] += row[t] - mean[t];
  }
  for (let t = 0; t < d; t++) mean[t] += correction[t] / n;
  return mean;
}

/**
 * Diagonalises the symmetric d×d matrix `a` in place (its diagonal becomes the eigenvalues) and
 * returns the eigenvectors as the columns of a row-major d×d matrix.
 */
function jacobiEigen(a: Float64Array, d: number): Float64Array {
  const v = new Float64Array(d * d);
  for (let t = 0; t < d; t++) v[t * d + t] = 1;

  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q];
        const app = a[p * d + p];
        const aqq = a[q * d + q];
        if (Math.abs(apq) <= Number.EPSILON * Math.sqrt(Math.abs(app * aqq)) || Math.abs(apq) < Number.MIN_VALUE * 1e10) {
          continue;
        }
        rotated = true;
        rotate(a, v, d, p, q, app, aqq, apq);
      }
    }
    if (!rotated) break;
  }
  return v;
}

/** Applies the Jacobi rotation that zeroes a[p][q] to `a` (both triangles) and to the columns of `v`. */
function rotate(a: Float64Array, v: Float64Array, d: number, p: number, q: number, app: number, aqq: number, apq: number): void {
  const theta = (aqq - app) / (2 * apq);
  // tan of the rotation angle, the smaller root of t² + 2θt − 1 = 0, computed without overflow.
  const t =
    Math.abs(theta) > 1e150 ? 1 / (2 * theta) : Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;

  a[p * d + p] = app - t * apq;
  a[q * d + q] = aqq + t * apq;
  a[p * d + q] = 0;
  a[q * d + p] = 0;
  for (let r = 0; r < d; r++) {
    if (r === p || r === q) continue;
    const arp = a[r * d + p];
    const arq = a[r * d + q];
    const newRp = c * arp - s * arq;
    const newRq = s * arp + c * arq;
    a[r * d + p] = newRp;
    a[p * d + r] = newRp;
    a[r * d + q] = newRq;
    a[q * d + r] = newRq;
  }
  for (let r = 0; r < d; r++) {
    const vrp = v[r * d + p];
    const vrq = v[r * d + q];
    v[r * d + p] = c * vrp - s * vrq;
    v[r * d + q] = s * vrp + c * vrq;
  }
}

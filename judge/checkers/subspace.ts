/**
 * Sign-invariant comparison of unit vectors and of the subspaces they span. An eigenvector is
 * defined only up to sign, and when eigenvalues coincide only the spanned eigenspace is defined.
 */
import { dot, formatNumber, norm } from './numeric';

/**
 * Compares a unit vector with the expected one up to sign. Returns null when some sign s makes
 * every |actual[t] − s·expected[t]| ≤ tolerance, otherwise a message naming the worst coordinate.
 */
export function compareUpToSign(
  label: string,
  actual: readonly number[],
  expected: readonly number[],
  tolerance: number,
): string | null {
  const sign = dot(actual, expected) < 0 ? -1 : 1;
  let worst = 0;
  let worstError = -1;
  for (let t = 0; t < expected.length; t++) {
    const error = Math.abs(actual[t] - sign * expected[t]);
    if (Number.isNaN(error)) {
      worst = t;
      worstError = error;
      break;
    }
    if (error > worstError) {
      worst = t;
      worstError = error;
    }
  }
  if (worstError <= tolerance) return null;
  return (
    `${label} does not match the expected direction (up to sign): ` +
    `${label}[${worst}] = ${formatNumber(actual[worst])}, expected ${formatNumber(sign * expected[worst])}`
  );
}

/**
 * Euclidean distance from `vector` to the span of `basis`, whose rows must be orthonormal:
 * the norm of the vector minus its orthogonal projection onto the span.
 */
export function distanceToSpan(vector: readonly number[], basis: readonly (readonly number[])[]): number {
  const residual = vector.slice();
  // Modified Gram–Schmidt: subtracting one direction at a time keeps the residual accurate.
  for (const direction of basis) {
    const coefficient = dot(residual, direction);
    for (let t = 0; t < residual.length; t++) residual[t] -= coefficient * direction[t];
  }
  return norm(residual);
}

/**
 * Splits sorted values (largest first) into runs of equal values: consecutive values belong to
 * one run when they differ by at most `tolerance`. Returns [start, end) index pairs.
 */
export function groupEqualValues(sortedValues: readonly number[], tolerance: number): [number, number][] {
  const groups: [number, number][] = [];
  let start = 0;
  for (let j = 1; j <= sortedValues.length; j++) {
    if (j === sortedValues.length || Math.abs(sortedValues[j - 1] - sortedValues[j]) > tolerance) {
      groups.push([start, j]);
      start = j;
    }
  }
  return groups;
}

/**
 * Checks that the rows of `vectors` are unit length and mutually orthogonal within `tolerance`.
 * Returns null or a message naming the first offending row or pair.
 */
export function checkOrthonormal(label: string, vectors: readonly (readonly number[])[], tolerance: number): string | null {
  for (let i = 0; i < vectors.length; i++) {
    const length = norm(vectors[i]);
    if (Math.abs(length - 1) > tolerance) return `${label}[${i}] has norm ${formatNumber(length)}, expected 1`;
  }
  for (let i = 0; i < vectors.length; i++) {
    for (let j = i + 1; j < vectors.length; j++) {
      const product = dot(vectors[i], vectors[j]);
      if (Math.abs(product) > tolerance) {
        return `${label}[${i}] and ${label}[${j}] are not orthogonal: their dot product is ${formatNumber(product)}`;
      }
    }
  }
  return null;
}

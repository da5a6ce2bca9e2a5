/**
 * Floating-point comparison shared by every checker.
 *
 * A value is close to the expected one when |actual − expected| ≤ absolute + relative · |expected|
 * (NumPy's `isclose` rule). NaN is never close to anything, NaN included. An infinity is close
 * only to the same infinity, so ±Infinity never passes for a finite number.
 */

export interface Tolerance {
  readonly absolute: number;
  readonly relative: number;
}

/** Tolerance for values that should agree to rounding error, such as supports and lifts. */
export const TIGHT_TOLERANCE: Tolerance = { absolute: 1e-9, relative: 1e-9 };

/** Returns whether `actual` is within `tolerance` of `expected`. */
export function isClose(actual: number, expected: number, tolerance: Tolerance): boolean {
  if (Number.isNaN(actual) || Number.isNaN(expected)) return false;
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return actual === expected;
  return Math.abs(actual - expected) <= tolerance.absolute + tolerance.relative * Math.abs(expected);
}

/** Formats a number for a checker message: up to 10 significant digits, exponent form when large or small. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || value === 0 || Number.isInteger(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-4 && magnitude < 1e10) return String(Number(value.toPrecision(10)));
  return value.toExponential(9).replace(/\.?0+e/, 'e');
}

/**
 * Compares one number. Returns null when it is close enough, otherwise a message such as
 * "explainedVariance[2] = 1.5, expected 1.25".
 */
export function compareNumber(label: string, actual: number, expected: number, tolerance: Tolerance): string | null {
  if (isClose(actual, expected, tolerance)) return null;
  return `${label} = ${formatNumber(actual)}, expected ${formatNumber(expected)}`;
}

/**
 * Compares two vectors element by element. Returns null when every element is close enough,
 * otherwise a message naming the first element that is not. Lengths must already agree.
 */
export function compareVectors(
  label: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tolerance: Tolerance,
): string | null {
  if (actual.length !== expected.length) {
    return `${label} has length ${actual.length}, expected ${expected.length}`;
  }
  for (let i = 0; i < actual.length; i++) {
    const message = compareNumber(`${label}[${i}]`, actual[i], expected[i], tolerance);
    if (message !== null) return message;
  }
  return null;
}

/** Largest absolute value in `values`, or 0 when it is empty. */
export function maxAbs(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest;
}

/** Euclidean norm, scaled so that vectors with entries near 1e±200 neither overflow nor underflow. */
export function norm(values: ArrayLike<number>): number {
  const scale = maxAbs(values);
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const scaled = values[i] / scale;
    sum += scaled * scaled;
  }
  return scale * Math.sqrt(sum);
}

/** Dot product of two vectors of equal length. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

/** Squared Euclidean distance between two vectors of equal length. */
export function squaredDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const difference = a[i] - b[i];
    sum += difference * difference;
  }
  return sum;
}

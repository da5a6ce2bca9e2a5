/**
 * Comparison of nested number arrays (vectors, matrices, higher-rank tensors) for the neural tasks,
 * whose outputs are compared element by element with a combined absolute and relative tolerance.
 * The shape is checked first, so a wrong shape is reported as such rather than as a wrong value;
 * then the values, in row-major order, naming the first element that is not close enough.
 */
import { compareNumber, type Tolerance } from './numeric';
import { describeType, isArrayLike } from './shape';

/** A number or a nested array of numbers, all rows of one level having the same length. */
export type NestedNumbers = number | NestedNumbers[];

/** Returns the shape of a rectangular nested array, e.g. [4, 8] for 4 rows of 8 numbers. */
export function shapeOf(value: NestedNumbers): number[] {
  const shape: number[] = [];
  let level: NestedNumbers = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    if (level.length === 0) break;
    level = level[0];
  }
  return shape;
}

function formatIndex(path: readonly number[]): string {
  return path.map((index) => `[${index}]`).join('');
}

/** Returns a message naming the first place where `actual` does not have the shape of `expected`, or null. */
function compareShape(label: string, actual: unknown, expected: NestedNumbers, path: number[], shape: string): string | null {
  const where = `${label}${formatIndex(path)}`;
  if (!Array.isArray(expected)) {
    return typeof actual === 'number' ? null : `${where} must be a number, got ${describeType(actual)} (expected shape ${shape})`;
  }
  if (!isArrayLike(actual)) return `${where} must be an array, got ${describeType(actual)} (expected shape ${shape})`;
  if (actual.length !== expected.length) {
    return `${where} has length ${actual.length}, expected ${expected.length} (expected shape ${shape})`;
  }
  for (let i = 0; i < expected.length; i++) {
    path.push(i);
    const message = compareShape(label, actual[i], expected[i], path, shape);
    path.pop();
    if (message !== null) return message;
  }
  return null;
}

function compareValues(label: string, actual: unknown, expected: NestedNumbers, path: number[], tolerance: Tolerance): string | null {
  if (!Array.isArray(expected)) return compareNumber(`${label}${formatIndex(path)}`, actual as number, expected, tolerance);
  const rows = actual as ArrayLike<unknown>;
  for (let i = 0; i < expected.length; i++) {
    path.push(i);
    const message = compareValues(label, rows[i], expected[i], path, tolerance);
    path.pop();
    if (message !== null) return message;
  }
  return null;
}

/**
 * Compares a candidate's output with the expected tensor. Returns null when the shapes agree and
 * every element is within `tolerance`, otherwise a message such as
 * "output[2][5] = 0.25, expected 0.2512" or "output has length 3, expected 4 (expected shape [4, 8])".
 * NaN and ±Infinity in the output always fail for a finite expected value.
 */
export function compareTensor(label: string, actual: unknown, expected: NestedNumbers, tolerance: Tolerance): string | null {
  const shape = `[${shapeOf(expected).join(', ')}]`;
  return compareShape(label, actual, expected, [], shape) ?? compareValues(label, actual, expected, [], tolerance);
}

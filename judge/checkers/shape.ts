/**
 * Shape validation for values that crossed the isolate boundary: candidate outputs in checkers and
 * custom inputs in `validateArgs`. Each reader returns the value as plain arrays or a message naming
 * the first problem, e.g. "centroids[3] has length 2, expected 3". A Float64Array, Float32Array or
 * other numeric typed array is accepted wherever a number array is.
 */

export type ShapeResult<T> = { ok: true; value: T } | { ok: false; message: string };

export interface NumberArrayOptions {
  /** Required length; any length when omitted. */
  length?: number;
  /** Reject NaN and ±Infinity (default true). */
  finite?: boolean;
  /** Reject non-integers (default false). */
  integer?: boolean;
  /** Inclusive lower bound. */
  min?: number;
  /** Inclusive upper bound. */
  max?: number;
  /** Word used for the length in messages, e.g. "coordinates" gives "has 2 coordinates". */
  unit?: string;
}

export interface NumberMatrixOptions {
  rows?: number;
  columns?: number;
  /** Reject NaN and ±Infinity (default true). */
  finite?: boolean;
  /** Word used for a row's length in messages, e.g. "coordinates". */
  unit?: string;
}

function ok<T>(value: T): ShapeResult<T> {
  return { ok: true, value };
}

function fail<T>(message: string): ShapeResult<T> {
  return { ok: false, message };
}

/** Names the JSON-level type of a value for messages ("null", "array", "string", …). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (isNumericTypedArray(value)) return 'a typed array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'undefined') return 'undefined';
  return `a ${typeof value}`;
}

function isNumericTypedArray(value: unknown): value is ArrayLike<number> {
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return false;
  // BigInt64Array and BigUint64Array hold bigints, which are not numbers.
  const tag = Object.prototype.toString.call(value);
  return tag !== '[object BigInt64Array]' && tag !== '[object BigUint64Array]';
}

function describeLength(length: number, unit: string | undefined): string {
  return unit === undefined ? `length ${length}` : `${length} ${unit}`;
}

/** Returns whether a value is an array or a numeric typed array. */
export function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || isNumericTypedArray(value);
}

/** Reads a plain object and checks that it has every key in `keys`. */
export function readRecord(value: unknown, label: string, keys: readonly string[]): ShapeResult<Record<string, unknown>> {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || isNumericTypedArray(value)) {
    return fail(`${label} must be an object with ${keys.map((key) => `"${key}"`).join(', ')}, got ${describeType(value)}`);
  }
  const record = value as Record<string, unknown>;
  for (const key of keys) {
    if (!(key in record)) return fail(`${label} is missing "${key}"`);
  }
  return ok(record);
}

/** Reads a number array (or typed array) and checks each element. */
export function readNumberArray(value: unknown, label: string, options: NumberArrayOptions = {}): ShapeResult<number[]> {
  if (!isArrayLike(value)) return fail(`${label} must be an array of numbers, got ${describeType(value)}`);
  const { length, finite, integer, min, max, unit } = options;
  if (length !== undefined && value.length !== length) {
    return fail(`${label} has ${describeLength(value.length, unit)}, expected ${length}`);
  }

  const numbers = new Array<number>(value.length);
  for (let i = 0; i < value.length; i++) {
    const message = checkNumber(value[i], `${label}[${i}]`, { finite, integer, min, max });
    if (message !== null) return fail(message);
    numbers[i] = value[i] as number;
  }
  return ok(numbers);
}

/** Reads an array of number rows, all of the same length. */
export function readNumberMatrix(value: unknown, label: string, options: NumberMatrixOptions = {}): ShapeResult<number[][]> {
  if (!Array.isArray(value)) return fail(`${label} must be an array of number arrays, got ${describeType(value)}`);
  const { rows, finite = true, unit } = options;
  if (rows !== undefined && value.length !== rows) return fail(`${label} has ${value.length} rows, expected ${rows}`);

  const matrix: number[][] = [];
  let columns = options.columns;
  for (let i = 0; i < value.length; i++) {
    const row = readNumberArray(value[i], `${label}[${i}]`, { length: columns, finite, unit });
    if (!row.ok) return row;
    columns ??= row.value.length;
    matrix.push(row.value);
  }
  return ok(matrix);
}

type NumberCheck = Omit<NumberArrayOptions, 'length' | 'unit'>;

/** Returns a message naming what is wrong with one number, or null when it passes every check. */
function checkNumber(value: unknown, label: string, options: NumberCheck): string | null {
  const { finite = true, integer = false, min, max } = options;
  if (typeof value !== 'number') return `${label} must be a number, got ${describeType(value)}`;
  if (Number.isNaN(value) || (finite && !Number.isFinite(value))) return `${label} = ${value}, expected a finite number`;
  if (integer && !Number.isInteger(value)) return `${label} = ${value}, expected an integer`;
  if (min !== undefined && value < min) return `${label} = ${value}, expected at least ${min}`;
  if (max !== undefined && value > max) return `${label} = ${value}, expected at most ${max}`;
  return null;
}

/** Reads a single number and checks it like `readNumberArray` checks each element. */
export function readNumber(value: unknown, label: string, options: NumberCheck = {}): ShapeResult<number> {
  const message = checkNumber(value, label, options);
  return message === null ? ok(value as number) : fail(message);
}

export interface PointLimits {
  /** Minimum number of rows (default 1). */
  minRows?: number;
  maxRows: number;
  maxColumns: number;
}

/**
 * Reads a point set for `validateArgs`: at least `minRows` rows of the same number (1 to
 * `maxColumns`) of finite coordinates, at most `maxRows` rows.
 */
export function readPoints(value: unknown, label: string, limits: PointLimits): ShapeResult<number[][]> {
  const minRows = limits.minRows ?? 1;
  if (Array.isArray(value)) {
    if (value.length < minRows) {
      return fail(`${label} has ${value.length} points, expected at least ${minRows}`);
    }
    if (value.length > limits.maxRows) {
      return fail(`${label} has ${value.length} points, at most ${limits.maxRows} are allowed`);
    }
  }
  const matrix = readNumberMatrix(value, label, { unit: 'coordinates' });
  if (!matrix.ok) return matrix;

  const columns = matrix.value[0].length;
  if (columns < 1) return fail(`${label}[0] has no coordinates, expected at least 1`);
  if (columns > limits.maxColumns) {
    return fail(`${label}[0] has ${columns} coordinates, at most ${limits.maxColumns} are allowed`);
  }
  return matrix;
}

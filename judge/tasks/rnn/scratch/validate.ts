/**
 * Readers for the arguments of the recurrent tasks (simple RNN and LSTM), used by `validateArgs` on
 * custom input. Each returns the value or a message naming the first problem.
 */
import { readNumber, readNumberArray, readNumberMatrix, type ShapeResult } from '../../../checkers/shape';

export interface SequenceLimits {
  maxSteps: number;
  maxInputDim: number;
}

/** Reads a sequence [T, inputDim] of finite numbers with 1 ≤ T ≤ maxSteps and 1 ≤ inputDim ≤ maxInputDim. */
export function readSequence(value: unknown, label: string, limits: SequenceLimits): ShapeResult<number[][]> {
  const sequence = readNumberMatrix(value, label);
  if (!sequence.ok) return sequence;
  const steps = sequence.value.length;
  const inputDim = sequence.value[0]?.length ?? 0;
  if (steps < 1 || steps > limits.maxSteps) return { ok: false, message: `${label} has ${steps} steps, expected 1 to ${limits.maxSteps}` };
  if (inputDim < 1 || inputDim > limits.maxInputDim) {
    return { ok: false, message: `${label} has ${inputDim} features per step, expected 1 to ${limits.maxInputDim}` };
  }
  return sequence;
}

/**
 * Reads a kernel [rows, columns] whose row count is fixed and whose width is `columns` when given, else
 * any width from 1 to `maxColumns`. `layout` names the shape in messages, e.g. "[inputDim, units]".
 */
export function readKernel(
  value: unknown,
  label: string,
  rows: number,
  layout: string,
  columns: { exact: number } | { max: number },
): ShapeResult<number[][]> {
  const exact = 'exact' in columns ? columns.exact : undefined;
  const kernel = readNumberMatrix(value, label, { rows, columns: exact });
  if (!kernel.ok) return { ok: false, message: `${kernel.message} (${label} is ${layout})` };
  const width = kernel.value[0]?.length ?? 0;
  if ('max' in columns && (width < 1 || width > columns.max)) {
    return { ok: false, message: `${label} has ${width} columns, expected 1 to ${columns.max} (${label} is ${layout})` };
  }
  return kernel;
}

/** Reads a vector of finite numbers with exactly `length` entries. */
export function readVector(value: unknown, label: string, length: number): ShapeResult<number[]> {
  return readNumberArray(value, label, { length });
}

/** Reads one of the given strings. */
export function readChoice<T extends string>(value: unknown, label: string, choices: readonly T[]): ShapeResult<T> {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return { ok: true, value: value as T };
  return { ok: false, message: `${label} must be ${choices.map((choice) => `"${choice}"`).join(' or ')}, got ${JSON.stringify(value) ?? String(value)}` };
}

/** Reads a boolean flag. */
export function readFlag(value: unknown, label: string): ShapeResult<boolean> {
  if (typeof value !== 'boolean') return { ok: false, message: `${label} must be true or false, got ${JSON.stringify(value) ?? String(value)}` };
  return { ok: true, value };
}

/** Reads an integer in [min, max]. */
export function readInteger(value: unknown, label: string, min: number, max: number): ShapeResult<number> {
  return readNumber(value, label, { integer: true, min, max });
}

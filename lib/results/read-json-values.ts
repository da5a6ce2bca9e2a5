/**
 * Readers for the JSON that sample tests store (arguments, expected and actual output). The actual
 * output is whatever the candidate's code returned, so every reader checks shapes and returns null
 * for anything it cannot use rather than throwing.
 */

/** Non-finite numbers arrive as the strings the judge writes for them. */
export type DisplayNumber = number | 'NaN' | 'Infinity' | '-Infinity';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function readFiniteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readDisplayNumber(value: unknown): DisplayNumber | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return value;
  return null;
}

/** Reads a rectangular matrix of finite numbers with at least one row and one column, or returns null. */
export function readMatrix(value: unknown): number[][] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const width = Array.isArray(value[0]) ? value[0].length : 0;
  if (width === 0) return null;
  const rows: number[][] = [];
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== width) return null;
    const numbers = row.map(readFiniteNumber);
    if (numbers.some((number) => number === null)) return null;
    rows.push(numbers as number[]);
  }
  return rows;
}

/** Reads `length` integer labels (-1 allowed for noise), or returns null. */
export function readLabels(value: unknown, length: number): number[] | null {
  if (!Array.isArray(value) || value.length !== length) return null;
  return value.every((label) => Number.isInteger(label) && (label as number) >= -1) ? (value as number[]) : null;
}

/** Reads an array of finite numbers, or returns null. */
export function readNumberList(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  const numbers = value.map(readFiniteNumber);
  return numbers.some((number) => number === null) ? null : (numbers as number[]);
}

/** Reads an array of strings, or returns null. */
export function readStringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : null;
}

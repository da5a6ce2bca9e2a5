import { describe, expect, it } from 'vitest';
import {
  describeType,
  isArrayLike,
  readNumber,
  readNumberArray,
  readNumberMatrix,
  readPoints,
  readRecord,
} from '@/judge/checkers/shape';

function messageOf(result: { ok: true } | { ok: false; message: string }): string | null {
  return result.ok ? null : result.message;
}

describe('readNumberArray', () => {
  it('accepts plain arrays and numeric typed arrays', () => {
    expect(readNumberArray([1, 2.5], 'x')).toEqual({ ok: true, value: [1, 2.5] });
    expect(readNumberArray(new Float64Array([1, 2]), 'x')).toEqual({ ok: true, value: [1, 2] });
    expect(readNumberArray(new Float32Array([0.5]), 'x')).toEqual({ ok: true, value: [0.5] });
    expect(readNumberArray(new Int32Array([-1, 3]), 'x', { integer: true, min: -1 })).toEqual({ ok: true, value: [-1, 3] });
  });

  it('rejects values that are not number arrays', () => {
    expect(messageOf(readNumberArray('1,2', 'labels'))).toBe('labels must be an array of numbers, got a string');
    expect(messageOf(readNumberArray(null, 'labels'))).toBe('labels must be an array of numbers, got null');
    expect(messageOf(readNumberArray({ 0: 1, length: 1 }, 'labels'))).toBe('labels must be an array of numbers, got an object');
    expect(messageOf(readNumberArray(new BigInt64Array(2), 'labels'))).toBe('labels must be an array of numbers, got an object');
  });

  it('names the first bad element', () => {
    expect(messageOf(readNumberArray([1, '2'], 'labels'))).toBe('labels[1] must be a number, got a string');
    expect(messageOf(readNumberArray([1, null], 'labels'))).toBe('labels[1] must be a number, got null');
    expect(messageOf(readNumberArray([0, Number.NaN], 'v'))).toBe('v[1] = NaN, expected a finite number');
    expect(messageOf(readNumberArray([Infinity], 'v'))).toBe('v[0] = Infinity, expected a finite number');
    expect(messageOf(readNumberArray([0, 1.5], 'labels', { integer: true }))).toBe('labels[1] = 1.5, expected an integer');
    expect(messageOf(readNumberArray([0, 4], 'labels', { max: 3 }))).toBe('labels[1] = 4, expected at most 3');
    expect(messageOf(readNumberArray([-2], 'labels', { min: -1 }))).toBe('labels[0] = -2, expected at least -1');
  });

  it('allows infinities only when asked to, and NaN never', () => {
    expect(readNumberArray([Infinity, -Infinity], 'v', { finite: false }).ok).toBe(true);
    expect(messageOf(readNumberArray([Number.NaN], 'v', { finite: false }))).toBe('v[0] = NaN, expected a finite number');
  });

  it('checks the length', () => {
    expect(messageOf(readNumberArray([1, 2], 'labels', { length: 3 }))).toBe('labels has length 2, expected 3');
    expect(messageOf(readNumberArray([1, 2], 'p', { length: 3, unit: 'coordinates' }))).toBe('p has 2 coordinates, expected 3');
  });
});

describe('readNumberMatrix', () => {
  it('reads rows of equal length, typed rows included', () => {
    expect(readNumberMatrix([[1, 2], new Float64Array([3, 4])], 'm')).toEqual({ ok: true, value: [[1, 2], [3, 4]] });
  });

  it('checks the row count and every row against the first', () => {
    expect(messageOf(readNumberMatrix([[1]], 'centroids', { rows: 2 }))).toBe('centroids has 1 rows, expected 2');
    expect(messageOf(readNumberMatrix([[1, 2], [3]], 'centroids'))).toBe('centroids[1] has length 1, expected 2');
    expect(messageOf(readNumberMatrix([[1, 2]], 'centroids', { columns: 3 }))).toBe('centroids[0] has length 2, expected 3');
    expect(messageOf(readNumberMatrix([[1], 5], 'centroids'))).toBe('centroids[1] must be an array of numbers, got a number');
    expect(messageOf(readNumberMatrix(new Float64Array(4), 'centroids'))).toBe(
      'centroids must be an array of number arrays, got a typed array',
    );
  });
});

describe('readRecord', () => {
  it('accepts an object with every key', () => {
    expect(readRecord({ a: 1, b: 2, c: 3 }, 'the result', ['a', 'b']).ok).toBe(true);
  });

  it('rejects non-objects and missing keys', () => {
    expect(messageOf(readRecord([1], 'the result', ['a']))).toBe('the result must be an object with "a", got an array');
    expect(messageOf(readRecord(null, 'the result', ['a', 'b']))).toBe('the result must be an object with "a", "b", got null');
    expect(messageOf(readRecord({ a: 1 }, 'the result', ['a', 'b']))).toBe('the result is missing "b"');
  });
});

describe('readPoints', () => {
  const limits = { maxRows: 3, maxColumns: 2 };

  it('accepts a point set within the limits', () => {
    expect(readPoints([[1, 2], [3, 4]], 'points', limits)).toEqual({ ok: true, value: [[1, 2], [3, 4]] });
  });

  it('rejects too few or too many points', () => {
    expect(messageOf(readPoints([], 'points', limits))).toBe('points has 0 points, expected at least 1');
    expect(messageOf(readPoints([[1]], 'data', { ...limits, minRows: 2 }))).toBe('data has 1 points, expected at least 2');
    expect(messageOf(readPoints([[1], [2], [3], [4]], 'points', limits))).toBe('points has 4 points, at most 3 are allowed');
  });

  it('rejects ragged, empty and too wide rows', () => {
    expect(messageOf(readPoints([[1, 2], [3, 4], [5]], 'points', limits))).toBe('points[2] has 1 coordinates, expected 2');
    expect(messageOf(readPoints([[]], 'points', limits))).toBe('points[0] has no coordinates, expected at least 1');
    expect(messageOf(readPoints([[1, 2, 3]], 'points', limits))).toBe('points[0] has 3 coordinates, at most 2 are allowed');
    expect(messageOf(readPoints([[1, Number.NaN]], 'points', limits))).toBe('points[0][1] = NaN, expected a finite number');
    expect(messageOf(readPoints('points', 'points', limits))).toBe('points must be an array of number arrays, got a string');
  });
});

describe('readNumber', () => {
  it('reads a single number with bounds', () => {
    expect(readNumber(3, 'k', { integer: true, min: 1, max: 5 })).toEqual({ ok: true, value: 3 });
    expect(messageOf(readNumber(0, 'k', { integer: true, min: 1 }))).toBe('k = 0, expected at least 1');
    expect(messageOf(readNumber('3', 'k'))).toBe('k must be a number, got a string');
    expect(messageOf(readNumber(undefined, 'seed'))).toBe('seed must be a number, got undefined');
  });
});

describe('type helpers', () => {
  it('describes types and recognises array-likes', () => {
    expect(describeType([])).toBe('an array');
    expect(describeType(new Float32Array(1))).toBe('a typed array');
    expect(describeType(true)).toBe('a boolean');
    expect(isArrayLike(new Uint8Array(1))).toBe(true);
    expect(isArrayLike(new DataView(new ArrayBuffer(1)))).toBe(false);
    expect(isArrayLike('abc')).toBe(false);
  });
});

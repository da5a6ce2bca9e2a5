import { describe, expect, it } from 'vitest';
import {
  compareNumber,
  compareVectors,
  dot,
  formatNumber,
  isClose,
  maxAbs,
  norm,
  squaredDistance,
  TIGHT_TOLERANCE,
} from '@/judge/checkers/numeric';

const tolerance = { absolute: 1e-9, relative: 1e-6 };

describe('isClose', () => {
  it('accepts values within the absolute plus relative tolerance', () => {
    expect(isClose(1e6 + 0.9, 1e6, tolerance)).toBe(true);
    expect(isClose(5e-10, 0, tolerance)).toBe(true);
    expect(isClose(-0, 0, tolerance)).toBe(true);
  });

  it('rejects values outside the tolerance', () => {
    expect(isClose(1e6 + 1.1, 1e6, tolerance)).toBe(false);
    expect(isClose(2e-9, 0, tolerance)).toBe(false);
  });

  it('scales the relative part by the expected value only', () => {
    // |1 − 2| = 1 is within 1e-6·|expected| for expected 2e6, not for expected 1.
    expect(isClose(2e6 + 1, 2e6, tolerance)).toBe(true);
    expect(isClose(1, 1 + 1e-5, tolerance)).toBe(false);
  });

  it('never matches NaN, not even NaN', () => {
    expect(isClose(Number.NaN, 1, tolerance)).toBe(false);
    expect(isClose(1, Number.NaN, tolerance)).toBe(false);
    expect(isClose(Number.NaN, Number.NaN, tolerance)).toBe(false);
  });

  it('matches an infinity only with the same infinity', () => {
    expect(isClose(Infinity, Infinity, tolerance)).toBe(true);
    expect(isClose(-Infinity, -Infinity, tolerance)).toBe(true);
    expect(isClose(Infinity, -Infinity, tolerance)).toBe(false);
    expect(isClose(Infinity, 1e308, tolerance)).toBe(false);
    expect(isClose(1e308, Infinity, tolerance)).toBe(false);
    expect(isClose(-Infinity, 0, { absolute: Infinity, relative: 0 })).toBe(false);
  });

  it('keeps the tight tolerance at 1e-9', () => {
    expect(isClose(0.3, 0.1 + 0.2, TIGHT_TOLERANCE)).toBe(true);
    expect(isClose(0.3 + 2e-9, 0.3, TIGHT_TOLERANCE)).toBe(false);
  });
});

describe('compareNumber', () => {
  it('returns null for a close value', () => {
    expect(compareNumber('x', 1, 1 + 1e-12, tolerance)).toBeNull();
  });

  it('names the value and both numbers', () => {
    expect(compareNumber('explainedVariance[2]', 1.5, 1.25, tolerance)).toBe('explainedVariance[2] = 1.5, expected 1.25');
    expect(compareNumber('v', Number.NaN, 0, tolerance)).toBe('v = NaN, expected 0');
  });
});

describe('compareVectors', () => {
  it('accepts typed arrays and plain arrays alike', () => {
    expect(compareVectors('row', new Float64Array([1, 2, 3]), [1, 2, 3 + 1e-12], tolerance)).toBeNull();
  });

  it('names the first element that differs', () => {
    expect(compareVectors('row', [1, 5, 9], [1, 2, 3], tolerance)).toBe('row[1] = 5, expected 2');
  });

  it('rejects a length mismatch', () => {
    expect(compareVectors('row', [1, 2], [1, 2, 3], tolerance)).toBe('row has length 2, expected 3');
  });
});

describe('formatNumber', () => {
  it('prints integers and short decimals as they are', () => {
    expect(formatNumber(3)).toBe('3');
    expect(formatNumber(-0.25)).toBe('-0.25');
    expect(formatNumber(Number.NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });

  it('rounds to 10 significant digits', () => {
    expect(formatNumber(2 / 3)).toBe('0.6666666667');
    expect(formatNumber(1234.5678901234)).toBe('1234.56789');
  });

  it('switches to exponent form for very small and very large values', () => {
    expect(formatNumber(1.5e-7)).toBe('1.5e-7');
    expect(formatNumber(123456789012.5)).toBe('1.23456789e+11');
  });
});

describe('vector helpers', () => {
  it('computes norms without overflow or underflow', () => {
    expect(norm([3, 4])).toBe(5);
    expect(norm([3e200, 4e200]) / 5e200).toBeCloseTo(1, 12);
    expect(norm([3e-200, 4e-200]) / 5e-200).toBeCloseTo(1, 12);
    expect(norm([])).toBe(0);
  });

  it('computes dot products, squared distances and max abs', () => {
    expect(dot([1, 2, 3], [4, 5, 6])).toBe(32);
    expect(squaredDistance([1, 1], [4, 5])).toBe(25);
    expect(maxAbs([1, -7, 3])).toBe(7);
    expect(maxAbs([])).toBe(0);
  });
});

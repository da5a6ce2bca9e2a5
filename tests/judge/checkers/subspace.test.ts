import { describe, expect, it } from 'vitest';
import { checkOrthonormal, compareUpToSign, distanceToSpan, groupEqualValues } from '@/judge/checkers/subspace';

const s = Math.SQRT1_2;

describe('compareUpToSign', () => {
  it('accepts the vector and its negation', () => {
    expect(compareUpToSign('v', [s, s], [s, s], 1e-6)).toBeNull();
    expect(compareUpToSign('v', [-s, -s], [s, s], 1e-6)).toBeNull();
  });

  it('rejects another direction and names the worst coordinate', () => {
    expect(compareUpToSign('components[1]', [1, 0], [s, s], 1e-6)).toBe(
      'components[1] does not match the expected direction (up to sign): components[1][1] = 0, expected 0.7071067812',
    );
  });

  it('rejects a vector with NaN', () => {
    expect(compareUpToSign('v', [Number.NaN, s], [s, s], 1e-6)).toBe(
      'v does not match the expected direction (up to sign): v[0] = NaN, expected 0.7071067812',
    );
  });
});

describe('distanceToSpan', () => {
  it('is zero inside the span and the residual norm outside', () => {
    const basis = [
      [1, 0, 0],
      [0, 1, 0],
    ];
    expect(distanceToSpan([0.6, 0.8, 0], basis)).toBeCloseTo(0, 15);
    expect(distanceToSpan([0.6, 0, 0.8], basis)).toBeCloseTo(0.8, 15);
    expect(distanceToSpan([0, 0, 1], [])).toBe(1);
  });
});

describe('groupEqualValues', () => {
  it('splits sorted values into runs of equal ones', () => {
    expect(groupEqualValues([5, 3, 3 - 1e-12, 3 - 2e-12, 1, 0, 0], 1e-9)).toEqual([
      [0, 1],
      [1, 4],
      [4, 5],
      [5, 7],
    ]);
    expect(groupEqualValues([2], 0)).toEqual([[0, 1]]);
    expect(groupEqualValues([], 0)).toEqual([]);
  });
});

describe('checkOrthonormal', () => {
  it('accepts an orthonormal set', () => {
    expect(checkOrthonormal('components', [[s, s], [s, -s]], 1e-6)).toBeNull();
  });

  it('rejects a vector that is not unit length', () => {
    expect(checkOrthonormal('components', [[1, 1]], 1e-6)).toBe('components[0] has norm 1.414213562, expected 1');
  });

  it('rejects two vectors that are not orthogonal', () => {
    expect(checkOrthonormal('components', [[1, 0], [s, s]], 1e-6)).toBe(
      'components[0] and components[1] are not orthogonal: their dot product is 0.7071067812',
    );
  });
});

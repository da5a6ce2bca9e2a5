import { describe, expect, it } from 'vitest';
import { checkPca } from '@/judge/checkers/pca';
import { pca, pcaSpectrum } from '@/judge/tasks/pca/reference';

const data = [
  [13, 21],
  [11, 23],
  [9, 17],
  [7, 19],
];
const spectrum = pcaSpectrum(data);
const s = Math.SQRT1_2;

function messageOf(output: unknown, rows = data, nComponents = 2): string | undefined {
  const result = checkPca(rows, nComponents, output, rows === data ? spectrum : pcaSpectrum(rows));
  return result.ok ? undefined : (result.message ?? 'rejected without a message');
}

/** Returns the reference output with component j and its projected column negated. */
function flipped(rows: number[][], nComponents: number, j: number) {
  const output = pca(rows, nComponents);
  output.components[j] = output.components[j].map((value) => -value);
  output.projected = output.projected.map((row) => row.map((value, c) => (c === j ? -value : value)));
  return output;
}

describe('checkPca accepts', () => {
  it('the reference output', () => {
    expect(messageOf(pca(data, 2))).toBeUndefined();
    expect(messageOf(pca(data, 1), data, 1)).toBeUndefined();
  });

  it('a component and its projected column negated together', () => {
    expect(messageOf(flipped(data, 2, 0))).toBeUndefined();
    expect(messageOf(flipped(data, 2, 1))).toBeUndefined();
  });

  it('typed-array rows', () => {
    const output = pca(data, 2);
    expect(
      messageOf({
        components: output.components.map((row) => new Float64Array(row)),
        explainedVariance: new Float64Array(output.explainedVariance),
        projected: output.projected.map((row) => new Float64Array(row)),
      }),
    ).toBeUndefined();
  });

  it('any orthonormal basis of an eigenspace of equal eigenvalues', () => {
    // ±2 on each of three axes: the covariance is a multiple of the identity.
    const star = [
      [2, 0, 0],
      [-2, 0, 0],
      [0, 2, 0],
      [0, -2, 0],
      [0, 0, 2],
      [0, 0, -2],
    ];
    const components = [
      [s, s, 0],
      [s, -s, 0],
      [0, 0, 1],
    ];
    const projected = star.map((row) => components.map((c) => c[0] * row[0] + c[1] * row[1] + c[2] * row[2]));
    const variance = 8 / 5;
    expect(messageOf({ components, explainedVariance: [variance, variance, variance], projected }, star, 3)).toBeUndefined();
    // Two components cut the three-dimensional eigenspace: any two orthonormal vectors in it pass.
    expect(
      messageOf({ components: components.slice(0, 2), explainedVariance: [variance, variance], projected: projected.map((row) => row.slice(0, 2)) }, star, 2),
    ).toBeUndefined();
  });

  it('equal eigenvalues in rising order by rounding', () => {
    const star = [[2, 0], [-2, 0], [0, 2], [0, -2]];
    const components = [[1, 0], [0, 1]];
    const projected = star.map((row) => [row[0], row[1]]);
    const variance = 8 / 3;
    expect(messageOf({ components, explainedVariance: [variance, variance * (1 + 1e-15)], projected }, star, 2)).toBeUndefined();
  });

  it('any completion of the basis in the null space', () => {
    // Two points in 3-D: rank 1, so components 2 and 3 may be any orthonormal pair orthogonal to the first.
    const pair = [
      [1, 2, 3],
      [3, 2, 1],
    ];
    const components = [
      [s, 0, -s],
      [0.5, s, 0.5],
      [0.5, -s, 0.5],
    ];
    const mean = [2, 2, 2];
    const projected = pair.map((row) => components.map((c) => c.reduce((sum, v, t) => sum + v * (row[t] - mean[t]), 0)));
    expect(messageOf({ components, explainedVariance: [4, 0, 0], projected }, pair, 3)).toBeUndefined();
  });
});

describe('checkPca rejects', () => {
  it('an output of the wrong shape', () => {
    const output = pca(data, 2);
    expect(messageOf(null)).toBe('the result must be an object with "components", "explainedVariance", "projected", got null');
    expect(messageOf({ ...output, components: output.components.slice(0, 1) })).toBe('components has 1 rows, expected 2');
    expect(messageOf({ ...output, explainedVariance: [1] })).toBe('explainedVariance has length 1, expected 2');
    expect(messageOf({ ...output, projected: output.projected.map((row) => row.slice(0, 1)) })).toBe(
      'projected[0] has length 1, expected 2',
    );
    expect(messageOf({ ...output, explainedVariance: [Number.NaN, 1] })).toBe('explainedVariance[0] = NaN, expected a finite number');
  });

  it('explained variances that increase', () => {
    const output = pca(data, 2);
    expect(messageOf({ ...output, explainedVariance: [...output.explainedVariance].reverse() })).toBe(
      'explainedVariance is not in decreasing order: explainedVariance[1] = 10.66666667 > explainedVariance[0] = 2.666666667',
    );
  });

  it('population variance (denominator n)', () => {
    const output = pca(data, 2);
    expect(messageOf({ ...output, explainedVariance: output.explainedVariance.map((value) => (value * 3) / 4) })).toBe(
      'explainedVariance[0] = 8, expected 10.66666667',
    );
  });

  it('components that are not unit length or not orthogonal', () => {
    const output = pca(data, 2);
    expect(messageOf({ ...output, components: [[1, 1], output.components[1]] })).toBe(
      'components[0] has norm 1.414213562, expected 1',
    );
    expect(messageOf({ ...output, components: [output.components[0], output.components[0]] })).toBe(
      'components[0] and components[1] are not orthogonal: their dot product is 1',
    );
  });

  it('a component in the wrong direction', () => {
    const output = pca(data, 2);
    expect(messageOf({ ...output, components: [[1, 0], [0, 1]] })).toBe(
      'components[0] does not match the expected direction (up to sign): components[0][1] = 0, expected 0.7071067812',
    );
  });

  it('a component outside the eigenspace of its equal eigenvalues', () => {
    // ±3, ±1, ±1 and ±0.5 on the four axes: eigenvalues 18/7, 2/7, 2/7 and 0.5/7.
    const rows = [3, 1, 1, 0.5].flatMap((scale, axis) =>
      [scale, -scale].map((value) => [0, 0, 0, 0].map((_, t) => (t === axis ? value : 0))),
    );
    const project = (components: number[][]) =>
      rows.map((row) => components.map((c) => c.reduce((sum, v, t) => sum + v * row[t], 0)));
    const variance = [18 / 7, 2 / 7];

    const inside = [[1, 0, 0, 0], [0, 0.6, 0.8, 0]];
    expect(messageOf({ components: inside, explainedVariance: variance, projected: project(inside) }, rows, 2)).toBeUndefined();

    // Orthogonal to the first component, but half of it lies along the fourth axis (eigenvalue 0.5/7).
    const outside = [[1, 0, 0, 0], [0, s, 0, s]];
    expect(messageOf({ components: outside, explainedVariance: variance, projected: project(outside) }, rows, 2)).toBe(
      'components[1] is not in the 2-dimensional eigenspace of the eigenvalue 0.2857142857 (eigenvalues 1 to 2 are ' +
        'equal, so any orthonormal basis of that eigenspace is accepted): its distance from it is 0.7071067812',
    );
  });

  it('a negated component whose projected column keeps its sign', () => {
    const output = pca(data, 2);
    output.components[1] = output.components[1].map((value) => -value);
    expect(messageOf(output)).toBe(
      'projected[0][1] = 1.414213562, but (data[0] − mean) · components[1] is -1.414213562 ' +
        '(the sign of projected column 1 must match the sign of components[1])',
    );
  });

  it('a projection of the uncentred data', () => {
    const output = pca(data, 2);
    const uncentred = data.map((row) => output.components.map((c) => c[0] * row[0] + c[1] * row[1]));
    expect(messageOf({ ...output, projected: uncentred })).toBe(
      'projected[0][0] = 24.04163056, but (data[0] − mean) · components[0] is 2.828427125',
    );
  });
});

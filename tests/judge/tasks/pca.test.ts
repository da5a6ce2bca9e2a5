import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PCA } from 'ml-pca';
import { describe, expect, it } from 'vitest';
import { TIE_RELATIVE_TOLERANCE } from '@/judge/checkers/pca';
import { groupEqualValues } from '@/judge/checkers/subspace';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/pca';
import { pca, pcaSpectrum } from '@/judge/tasks/pca/reference';
import { judgeOnHost, listFixtures } from './host-judge';

type Args = [number[][], number];

function hidden(secret: string) {
  return task.hiddenTests(randomFromSecret(secret, 'pca', `v${task.version}`, 'hidden'));
}

describe('pca reference', () => {
  it('returns the worked example of the statement', () => {
    const [sample] = task.samples();
    expect(sample.args).toEqual([[[13, 21], [11, 23], [9, 17], [7, 19]], 2]);
    const output = pca(...(sample.args as Args));
    const r = Math.SQRT1_2;
    const root2 = Math.SQRT2;
    expect(output.explainedVariance[0]).toBeCloseTo(32 / 3, 13);
    expect(output.explainedVariance[1]).toBeCloseTo(8 / 3, 13);
    const expectedComponents = [[r, r], [r, -r]];
    const expectedProjected = [[2 * root2, root2], [2 * root2, -root2], [-2 * root2, root2], [-2 * root2, -root2]];
    output.components.forEach((row, j) => row.forEach((value, t) => expect(value).toBeCloseTo(expectedComponents[j][t], 14)));
    output.projected.forEach((row, i) => row.forEach((value, j) => expect(value).toBeCloseTo(expectedProjected[i][j], 13)));
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(path.join(import.meta.dirname, `../../../judge/tasks/pca/statement.${locale}.md`), 'utf8');
      expect(statement).toContain('`data = [[13, 21], [11, 23], [9, 17], [7, 19]]`');
      expect(statement).toContain('`components = [[0.7071, 0.7071], [0.7071, -0.7071]]`');
      expect(statement).toContain('`explainedVariance = [10.667, 2.667]`');
    }
  });

  it('gives a constant column an exactly zero eigenvalue', () => {
    const output = pca(task.samples()[2].args[0] as number[][], 3);
    expect(output.explainedVariance[2]).toBe(0);
    expect(output.components[2]).toEqual([0, 1, 0]);
    expect(output.projected.every((row) => row[2] === 0)).toBe(true);
  });

  // ml-pca (SVD of the centred data by default) uses the same n − 1 denominator and centring. Its
  // getExplainedVariance() is the fraction of the total variance rather than the variance itself,
  // its eigenvector signs are arbitrary, and it returns only min(n, d) eigenpairs.
  it('agrees with ml-pca on eigenvalues, eigenvectors and projections', () => {
    for (const test of hidden('ml-pca').filter((entry) => !entry.timed)) {
      const [data, nComponents] = test.args as Args;
      const ours = pca(data, nComponents);
      const spectrum = pcaSpectrum(data);
      const theirs = new PCA(data);
      const eigenvalues = theirs.getEigenvalues();
      const vectors = theirs.getEigenvectors();
      const projected = theirs.predict(data).to2DArray();
      const largest = spectrum.eigenvalues[0];

      const count = Math.min(nComponents, eigenvalues.length);
      for (let j = 0; j < count; j++) {
        expect(Math.abs(eigenvalues[j] - ours.explainedVariance[j]), `${test.name} λ${j}`).toBeLessThanOrEqual(1e-12 * largest + 1e-300);
      }
      // Only components whose eigenvalue is not tied are unique up to sign.
      const groups = groupEqualValues(spectrum.eigenvalues, TIE_RELATIVE_TOLERANCE * largest);
      for (const [start, end] of groups) {
        if (end - start !== 1 || start >= count) continue;
        const column = vectors.getColumn(start);
        const sign = Math.sign(column.reduce((sum, value, t) => sum + value * ours.components[start][t], 0));
        column.forEach((value, t) => expect(Math.abs(sign * value - ours.components[start][t]), `${test.name} v${start}`).toBeLessThan(1e-8));
        projected.forEach((row, i) =>
          expect(Math.abs(sign * row[start] - ours.projected[i][start]), `${test.name} p${start}`).toBeLessThan(1e-6),
        );
      }
    }
  });

  it('passes its own checker on every sample and hidden test', () => {
    for (const secret of ['one', 'two']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const expected = task.reference(...test.args);
        expect(task.check(test.args, expected, expected), `${secret} ${test.name}`).toEqual({ ok: true });
      }
    }
  });

  it('gets data whose untied eigenvectors are well separated', () => {
    // A backward-stable eigensolver perturbs the covariance by about c·ε·λ₁ (c a modest multiple
    // of d), which moves an eigenvector by that over its gap: gaps above 1e-7·λ₁ keep it within 1e-6.
    for (const secret of ['gap-a', 'gap-b', 'gap-c']) {
      for (const test of hidden(secret)) {
        const [data, nComponents] = test.args as Args;
        const { eigenvalues } = pcaSpectrum(data);
        const tolerance = TIE_RELATIVE_TOLERANCE * eigenvalues[0];
        for (let j = 0; j + 1 < Math.min(nComponents + 1, eigenvalues.length); j++) {
          const gap = eigenvalues[j] - eigenvalues[j + 1];
          if (gap > tolerance) expect(gap / eigenvalues[0], `${secret} ${test.name} gap ${j}`).toBeGreaterThan(1e-7);
        }
      }
    }
  });
});

describe('pca tests', () => {
  it('has samples that do not depend on the secret', () => {
    expect(task.samples()).toEqual(task.samples());
    expect(task.samples().map((sample) => sample.name)).toEqual(['sample-1', 'sample-2', 'sample-3']);
  });

  it('generates the same hidden tests from the same secret and others from another', () => {
    expect(hidden('alpha')).toEqual(hidden('alpha'));
    expect(hidden('alpha')).not.toEqual(hidden('beta'));
  });

  it('names hidden tests without revealing their data and times only the large ones', () => {
    const tests = hidden('names');
    expect(tests.length).toBeGreaterThanOrEqual(12);
    expect(tests.length).toBeLessThanOrEqual(30);
    expect(tests.map((test) => test.name)).toEqual(tests.map((_, i) => `hidden-${String(i + 1).padStart(2, '0')}`));
    const timed = tests.filter((test) => test.timed);
    expect(timed.length).toBe(3);
    expect(timed.every((test) => (test.args[0] as number[][]).length >= 2000)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map((test) => test.args as Args);
    const ranks = tests.map(([data]) => {
      const { eigenvalues } = pcaSpectrum(data);
      return eigenvalues.filter((value) => value > 1e-9 * eigenvalues[0]).length;
    });
    expect(tests.some(([data]) => data.length === 2)).toBe(true);
    expect(tests.some(([data]) => data[0].length === 1)).toBe(true);
    expect(tests.some(([data]) => data.length < data[0].length)).toBe(true);
    expect(tests.some(([, nComponents], i) => nComponents > ranks[i])).toBe(true);
    expect(tests.some(([data], i) => data.length > data[0].length && ranks[i] < data[0].length)).toBe(true);
    expect(tests.some(([data]) => data[0].some((_, t) => data.every((row) => row[t] === data[0][t])))).toBe(true);
    expect(tests.some(([data, nComponents]) => nComponents === data[0].length && data[0].length > 10)).toBe(true);
    // Exactly tied eigenvalues, and features whose spreads are about 1e6 apart.
    expect(
      tests.some(([data]) => {
        const { eigenvalues } = pcaSpectrum(data);
        return groupEqualValues(eigenvalues, TIE_RELATIVE_TOLERANCE * eigenvalues[0]).some(([a, b]) => b - a > 1 && eigenvalues[a] > 1e-6 * eigenvalues[0]);
      }),
    ).toBe(true);
    expect(
      tests.some(([data]) => {
        const spreads = data[0].map((_, t) => Math.max(...data.map((row) => row[t])) - Math.min(...data.map((row) => row[t])));
        return Math.max(...spreads) / Math.min(...spreads.filter((value) => value > 0)) >= 1e5;
      }),
    ).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const secret of ['limits-1', 'limits-2', 'limits-3', 'limits-4', 'limits-5']) {
      for (const test of [...task.samples(), ...hidden(secret)]) expect(task.validateArgs(test.args), `${secret} ${test.name}`).toBeNull();
    }
  });
});

describe('pca validateArgs', () => {
  const data = [[1, 2, 3], [4, 5, 6]];

  it('accepts valid input', () => {
    expect(task.validateArgs([data, 1])).toBeNull();
    expect(task.validateArgs([data, 3])).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[data], 'expected 2 arguments (data, nComponents), got 1'],
      [[{ rows: data }, 1], 'data must be an array of number arrays, got an object'],
      [[[[1, 2, 3]], 1], 'data has 1 points, expected at least 2'],
      [[[[1, 2, 3], [4, 5]], 1], 'data[1] has 2 coordinates, expected 3'],
      [[[[1, 2], [3, Infinity]], 1], 'data[1][1] = Infinity, expected a finite number'],
      [[[new Array<number>(101).fill(0), new Array<number>(101).fill(1)], 1], 'data[0] has 101 coordinates, at most 100 are allowed'],
      [[Array.from({ length: 5001 }, () => [0]), 1], 'data has 5001 points, at most 5000 are allowed'],
      [[data, 0], 'nComponents = 0, expected at least 1 (nComponents must be between 1 and d = 3)'],
      [[data, 4], 'nComponents = 4, expected at most 3 (nComponents must be between 1 and d = 3)'],
      [[data, 2.5], 'nComponents = 2.5, expected an integer (nComponents must be between 1 and d = 3)'],
      [[data, null], 'nComponents must be a number, got null (nComponents must be between 1 and d = 3)'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('pca fixtures on the host', () => {
  const fixtures = listFixtures('pca').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(task, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects each wrong fixture for its own mistake', async () => {
    const reasons: Record<string, RegExp> = {
      'wrong-numpy-answer-port.ts': /does not match the expected direction/,
      'wrong-population-variance.ts': /^explainedVariance\[0\] = /,
      'wrong-uncentred-projection.ts': /^projected\[\d+\]\[\d+\] = .* is /,
      'wrong-components-not-sorted.ts': /not in decreasing order/,
      'wrong-sign-flip-without-projection.ts': /must match the sign of components/,
    };
    for (const [file, reason] of Object.entries(reasons)) {
      const fixture = fixtures.find((entry) => entry.file === file)!;
      const result = await judgeOnHost(task, fixture, 'host-reasons');
      expect(result.verdict, file).toBe('wrong_answer');
      expect(result.failures.some((failure) => reason.test(failure.message)), file).toBe(true);
    }
  });
});

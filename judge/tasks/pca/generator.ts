import type { Random } from '../../data/random';
import { randomFromSeed } from '../../data/random';
import type { TestCase } from '../types';

/** Draws a random d×d orthogonal matrix (orthonormal rows) by Gram–Schmidt on Gaussian rows. */
function randomOrthogonal(random: Random, d: number): number[][] {
  const rows: number[][] = [];
  while (rows.length < d) {
    const row = Array.from({ length: d }, () => random.normal());
    for (const previous of rows) {
      const projection = row.reduce((sum, value, t) => sum + value * previous[t], 0);
      for (let t = 0; t < d; t++) row[t] -= projection * previous[t];
    }
    const length = Math.hypot(...row);
    if (length > 1e-6) rows.push(row.map((value) => value / length));
  }
  return rows;
}

/**
 * n Gaussian points with mean `mean` and covariance Qᵀ·diag(deviations²)·Q for a random rotation
 * Q. Deviations should be well apart so that the sample eigenvalues keep clear gaps.
 */
function rotatedGaussian(random: Random, n: number, mean: readonly number[], deviations: readonly number[]): number[][] {
  const d = mean.length;
  const rotation = randomOrthogonal(random, d);
  return Array.from({ length: n }, () => {
    const row = mean.slice();
    for (let j = 0; j < d; j++) {
      const weight = random.normal() * deviations[j];
      for (let t = 0; t < d; t++) row[t] += weight * rotation[j][t];
    }
    return row;
  });
}

/** Deviations from `largest` down to `smallest`, evenly spaced on a log scale and slightly jittered. */
function decayingDeviations(random: Random, d: number, largest: number, smallest: number): number[] {
  const ratio = d === 1 ? 1 : Math.pow(smallest / largest, 1 / (d - 1));
  return Array.from({ length: d }, (_, j) => largest * Math.pow(ratio, j) * random.uniform(0.97, 1.03));
}

/**
 * Points at mean ± m·scales[j]·q_j for m = 1..copies and an orthonormal basis q. The covariance is
 * exactly diagonal in that basis, so equal scales give equal eigenvalues (up to rounding).
 */
function symmetricStar(random: Random, mean: readonly number[], scales: readonly number[], copies: number): number[][] {
  const basis = randomOrthogonal(random, mean.length);
  const points: number[][] = [];
  for (let j = 0; j < scales.length; j++) {
    for (let m = 1; m <= copies; m++) {
      for (const sign of [1, -1]) points.push(mean.map((value, t) => value + sign * m * scales[j] * basis[j][t]));
    }
  }
  return random.shuffle(points);
}

function randomMean(random: Random, d: number, scale: number): number[] {
  return Array.from({ length: d }, () => random.uniform(-scale, scale));
}

function test(name: string, data: number[][], nComponents: number, hidden: boolean, timed = false): TestCase {
  return timed ? { name, args: [data, nComponents], hidden, timed } : { name, args: [data, nComponents], hidden };
}

/** Public tests shown on the task page; the first is the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(7);
  const worked = [
    [13, 21],
    [11, 23],
    [9, 17],
    [7, 19],
  ];
  const small = rotatedGaussian(random, 12, [1, 2, 3], [3, 1, 0.3]).map((row) =>
    row.map((value) => Math.round(value * 100) / 100),
  );
  const constantColumn = [
    [1, 5, 2],
    [2, 5, 4],
    [3, 5, 3],
    [4, 5, 7],
    [5, 5, 4],
  ];
  return [test('sample-1', worked, 2, false), test('sample-2', small, 2, false), test('sample-3', constantColumn, 3, false)];
}

/** Hidden tests: edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [number[][], number, boolean][] = [];
  const add = (data: number[][], nComponents: number, timed = false) => cases.push([data, nComponents, timed]);

  // The minimum number of rows: two points, rank 1.
  add([randomMean(random, 3, 5), randomMean(random, 3, 5)], 1);
  // One feature.
  add(rotatedGaussian(random, 20, [random.uniform(-3, 3)], [2]), 1);
  // Fewer rows than features (n < d).
  add(rotatedGaussian(random, 20, randomMean(random, 50, 2), decayingDeviations(random, 50, 5, 0.5)), 5);
  // n < d and more components than the rank: the last ones are any basis of the null space.
  add(rotatedGaussian(random, 6, randomMean(random, 10, 2), decayingDeviations(random, 10, 4, 1)), 8);
  // Rank-deficient: eight features that are combinations of three.
  const weights = Array.from({ length: 3 }, () => Array.from({ length: 8 }, () => random.normal()));
  const offset = randomMean(random, 8, 10);
  add(
    Array.from({ length: 200 }, () => {
      const z = [random.normal(0, 3), random.normal(0, 2), random.normal(0, 1)];
      return offset.map((value, t) => value + z[0] * weights[0][t] + z[1] * weights[1][t] + z[2] * weights[2][t]);
    }),
    5,
  );
  // A constant column.
  const constant = Math.round(random.uniform(-50, 50) * 10) / 10;
  add(
    rotatedGaussian(random, 100, randomMean(random, 4, 3), [3, 2, 1, 0.5]).map((row) => [
      row[0],
      row[1],
      constant,
      row[2],
      row[3],
    ]),
    5,
  );
  // Features on scales 1e6 apart.
  const scales = [1e3, 1e-3, 1, 1e-2];
  add(
    rotatedGaussian(random, 300, [0, 0, 0, 0], [2, 1.5, 1, 0.5]).map((row) => row.map((value, t) => value * scales[t] + 5 * scales[t])),
    4,
  );
  // Exactly equal eigenvalues; four components cut a three-dimensional eigenspace.
  add(symmetricStar(random, randomMean(random, 6, 5), [3, 3, 2, 2, 2, 1], 1), 4);
  add(symmetricStar(random, randomMean(random, 8, 5), [4, 2.5, 2.5, 2.5, 1.5, 1, 1, 0.5], 10), 8);
  // Data far from the origin: centring matters.
  add(rotatedGaussian(random, 500, randomMean(random, 10, 1e4), decayingDeviations(random, 10, 3, 0.3)), 3);
  // Every component.
  add(rotatedGaussian(random, 100, randomMean(random, 12, 5), decayingDeviations(random, 12, 4, 0.2)), 12);
  // Duplicate rows.
  const distinct = rotatedGaussian(random, 10, randomMean(random, 5, 2), [3, 2, 1.2, 0.7, 0.4]);
  add(random.shuffle(Array.from({ length: 50 }, (_, i) => distinct[i % 10].slice())), 3);
  // A moderately large correlated sample.
  add(rotatedGaussian(random, 1000, randomMean(random, 20, 5), decayingDeviations(random, 20, 6, 0.6)), 5);

  // Large inputs for the speed grade.
  add(rotatedGaussian(random, 3000, randomMean(random, 60, 5), decayingDeviations(random, 60, 10, 1)), 10, true);
  add(rotatedGaussian(random, 2000, randomMean(random, 100, 5), decayingDeviations(random, 100, 10, 1)), 20, true);
  add(rotatedGaussian(random, 4000, randomMean(random, 30, 5), decayingDeviations(random, 30, 10, 1)), 30, true);

  return cases.map(([data, nComponents, timed], index) =>
    test(`hidden-${String(index + 1).padStart(2, '0')}`, data, nComponents, true, timed),
  );
}

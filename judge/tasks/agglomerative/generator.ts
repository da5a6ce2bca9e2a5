import { randomFromSeed, type Random } from '../../data/random';
import type { TestCase } from '../types';

type Linkage = 'single' | 'complete' | 'average' | 'ward';

/** The worked example of the statement: five points on a line, average linkage, two clusters. */
export const workedExample = {
  points: [[0], [1], [5], [8], [15]],
  nClusters: 2,
  linkage: 'average' as Linkage,
};

/** Public tests shown on the task page. Fixed data, independent of the deployment secret. */
export function samples(): TestCase[] {
  const random = randomFromSeed(20240611);
  return [
    {
      name: 'sample-1',
      args: [workedExample.points, workedExample.nClusters, workedExample.linkage],
      hidden: false,
    },
    {
      name: 'sample-2',
      args: [blobs(random, [[0, 0], [6, 0], [3, 5]], [4, 4, 4], 1, 2), 3, 'ward'],
      hidden: false,
    },
    {
      // A 3 × 3 grid: every neighbouring pair is at distance 1, so many merge orders are valid.
      name: 'sample-3',
      args: [grid(3, 3), 2, 'single'],
      hidden: false,
    },
    {
      name: 'sample-4',
      args: [[[1, 1], [1, 1], [4, 5], [1, 1], [4, 5]], 2, 'complete'],
      hidden: false,
    },
  ];
}

/**
 * Builds the hidden tests: every linkage on clustered data, ties on integer grids, duplicates,
 * n = 1 and 2, nClusters = 1 and n, collinear points, features on scales 1e6 apart, d up to 32,
 * and three timed inputs with n = 3000 where an O(n³) algorithm runs out of time.
 */
export function hiddenTests(random: Random): TestCase[] {
  const cases: Array<{ points: number[][]; nClusters: number; linkage: Linkage; timed?: boolean }> = [];
  const linkages: Linkage[] = ['single', 'complete', 'average', 'ward'];

  // Gaussian blobs of different sizes and spreads, one test per linkage.
  for (const linkage of linkages) {
    const centres = Array.from({ length: random.int(3, 6) }, () => randomVector(random, 3, -20, 20));
    const sizes = centres.map(() => random.int(5, 60));
    const points = blobs(random, centres, sizes, random.uniform(0.5, 3), 3);
    cases.push({ points, nClusters: centres.length, linkage });
  }

  // Small integer coordinates: many exactly equal distances and duplicate points.
  for (const linkage of linkages) {
    const n = random.int(30, 80);
    const points = Array.from({ length: n }, () => [random.int(0, 5), random.int(0, 5)]);
    cases.push({ points, nClusters: random.int(2, 6), linkage });
  }

  // A full grid: every neighbouring pair ties at distance 1.
  cases.push({ points: random.shuffle(grid(6, 5)), nClusters: 4, linkage: random.pick(['complete', 'ward'] as const) });

  // Every point identical: all heights are 0.
  const duplicate = [random.int(-5, 5), random.int(-5, 5), random.int(-5, 5)];
  cases.push({ points: Array.from({ length: 12 }, () => duplicate.slice()), nClusters: 3, linkage: 'ward' });

  // Degenerate sizes.
  cases.push({ points: [randomVector(random, 2, -1, 1)], nClusters: 1, linkage: 'average' });
  cases.push({ points: [randomVector(random, 2, -1, 1), randomVector(random, 2, -1, 1)], nClusters: 1, linkage: 'complete' });
  const everyPointAlone = Array.from({ length: 15 }, () => randomVector(random, 2, 0, 10));
  cases.push({ points: everyPointAlone, nClusters: everyPointAlone.length, linkage: 'average' });
  const oneCluster = Array.from({ length: 40 }, () => randomVector(random, 4, 0, 1));
  cases.push({ points: oneCluster, nClusters: 1, linkage: 'single' });

  // Collinear points in one dimension.
  const line = Array.from({ length: 50 }, () => [random.uniform(0, 100)]);
  cases.push({ points: line, nClusters: 5, linkage: 'complete' });

  // One feature in thousands, the other in thousandths.
  const scaled = blobs(random, [[0, 0], [5, 5], [10, 0]], [30, 30, 30], 1, 2).map(([x, y]) => [x * 1e3, y * 1e-3]);
  cases.push({ points: scaled, nClusters: 3, linkage: 'ward' });

  // High dimension.
  const wide = blobs(random, [randomVector(random, 32, -5, 5), randomVector(random, 32, -5, 5)], [40, 40], 2, 32);
  cases.push({ points: wide, nClusters: 2, linkage: 'average' });

  // Timed: large enough that the O(n³) algorithm exceeds the time limit.
  const timedLinkages: Linkage[] = ['average', 'ward', 'single'];
  for (const [index, linkage] of timedLinkages.entries()) {
    const d = [8, 4, 16][index];
    const centres = Array.from({ length: 12 }, () => randomVector(random, d, -30, 30));
    const sizes = centres.map(() => 250);
    cases.push({ points: blobs(random, centres, sizes, 4, d), nClusters: 12, linkage, timed: true });
  }

  return cases.map((testCase, index) => ({
    name: `hidden-${String(index + 1).padStart(2, '0')}`,
    args: [testCase.points, testCase.nClusters, testCase.linkage],
    hidden: true,
    ...(testCase.timed ? { timed: true } : {}),
  }));
}

function randomVector(random: Random, d: number, low: number, high: number): number[] {
  return Array.from({ length: d }, () => random.uniform(low, high));
}

/** Points drawn around each centre with a normal spread, shuffled so clusters interleave. */
function blobs(random: Random, centres: number[][], sizes: number[], spread: number, d: number): number[][] {
  const points: number[][] = [];
  centres.forEach((centre, index) => {
    for (let i = 0; i < sizes[index]; i++) {
      points.push(Array.from({ length: d }, (_, k) => centre[k] + random.normal(0, spread)));
    }
  });
  return random.shuffle(points);
}

function grid(width: number, height: number): number[][] {
  const points: number[][] = [];
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) points.push([x, y]);
  }
  return points;
}

import type { Random } from '../../data/random';
import { randomFromSeed } from '../../data/random';
import type { TestCase } from '../types';

/** Draws the integer seed argument, in [0, 2^32). */
function seedArgument(random: Random): number {
  return random.int(0, 0xffffffff);
}

interface BlobSpec {
  size: number;
  deviation: number;
  center: number[];
}

/** Gaussian blobs around the given centres, shuffled so that cluster order carries no information. */
function blobs(random: Random, specs: readonly BlobSpec[]): number[][] {
  const points: number[][] = [];
  for (const spec of specs) {
    for (let i = 0; i < spec.size; i++) points.push(spec.center.map((value) => value + random.normal(0, spec.deviation)));
  }
  return random.shuffle(points);
}

/**
 * `count` centres no two closer than `minGap`, drawn uniformly from a cube that starts at side
 * 2·`spread` and widens whenever rejection sampling keeps failing, so the loop always ends.
 */
function separatedCenters(random: Random, count: number, d: number, spread: number, minGap: number): number[][] {
  const centers: number[][] = [];
  let half = spread;
  let failures = 0;
  while (centers.length < count) {
    const candidate = Array.from({ length: d }, () => random.uniform(-half, half));
    const farEnough = centers.every((center) => Math.hypot(...center.map((value, t) => value - candidate[t])) >= minGap);
    if (farEnough) {
      centers.push(candidate);
    } else if (++failures % 200 === 0) {
      half *= 1.2;
    }
  }
  return centers;
}

/**
 * Draws one large blob and many small ones far from it and from each other. A random (Forgy) seeding
 * picks mostly points of the large blob and so almost surely misses a small one, which Lloyd's
 * iterations cannot repair. k-means++ reaches the optimum in most runs.
 */
function unevenBlobs(random: Random, count: number, d: number, totalSize: number): number[][] {
  const centers = separatedCenters(random, count, d, 200, 100);
  const largeSize = Math.round(totalSize * 0.6);
  const smallSize = Math.round((totalSize - largeSize) / (count - 1));
  return blobs(
    random,
    centers.map((center, c) => ({ center, size: c === 0 ? largeSize : smallSize, deviation: random.uniform(0.5, 1.5) })),
  );
}

function uniformPoints(random: Random, n: number, d: number, low: number, high: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.uniform(low, high)));
}

function test(name: string, points: number[][], k: number, seed: number, hidden: boolean, timed = false): TestCase {
  return timed ? { name, args: [points, k, seed], hidden, timed } : { name, args: [points, k, seed], hidden };
}

/** Public tests shown on the task page; the first is the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(2024);
  const worked = [
    [0, 0],
    [0, 2],
    [2, 0],
    [2, 2],
    [10, 10],
    [12, 12],
  ];
  const duplicates = [
    [1, 1],
    [1, 1],
    [1, 1],
    [5, 5],
  ];
  const small = blobs(random, [
    { size: 20, deviation: 0.5, center: [0, 0, 0] },
    { size: 25, deviation: 0.8, center: [6, 0, 2] },
    { size: 15, deviation: 0.4, center: [0, 7, -3] },
  ]).map((row) => row.map((value) => Math.round(value * 1000) / 1000));
  return [
    test('sample-1', worked, 2, 7, false),
    test('sample-2', duplicates, 3, 11, false),
    test('sample-3', small, 3, 42, false),
  ];
}

/** Hidden tests: edge cases first, then the hard and the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [number[][], number, boolean][] = [];
  const add = (points: number[][], k: number, timed = false) => cases.push([points, k, timed]);

  // k = 1: the only centroid is the global mean.
  add(uniformPoints(random, 50, 3, -5, 5), 1);
  // k = n with distinct points: inertia 0, each point its own cluster.
  add(uniformPoints(random, 12, 2, 0, 10), 12);
  // k = n with duplicates: equal points must still go to different clusters.
  const distinct = uniformPoints(random, 6, 3, -1, 1);
  add(random.shuffle([...distinct, distinct[0], distinct[0], distinct[3], distinct[5]].map((row) => row.slice())), 10);
  // Every point identical.
  const same = Array.from({ length: 3 }, () => random.int(-20, 20));
  add(Array.from({ length: 8 }, () => same.slice()), 3);
  // More clusters than distinct locations: duplicates have to be split.
  const locations = uniformPoints(random, 5, 2, -10, 10).map((row) => row.map(Math.round));
  add(
    random.shuffle(Array.from({ length: 40 }, (_, i) => locations[i % 5].slice())),
    7,
  );
  // Small integer grid, where points often lie exactly halfway between two means.
  add(
    Array.from({ length: 25 }, (_, i) => [i % 5, Math.floor(i / 5)]),
    4,
  );
  // Very different cluster sizes: one large cluster and two of three points each, far away.
  add(
    blobs(random, [
      { size: 400, deviation: 2, center: [0, 0] },
      { size: 3, deviation: 0.1, center: [60, 60] },
      { size: 3, deviation: 0.1, center: [-60, 40] },
    ]),
    3,
  );
  // Very different scales: deviations 1e-3, 1 and 1e3 in four dimensions.
  add(
    blobs(random, [
      { size: 60, deviation: 1e-3, center: [1e5, 0, 0, 0] },
      { size: 60, deviation: 1, center: [0, 1e5, 0, 0] },
      { size: 60, deviation: 1e3, center: [0, 0, 0, 0] },
    ]),
    3,
  );
  // High dimension.
  add(
    blobs(
      random,
      separatedCenters(random, 6, 64, 10, 30).map((center) => ({ center, size: 50, deviation: 1 })),
    ),
    6,
  );
  // No cluster structure at all.
  add(uniformPoints(random, 400, 2, 0, 1), 4);
  // One large blob and many small, distant ones (a single random seeding fails these).
  add(unevenBlobs(random, 16, 2, 1000), 16);
  add(unevenBlobs(random, 12, 10, 800), 12);
  // Overlapping blobs.
  add(
    blobs(
      random,
      separatedCenters(random, 4, 2, 8, 8).map((center) => ({ center, size: random.int(40, 90), deviation: 1.5 })),
    ),
    4,
  );

  // Large inputs for the speed grade.
  add(
    blobs(
      random,
      separatedCenters(random, 12, 8, 100, 150).map((center) => ({ center, size: random.int(200, 400), deviation: 2 })),
    ),
    12,
    true,
  );
  add(
    blobs(
      random,
      separatedCenters(random, 8, 64, 100, 200).map((center) => ({ center, size: 250, deviation: 1 })),
    ),
    8,
    true,
  );
  add(unevenBlobs(random, 20, 3, 4000), 20, true);

  return cases.map(([points, k, timed], index) =>
    test(`hidden-${String(index + 1).padStart(2, '0')}`, points, k, seedArgument(random), true, timed),
  );
}

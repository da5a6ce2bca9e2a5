import type { Random } from '../../data/random';
import { randomFromSeed } from '../../data/random';
import type { TestCase } from '../types';

function test(name: string, points: number[][], eps: number, minPts: number, hidden: boolean, timed = false): TestCase {
  const args = [points, eps, minPts];
  return timed ? { name, args, hidden, timed } : { name, args, hidden };
}

/** Gaussian blobs plus uniform background noise, shuffled. */
function blobsWithNoise(
  random: Random,
  d: number,
  blobs: readonly { size: number; deviation: number }[],
  noise: number,
  spread: number,
): number[][] {
  const points: number[][] = [];
  for (const blob of blobs) {
    const center = Array.from({ length: d }, () => random.uniform(-spread, spread));
    for (let i = 0; i < blob.size; i++) points.push(center.map((value) => value + random.normal(0, blob.deviation)));
  }
  for (let i = 0; i < noise; i++) points.push(Array.from({ length: d }, () => random.uniform(-1.5 * spread, 1.5 * spread)));
  return random.shuffle(points);
}

/** Lists the cells of a width × height integer grid, dropping each cell with probability `holes`. */
function grid(random: Random, width: number, height: number, holes: number): number[][] {
  const points: number[][] = [];
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) if (random.float() >= holes) points.push([x, y]);
  }
  return random.shuffle(points);
}

/**
 * Two dense runs on a line with one point between them that is within eps = 2 of a core point of
 * each run but is not a core point itself (minPts = 4): a border point either cluster may claim.
 */
function sharedBorder(offsetX: number, offsetY: number): number[][] {
  return [0, 1, 2, 3, 5, 7, 8, 9, 10].map((x) => [offsetX + x, offsetY]);
}

/** Public tests shown on the task page; the first is the statement's worked example. */
export function samples(): TestCase[] {
  const random = randomFromSeed(11);
  const worked = [
    [0, 0],
    [1, 0],
    [0, 1],
    [1, 1],
    [3, 1],
    [8, 8],
    [8, 9],
    [9, 8],
    [5, 5],
  ];
  return [
    test('sample-1', worked, 2, 3, false),
    test('sample-2', sharedBorder(0, 0), 2, 4, false),
    test(
      'sample-3',
      blobsWithNoise(random, 2, [{ size: 25, deviation: 0.4 }, { size: 20, deviation: 0.3 }], 10, 5).map((row) =>
        row.map((value) => Math.round(value * 100) / 100),
      ),
      0.6,
      4,
      false,
    ),
  ];
}

/** Hidden tests: exact boundaries and edge cases first, then the large (timed) inputs. */
export function hiddenTests(random: Random): TestCase[] {
  const cases: [number[][], number, number, boolean][] = [];
  const add = (points: number[][], eps: number, minPts: number, timed = false) => cases.push([points, eps, minPts, timed]);

  // Integer grids where neighbour distances equal eps exactly. With eps = 1 an interior cell has
  // exactly 5 points in its neighbourhood (itself and 4 neighbours).
  add(grid(random, 12, 9, 0.1), 1, 5);
  add(grid(random, 10, 10, 0.25), 1, 3);
  // eps = 5 with 3-4-5 offsets: diagonal neighbours at distance exactly 5.
  add(
    random.shuffle(grid(random, 8, 8, 0.2).map(([x, y]) => [3 * x + 4 * y, 4 * x - 3 * y + random.int(0, 1) * 10])),
    5,
    4,
  );
  // 3-D integer lattice with eps = 2.
  add(
    random.shuffle(
      Array.from({ length: 150 }, () => [2 * random.int(0, 5), 2 * random.int(0, 5), 2 * random.int(0, 5)]),
    ),
    2,
    4,
  );
  // Border points that two clusters can claim.
  add(
    random.shuffle([...sharedBorder(0, 0), ...sharedBorder(0, 20), ...sharedBorder(30, 5), [15, 15], [-10, 3]]),
    2,
    4,
  );
  // Duplicate points: a stack of equal points is a core point by count alone.
  const stack = [random.int(-5, 5), random.int(-5, 5)];
  add(
    random.shuffle([
      ...Array.from({ length: 4 }, () => stack.slice()),
      ...Array.from({ length: 3 }, () => [stack[0] + 10, stack[1]]),
      [stack[0] + 0.5, stack[1]],
      [stack[0] + 12, stack[1] + 12],
    ]),
    1,
    4,
  );
  // All noise.
  add(blobsWithNoise(random, 2, [], 60, 10), 0.5, 3);
  // A single cluster.
  add(blobsWithNoise(random, 2, [{ size: 80, deviation: 1 }], 0, 0), 3, 3);
  // minPts = 1: every point is a core point, clusters are the connected components.
  add(blobsWithNoise(random, 2, [{ size: 15, deviation: 0.5 }, { size: 15, deviation: 0.5 }], 20, 6), 0.6, 1);
  // minPts larger than any neighbourhood.
  add(blobsWithNoise(random, 2, [{ size: 20, deviation: 0.2 }], 5, 3), 0.5, 50);
  // A single point.
  add([[random.uniform(-1, 1), random.uniform(-1, 1)]], 1, 1);
  // Blobs and noise in 3 and 8 dimensions.
  add(
    blobsWithNoise(random, 3, [{ size: 60, deviation: 0.5 }, { size: 40, deviation: 0.8 }, { size: 10, deviation: 0.2 }], 40, 8),
    1,
    5,
  );
  add(blobsWithNoise(random, 8, [{ size: 100, deviation: 0.5 }, { size: 80, deviation: 0.5 }], 50, 5), 2, 6);

  // Large inputs for the speed grade.
  add(
    blobsWithNoise(
      random,
      2,
      Array.from({ length: 12 }, () => ({ size: random.int(200, 340), deviation: random.uniform(0.5, 1.5) })),
      600,
      40,
    ),
    0.8,
    8,
    true,
  );
  add(
    blobsWithNoise(random, 4, Array.from({ length: 8 }, () => ({ size: 450, deviation: 1 })), 400, 15),
    1.5,
    10,
    true,
  );
  add(
    blobsWithNoise(random, 16, Array.from({ length: 6 }, () => ({ size: 450, deviation: 1 })), 300, 10),
    5,
    10,
    true,
  );

  return cases.map(([points, eps, minPts, timed], index) =>
    test(`hidden-${String(index + 1).padStart(2, '0')}`, points, eps, minPts, true, timed),
  );
}

/**
 * K-means reference solution. Self-contained (no imports): the judge compiles and runs this module
 * in the same isolate as a candidate's code for the speed grade, and imports it on the host.
 *
 * Shapes: `points` is n rows of d finite numbers, 1 ≤ k ≤ n, `seed` an integer in [0, 2^32).
 * Returns `centroids` (k rows of d numbers) and `labels` (n integers in 0..k-1) such that every
 * point is assigned to a nearest centroid, every centroid is the mean of its points, and no
 * cluster is empty.
 *
 * Method: k-means++ seeding (D² sampling) followed by Lloyd iterations until no label changes,
 * restarted 10 times from seeds derived from `seed`. The run with the lowest inertia (sum of
 * squared distances to the assigned centroid) wins, the earliest run on a tie. The judge's quality
 * bound is relative to this output, and the speed grade times this same function. A point keeps its
 * current cluster when another centroid is exactly as near, so Lloyd's loop cannot cycle on ties.
 * An empty cluster takes over the point farthest from its own centroid among clusters with at
 * least two points.
 */

/** Restarts of the exported `kmeans`. */
export const RESTARTS = 10;

/** Safety cap on Lloyd iterations per run. Runs on the hidden data converge far sooner. */
const MAX_ITERATIONS = 500;

// A type alias, not an interface, so that results are assignable to the judge's Json type.
export type KMeansResult = {
  centroids: number[][];
  labels: number[];
};

export function kmeans(points: number[][], k: number, seed: number): KMeansResult {
  return kmeansBestOf(points, k, seed, RESTARTS);
}

/** Runs `restarts` seeded k-means++ runs and returns the one with the lowest inertia. */
export function kmeansBestOf(points: number[][], k: number, seed: number, restarts: number): KMeansResult {
  const n = points.length;
  const d = points[0].length;
  const data = new Float64Array(n * d);
  for (let i = 0; i < n; i++) data.set(points[i], i * d);

  let best: LloydRun | undefined;
  for (let restart = 0; restart < restarts; restart++) {
    const random = mulberry32(mixSeed(seed, restart));
    const run = lloyd(data, n, d, k, seedPlusPlus(data, n, d, k, random));
    if (best === undefined || run.inertia < best.inertia) best = run;
  }
  if (best === undefined) throw new Error('kmeansBestOf needs at least one restart');

  const centroids: number[][] = [];
  for (let c = 0; c < k; c++) centroids.push(Array.from(best.centroids.subarray(c * d, (c + 1) * d)));
  return { centroids, labels: Array.from(best.labels) };
}

interface LloydRun {
  centroids: Float64Array;
  labels: Int32Array;
  inertia: number;
}

/** Squared distance between row i of `a` and row j of `b`, both stored row-major with width d. */
function squaredDistance(a: Float64Array, i: number, b: Float64Array, j: number, d: number): number {
  let sum = 0;
  const offsetA = i * d;
  const offsetB = j * d;
  for (let t = 0; t < d; t++) {
    const difference = a[offsetA + t] - b[offsetB + t];
    sum += difference * difference;
  }
  return sum;
}

/** k-means++: the first centre uniformly, each next one with probability proportional to D². */
function seedPlusPlus(data: Float64Array, n: number, d: number, k: number, random: () => number): Float64Array {
  const centroids = new Float64Array(k * d);
  const chosen = new Uint8Array(n);
  const nearest = new Float64Array(n).fill(Infinity);

  let index = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    chosen[index] = 1;
    centroids.set(data.subarray(index * d, (index + 1) * d), c * d);
    if (c === k - 1) break;

    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i], squaredDistance(data, i, centroids, c, d));
      total += nearest[i];
    }
    index = total > 0 ? sampleByWeight(nearest, total, random) : firstUnchosen(chosen, random);
  }
  return centroids;
}

function sampleByWeight(weights: Float64Array, total: number, random: () => number): number {
  const target = random() * total;
  let cumulative = 0;
  let last = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] === 0) continue;
    cumulative += weights[i];
    last = i;
    if (cumulative > target) return i;
  }
  // Rounding can leave the cumulative sum just below the target; the last positive weight wins then.
  return last;
}

/** Picks a random point not yet used as a centre, for when every remaining point coincides with a centre. */
function firstUnchosen(chosen: Uint8Array, random: () => number): number {
  const start = Math.floor(random() * chosen.length);
  for (let step = 0; step < chosen.length; step++) {
    const i = (start + step) % chosen.length;
    if (chosen[i] === 0) return i;
  }
  return start;
}

/** Lloyd's algorithm from the given centres until no label changes. */
function lloyd(data: Float64Array, n: number, d: number, k: number, centroids: Float64Array): LloydRun {
  const labels = new Int32Array(n).fill(-1);
  const distances = new Float64Array(n);
  const sizes = new Int32Array(k);

  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      const current = labels[i];
      let bestCluster = current;
      let bestDistance = current >= 0 ? squaredDistance(data, i, centroids, current, d) : Infinity;
      for (let c = 0; c < k; c++) {
        if (c === current) continue;
        const distance = squaredDistance(data, i, centroids, c, d);
        if (distance < bestDistance) {
          bestDistance = distance;
          bestCluster = c;
        }
      }
      distances[i] = bestDistance;
      if (bestCluster !== current) {
        labels[i] = bestCluster;
        changed = true;
      }
    }
    if (!changed) break;

    countSizes(labels, sizes);
    fillEmptyClusters(data, d, centroids, labels, distances, sizes);
    updateMeans(data, n, d, k, labels, sizes, centroids);
  }

  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += squaredDistance(data, i, centroids, labels[i], d);
  return { centroids, labels, inertia };
}

function countSizes(labels: Int32Array, sizes: Int32Array): void {
  sizes.fill(0);
  for (let i = 0; i < labels.length; i++) sizes[labels[i]]++;
}

/** Moves the farthest point of a cluster with two or more points into each empty cluster. */
function fillEmptyClusters(
  data: Float64Array,
  d: number,
  centroids: Float64Array,
  labels: Int32Array,
  distances: Float64Array,
  sizes: Int32Array,
): void {
  for (let empty = 0; empty < sizes.length; empty++) {
    if (sizes[empty] > 0) continue;
    let farthest = -1;
    for (let i = 0; i < labels.length; i++) {
      if (sizes[labels[i]] < 2) continue;
      if (farthest < 0 || distances[i] > distances[farthest]) farthest = i;
    }
    sizes[labels[farthest]]--;
    sizes[empty] = 1;
    labels[farthest] = empty;
    distances[farthest] = 0;
    centroids.set(data.subarray(farthest * d, (farthest + 1) * d), empty * d);
  }
}

function updateMeans(
  data: Float64Array,
  n: number,
  d: number,
  k: number,
  labels: Int32Array,
  sizes: Int32Array,
  centroids: Float64Array,
): void {
  centroids.fill(0, 0, k * d);
  for (let i = 0; i < n; i++) {
    const offset = labels[i] * d;
    for (let t = 0; t < d; t++) centroids[offset + t] += data[i * d + t];
  }
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < d; t++) centroids[c * d + t] /= sizes[c];
  }
}

/** Derives a 32-bit seed per restart so that restarts are independent but reproducible. */
function mixSeed(seed: number, restart: number): number {
  let x = (seed ^ Math.imul(restart + 1, 0x9e3779b9)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Mulberry32: a small, fast 32-bit PRNG returning floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

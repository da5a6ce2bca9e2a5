/**
 * DBSCAN reference solution. Self-contained (no imports): the judge compiles and runs this module
 * in the same isolate as a candidate's code for the speed grade, and imports it on the host.
 *
 * Shapes: `points` is n rows of d finite numbers, eps > 0, minPts ≥ 1 an integer. Returns n labels:
 * −1 for noise, clusters numbered 0, 1, … in the order their first core point appears.
 *
 * Conventions: distances are Euclidean, and q is in the neighbourhood of p when dist(p, q) ≤ eps,
 * p itself included. p is a core point when its neighbourhood has at least minPts points. Distances
 * are compared squared (Σ (p_t − q_t)² ≤ eps²), which is exact for integer coordinates and eps.
 * A border point joins the first cluster whose expansion reaches it.
 *
 * Method: the classic expansion from each unvisited core point, with one neighbourhood query per
 * point: O(n²·d) time and O(n) extra memory.
 */

const NOISE = -1;
const UNVISITED = -2;

export function dbscan(points: number[][], eps: number, minPts: number): number[] {
  const n = points.length;
  const d = points[0].length;
  const data = flatten(points);
  const epsSquared = eps * eps;

  const labels = new Int32Array(n).fill(UNVISITED);
  const queue = new Int32Array(n);
  let clusters = 0;

  for (let start = 0; start < n; start++) {
    if (labels[start] !== UNVISITED) continue;
    const neighbours = neighbourhood(data, n, d, start, epsSquared);
    if (neighbours.length < minPts) {
      labels[start] = NOISE;
      continue;
    }

    const cluster = clusters++;
    labels[start] = cluster;
    // Each point enters the queue at most once: it is labelled when it is queued.
    let head = 0;
    let tail = 0;
    for (const q of neighbours) {
      if (labels[q] === UNVISITED || labels[q] === NOISE) {
        labels[q] = cluster;
        queue[tail++] = q;
      }
    }
    while (head < tail) {
      const p = queue[head++];
      const reached = neighbourhood(data, n, d, p, epsSquared);
      if (reached.length < minPts) continue;
      for (const q of reached) {
        if (labels[q] === UNVISITED || labels[q] === NOISE) {
          labels[q] = cluster;
          queue[tail++] = q;
        }
      }
    }
  }
  return Array.from(labels);
}

/** Marks the core points: those with at least minPts points (themselves included) within eps. */
export function corePoints(points: number[][], eps: number, minPts: number): boolean[] {
  const n = points.length;
  const d = points[0].length;
  const data = flatten(points);
  const epsSquared = eps * eps;
  const core: boolean[] = [];
  for (let p = 0; p < n; p++) {
    let count = 0;
    for (let q = 0; q < n && count < minPts; q++) if (withinEps(data, d, p, q, epsSquared)) count++;
    core.push(count >= minPts);
  }
  return core;
}

function flatten(points: number[][]): Float64Array {
  const d = points[0].length;
  const data = new Float64Array(points.length * d);
  for (let i = 0; i < points.length; i++) data.set(points[i], i * d);
  return data;
}

/** Returns whether points p and q are within eps of each other, and stops summing once the sum exceeds eps². */
function withinEps(data: Float64Array, d: number, p: number, q: number, epsSquared: number): boolean {
  let sum = 0;
  for (let t = 0; t < d && sum <= epsSquared; t++) {
    const difference = data[p * d + t] - data[q * d + t];
    sum += difference * difference;
  }
  return sum <= epsSquared;
}

/** Indices of every point within eps of point p, p included. */
function neighbourhood(data: Float64Array, n: number, d: number, p: number, epsSquared: number): number[] {
  const result: number[] = [];
  for (let q = 0; q < n; q++) if (withinEps(data, d, p, q, epsSquared)) result.push(q);
  return result;
}

/**
 * Checker for agglomerative clustering output: a SciPy linkage matrix plus flat labels.
 *
 * The candidate's merges are replayed on the points, with the checker's own Lance–Williams
 * distances. Row i must join two clusters that exist and are not yet merged into cluster n + i of
 * the right size. Its height must equal their linkage distance, and no other pair of clusters may
 * be closer at that moment. Heights must not decrease from row to row. When distances tie,
 * different merge orders give different but equally valid trees, sometimes with different
 * heights, so the replay accepts any of them and the reference's heights serve only to annotate
 * the verdict. The labels must be the clusters of the candidate's own tree after its first
 * n − nClusters merges, numbered in any order.
 */
import type { CheckResult } from '../tasks/types';
import { formatNumber, isClose, maxAbs, type Tolerance } from './numeric';
import { comparePartitions } from './partition';
import { describeType, isArrayLike, readNumberArray, readRecord } from './shape';

export type Linkage = 'single' | 'complete' | 'average' | 'ward';

/** One row of SciPy's linkage matrix: [clusterA, clusterB, height, size]. */
export type Merge = [number, number, number, number];

export type LinkageOutput = {
  labels: number[];
  merges: Merge[];
};

/** Heights agree within 1e-9 relative, plus 1e-12 of the largest coordinate for heights near 0. */
const RELATIVE_TOLERANCE = 1e-9;
const ABSOLUTE_TOLERANCE_PER_SCALE = 1e-12;

/**
 * Checks `output` against the points, the requested number of clusters and the linkage.
 * `expected` is the reference's output, used to tell the candidate when its tree differs from the
 * reference's only by the order of tied merges.
 */
export function checkLinkage(
  points: number[][],
  nClusters: number,
  linkage: Linkage,
  output: unknown,
  expected: LinkageOutput,
): CheckResult {
  const n = points.length;
  const record = readRecord(output, 'output', ['labels', 'merges']);
  if (!record.ok) return { ok: false, message: record.message };
  const merges = readMerges(record.value.merges, n);
  if (typeof merges === 'string') return { ok: false, message: merges };

  let scale = 0;
  for (const point of points) scale = Math.max(scale, maxAbs(point));
  const tolerance: Tolerance = { absolute: ABSOLUTE_TOLERANCE_PER_SCALE * scale, relative: RELATIVE_TOLERANCE };

  const replayMessage = replayMerges(points, linkage, merges, tolerance);
  if (replayMessage !== null) return { ok: false, message: replayMessage };

  const labels = readNumberArray(record.value.labels, 'labels', { length: n, integer: true, min: 0, max: nClusters - 1 });
  if (!labels.ok) return { ok: false, message: labels.message };
  const labelsMessage = comparePartitions(labels.value, cutLabels(n, merges, nClusters));
  if (labelsMessage !== null) {
    return {
      ok: false,
      message: `labels are not the ${nClusters} clusters left after the first ${n - nClusters} merges: ${labelsMessage}`,
    };
  }

  if (!sameSortedHeights(merges, expected.merges, tolerance)) {
    return { ok: true, message: 'accepted: tied distances allow this merge order, whose heights differ from the reference tree' };
  }
  return { ok: true };
}

/** Reads the rows of the linkage matrix. Returns them or a message naming the first problem. */
function readMerges(rawMerges: unknown, n: number): Merge[] | string {
  if (!isArrayLike(rawMerges)) return `merges must be an array of [a, b, height, size] rows, got ${describeType(rawMerges)}`;
  if (rawMerges.length !== n - 1) return `merges has ${rawMerges.length} rows, expected n − 1 = ${n - 1}`;

  const merges: Merge[] = [];
  for (let row = 0; row < rawMerges.length; row++) {
    const values = readNumberArray(rawMerges[row], `merges[${row}]`, { length: 4 });
    if (!values.ok) return values.message;
    const [a, b, height, size] = values.value;
    for (const [column, value] of [[0, a], [1, b], [3, size]] as const) {
      if (!Number.isInteger(value)) return `merges[${row}][${column}] = ${value}, expected an integer`;
    }
    if (height < 0) return `merges[${row}] has height ${formatNumber(height)}, expected a distance ≥ 0`;
    merges.push([a, b, height, size]);
  }
  return merges;
}

/**
 * Index of the pair (i, j), i ≠ j, in a condensed (upper-triangle, row-major) matrix of size n.
 */
function condensedIndex(n: number, i: number, j: number): number {
  if (i > j) {
    const swap = i;
    i = j;
    j = swap;
  }
  return i * n - (i * (i + 1)) / 2 + (j - i - 1);
}

/** Lance–Williams: distance from cluster C to the union of X and Y. Ward works on Euclidean distances. */
function lanceWilliams(linkage: Linkage, dxc: number, dyc: number, dxy: number, nx: number, ny: number, nc: number): number {
  switch (linkage) {
    case 'single':
      return Math.min(dxc, dyc);
    case 'complete':
      return Math.max(dxc, dyc);
    case 'average':
      return (nx * dxc + ny * dyc) / (nx + ny);
    case 'ward': {
      const squared = ((nx + nc) * dxc * dxc + (ny + nc) * dyc * dyc - nc * dxy * dxy) / (nx + ny + nc);
      return Math.sqrt(Math.max(squared, 0));
    }
  }
}

/**
 * Replays the merges in row order. Returns null when every row is a valid greedy step, otherwise a
 * message about the first row that is not.
 *
 * Completeness of the closest-pair test: two clusters that coexist keep the same linkage distance
 * until one of them is merged, and heights never decrease, so the binding constraint on the pair is
 * the row that merges the first of them. Checking both merged clusters against every other live
 * cluster at each row therefore checks every pair at every step, in O(n) per row.
 */
function replayMerges(points: number[][], linkage: Linkage, merges: Merge[], tolerance: Tolerance): string | null {
  const n = points.length;
  const distances = new Float64Array((n * (n - 1)) / 2);
  let index = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let sum = 0;
      for (let k = 0; k < points[i].length; k++) {
        const difference = points[i][k] - points[j][k];
        sum += difference * difference;
      }
      distances[index++] = Math.sqrt(sum);
    }
  }

  // Each live cluster occupies the matrix slot of one of its points.
  const slotOf = new Int32Array(2 * n - 1).fill(-1);
  const clusterInSlot = new Int32Array(n);
  const sizeOf = new Float64Array(n);
  const mergedBy = new Int32Array(2 * n - 1).fill(-1);
  for (let i = 0; i < n; i++) {
    slotOf[i] = i;
    clusterInSlot[i] = i;
    sizeOf[i] = 1;
  }

  let previousHeight = 0;
  for (let row = 0; row < merges.length; row++) {
    const [a, b, height, size] = merges[row];
    const created = n + row;

    for (const cluster of [a, b]) {
      if (cluster < 0 || cluster >= created) {
        return `merges[${row}] uses cluster ${cluster}, which does not exist yet: row ${row} may use clusters 0..${created - 1}`;
      }
      if (mergedBy[cluster] !== -1) {
        return `merges[${row}] uses cluster ${cluster}, which merges[${mergedBy[cluster]}] already merged into cluster ${n + mergedBy[cluster]}`;
      }
    }
    if (a === b) return `merges[${row}] merges cluster ${a} with itself`;

    const slotA = slotOf[a];
    const slotB = slotOf[b];
    const sizeA = sizeOf[slotA];
    const sizeB = sizeOf[slotB];
    if (size !== sizeA + sizeB) {
      return `merges[${row}] has size ${size}, but clusters ${a} and ${b} hold ${sizeA} + ${sizeB} = ${sizeA + sizeB} points`;
    }

    if (row > 0 && !(height >= previousHeight || isClose(height, previousHeight, tolerance))) {
      return (
        `merges[${row}] has height ${formatNumber(height)}, lower than merges[${row - 1}] at ${formatNumber(previousHeight)}: ` +
        'rows must be sorted by height, with cluster n + i formed by row i'
      );
    }
    previousHeight = height;

    const distance = distances[condensedIndex(n, slotA, slotB)];
    if (!isClose(height, distance, tolerance)) {
      return (
        `merges[${row}] joins clusters ${a} and ${b} at height ${formatNumber(height)}, ` +
        `but their ${linkage}-linkage distance is ${formatNumber(distance)}`
      );
    }

    for (let slot = 0; slot < n; slot++) {
      if (sizeOf[slot] === 0 || slot === slotA || slot === slotB) continue;
      const fromA = distances[condensedIndex(n, slotA, slot)];
      const fromB = distances[condensedIndex(n, slotB, slot)];
      const closer = fromA <= fromB ? a : b;
      const other = Math.min(fromA, fromB);
      if (other < distance && !isClose(other, distance, tolerance)) {
        return (
          `merges[${row}] joins clusters ${a} and ${b} at height ${formatNumber(distance)}, ` +
          `but clusters ${closer} and ${clusterInSlot[slot]} are closer: ${formatNumber(other)}`
        );
      }
    }

    // The union takes slot A; slot B is freed.
    for (let slot = 0; slot < n; slot++) {
      if (sizeOf[slot] === 0 || slot === slotA || slot === slotB) continue;
      const indexA = condensedIndex(n, slotA, slot);
      distances[indexA] = lanceWilliams(
        linkage,
        distances[indexA],
        distances[condensedIndex(n, slotB, slot)],
        distance,
        sizeA,
        sizeB,
        sizeOf[slot],
      );
    }
    sizeOf[slotA] = sizeA + sizeB;
    sizeOf[slotB] = 0;
    mergedBy[a] = row;
    mergedBy[b] = row;
    slotOf[created] = slotA;
    clusterInSlot[slotA] = created;
  }
  return null;
}

/** Flat labels of the clusters that exist after the first n − nClusters rows of a valid tree. */
function cutLabels(n: number, merges: Merge[], nClusters: number): number[] {
  const parentOf = new Int32Array(2 * n - 1).fill(-1);
  for (let row = 0; row < n - nClusters; row++) {
    parentOf[merges[row][0]] = n + row;
    parentOf[merges[row][1]] = n + row;
  }
  // A parent's number is always larger than its children's, so one downward pass finds every root.
  const rootOf = new Int32Array(2 * n - 1);
  for (let cluster = 2 * n - 2; cluster >= 0; cluster--) {
    rootOf[cluster] = parentOf[cluster] === -1 ? cluster : rootOf[parentOf[cluster]];
  }
  return Array.from(rootOf.subarray(0, n));
}

function sameSortedHeights(actual: Merge[], expected: Merge[], tolerance: Tolerance): boolean {
  if (actual.length !== expected.length) return false;
  const actualHeights = actual.map((merge) => merge[2]).sort((x, y) => x - y);
  const expectedHeights = expected.map((merge) => merge[2]).sort((x, y) => x - y);
  return actualHeights.every((height, i) => isClose(height, expectedHeights[i], tolerance));
}

/**
 * K-means checker. It accepts any clustering that a correct K-means run can end in, not only the
 * reference's. Labels and centroids must be consistent with each other: every point is assigned to
 * a nearest centroid, every centroid is the mean of its points, no cluster is empty and there are
 * exactly k centroids. The inertia may be at most 5% above that of the reference, the best of 10
 * k-means++ restarts.
 */
import type { CheckResult } from '../tasks/types';
import { formatNumber, norm, squaredDistance } from './numeric';
import { readNumberArray, readNumberMatrix, readRecord } from './shape';

/** Allowed inertia relative to the reference's: 1.05 means at most 5% above it. */
export const INERTIA_FACTOR = 1.05;

/**
 * A centroid coordinate may differ from the mean of its points by this fraction of the largest
 * absolute value of that coordinate among the cluster's points, so float32 rows pass.
 */
export const CENTROID_RELATIVE_TOLERANCE = 1e-6;

/** Distances that differ by less than this fraction count as a tie. */
const DISTANCE_RELATIVE_TOLERANCE = 1e-9;

/** Absolute slack for ties, in units of the squared norms involved, for distances near zero. */
const DISTANCE_ABSOLUTE_TOLERANCE = 1e-12;

export interface KMeansLabels {
  labels: readonly number[];
}

/** Means of the points in each cluster. An empty cluster gets a row of NaN. */
export function clusterMeans(points: readonly (readonly number[])[], labels: readonly number[], k: number): number[][] {
  const d = points[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const sizes = new Array<number>(k).fill(0);
  for (let i = 0; i < points.length; i++) {
    const sum = sums[labels[i]];
    for (let t = 0; t < d; t++) sum[t] += points[i][t];
    sizes[labels[i]]++;
  }
  return sums.map((sum, c) => sum.map((value) => value / sizes[c]));
}

/** Sum of squared distances from each point to the mean of its cluster. */
export function inertiaOf(points: readonly (readonly number[])[], labels: readonly number[], k: number): number {
  const means = clusterMeans(points, labels, k);
  let total = 0;
  for (let i = 0; i < points.length; i++) total += squaredDistance(points[i], means[labels[i]]);
  return total;
}

/** Checks a candidate's K-means output against the data and the reference's labels. */
export function checkKMeans(
  points: readonly (readonly number[])[],
  k: number,
  output: unknown,
  expected: KMeansLabels,
): CheckResult {
  const n = points.length;
  const d = points[0].length;

  const record = readRecord(output, 'the result', ['centroids', 'labels']);
  if (!record.ok) return { ok: false, message: record.message };
  const labelsRead = readNumberArray(record.value.labels, 'labels', { length: n, integer: true, min: 0, max: k - 1 });
  if (!labelsRead.ok) return { ok: false, message: labelsRead.message };
  const centroidsRead = readNumberMatrix(record.value.centroids, 'centroids', { rows: k, columns: d });
  if (!centroidsRead.ok) return { ok: false, message: centroidsRead.message };
  const labels = labelsRead.value;
  const centroids = centroidsRead.value;

  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label]++;
  const empty = sizes.indexOf(0);
  if (empty >= 0) return { ok: false, message: `cluster ${empty} has no points; every cluster needs at least one` };

  const means = clusterMeans(points, labels, k);
  const meanMessage = compareCentroidsWithMeans(points, labels, centroids, means, sizes);
  if (meanMessage !== null) return { ok: false, message: meanMessage };

  const nearestMessage = findNonNearestAssignment(points, labels, means);
  if (nearestMessage !== null) return { ok: false, message: nearestMessage };

  const inertia = inertiaOf(points, labels, k);
  const referenceInertia = inertiaOf(points, expected.labels, k);
  // The slack for a zero reference inertia (k distinct points per cluster) scales with the data's spread.
  const limit = INERTIA_FACTOR * referenceInertia + 1e-9 * inertiaOf(points, new Array<number>(n).fill(0), 1);
  if (inertia > limit) {
    return {
      ok: false,
      message:
        `inertia ${formatNumber(inertia)} is more than 5% above the reference's ` +
        `${formatNumber(referenceInertia)} (limit ${formatNumber(limit)})`,
    };
  }
  return { ok: true };
}

function compareCentroidsWithMeans(
  points: readonly (readonly number[])[],
  labels: readonly number[],
  centroids: readonly number[][],
  means: readonly number[][],
  sizes: readonly number[],
): string | null {
  const d = points[0].length;
  const scales = means.map(() => new Array<number>(d).fill(0));
  for (let i = 0; i < points.length; i++) {
    const scale = scales[labels[i]];
    for (let t = 0; t < d; t++) scale[t] = Math.max(scale[t], Math.abs(points[i][t]));
  }

  for (let c = 0; c < centroids.length; c++) {
    for (let t = 0; t < d; t++) {
      if (Math.abs(centroids[c][t] - means[c][t]) <= CENTROID_RELATIVE_TOLERANCE * scales[c][t]) continue;
      const plural = sizes[c] === 1 ? 'point' : 'points';
      return (
        `centroids[${c}][${t}] = ${formatNumber(centroids[c][t])}, ` +
        `but the mean of its ${sizes[c]} ${plural} is ${formatNumber(means[c][t])}`
      );
    }
  }
  return null;
}

function findNonNearestAssignment(
  points: readonly (readonly number[])[],
  labels: readonly number[],
  means: readonly number[][],
): string | null {
  const meanNorms = means.map((mean) => norm(mean));
  for (let i = 0; i < points.length; i++) {
    const point = points[i];
    const assigned = labels[i];
    const assignedDistance = squaredDistance(point, means[assigned]);
    const pointNorm = norm(point);

    for (let c = 0; c < means.length; c++) {
      if (c === assigned) continue;
      const distance = squaredDistance(point, means[c]);
      if (assignedDistance <= distance) continue;
      const scale = pointNorm + Math.max(meanNorms[assigned], meanNorms[c]);
      const slack = DISTANCE_RELATIVE_TOLERANCE * (assignedDistance + distance) + DISTANCE_ABSOLUTE_TOLERANCE * scale * scale;
      if (assignedDistance - distance <= slack) continue;
      return (
        `labels[${i}] = ${assigned} but centroid ${c} is nearer: ` +
        `${formatNumber(Math.sqrt(distance))} < ${formatNumber(Math.sqrt(assignedDistance))}`
      );
    }
  }
  return null;
}

/**
 * DBSCAN checker. Core points and noise are unique for given points, eps and minPts, so they must
 * match the reference exactly, with clusters compared up to renumbering. A border point (neither
 * core nor noise) may join any cluster that has a core point within eps of it, which is how the
 * classic algorithm's result depends on the visiting order.
 */
import type { CheckResult } from '../tasks/types';
import { squaredDistance } from './numeric';
import { comparePartitions } from './partition';
import { readNumberArray } from './shape';

export interface DbscanExpected {
  /** The reference's labels: −1 for noise, clusters 0..m−1. */
  labels: readonly number[];
  /** core[i] is true when point i is a core point. */
  core: readonly boolean[];
}

/** Checks a candidate's DBSCAN labels against the reference's labels and core points. */
export function checkDbscan(
  points: readonly (readonly number[])[],
  eps: number,
  output: unknown,
  expected: DbscanExpected,
): CheckResult {
  const n = points.length;
  const clusterCount = Math.max(-1, ...expected.labels) + 1;
  const labelsRead = readNumberArray(output, 'labels', { length: n, integer: true, min: -1 });
  if (!labelsRead.ok) return { ok: false, message: labelsRead.message };
  const labels = labelsRead.value;

  for (let i = 0; i < n; i++) {
    if (labels[i] >= clusterCount) {
      return {
        ok: false,
        message: `labels[${i}] = ${labels[i]}, but there are ${clusterCount} clusters, numbered 0 to ${clusterCount - 1}`,
      };
    }
    const isNoise = expected.labels[i] === -1;
    if (isNoise && labels[i] !== -1) {
      return {
        ok: false,
        message: `labels[${i}] = ${labels[i]}, but point ${i} is noise: it is not a core point and no core point is within eps`,
      };
    }
    if (!isNoise && labels[i] === -1) {
      const reason = expected.core[i]
        ? 'it is a core point'
        : 'it is a border point: a core point is within eps of it';
      return { ok: false, message: `labels[${i}] = -1, but point ${i} is not noise: ${reason}` };
    }
  }

  const coreIndices: number[] = [];
  for (let i = 0; i < n; i++) if (expected.core[i]) coreIndices.push(i);
  const partitionMessage = comparePartitions(labels, expected.labels, { indices: coreIndices });
  if (partitionMessage !== null) return { ok: false, message: `core points: ${partitionMessage}` };

  // Every cluster has a core point, so with the core partition matching, every number in
  // 0..m−1 is used and border points can only repeat those numbers.
  const epsSquared = eps * eps;
  for (let i = 0; i < n; i++) {
    if (expected.core[i] || labels[i] === -1) continue;
    const joinable = coreIndices.some(
      (j) => labels[j] === labels[i] && squaredDistance(points[i], points[j]) <= epsSquared,
    );
    if (!joinable) {
      return {
        ok: false,
        message: `labels[${i}] = ${labels[i]}, but border point ${i} has no core point of cluster ${labels[i]} within eps`,
      };
    }
  }
  return { ok: true };
}

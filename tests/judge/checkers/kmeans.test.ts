import { describe, expect, it } from 'vitest';
import { checkKMeans, clusterMeans, inertiaOf } from '@/judge/checkers/kmeans';

const points = [
  [0, 0],
  [0, 2],
  [2, 0],
  [2, 2],
  [10, 10],
  [12, 12],
];
const expected = { labels: [0, 0, 0, 0, 1, 1] };
const centroids = [
  [1, 1],
  [11, 11],
];

function messageOf(output: unknown, data = points, k = 2, reference = expected): string | undefined {
  const result = checkKMeans(data, k, output, reference);
  return result.ok ? undefined : (result.message ?? 'rejected without a message');
}

describe('checkKMeans accepts', () => {
  it('the reference clustering', () => {
    expect(checkKMeans(points, 2, { centroids, labels: expected.labels }, expected)).toEqual({ ok: true });
  });

  it('the same clustering with clusters renumbered', () => {
    expect(messageOf({ centroids: [[11, 11], [1, 1]], labels: [1, 1, 1, 1, 0, 0] })).toBeUndefined();
  });

  it('typed-array rows and labels', () => {
    expect(
      messageOf({ centroids: [new Float64Array([1, 1]), new Float32Array([11, 11])], labels: new Int32Array(expected.labels) }),
    ).toBeUndefined();
  });

  it('float32 rounding of centroids far from the origin', () => {
    const far = [[1e5 + 0.1], [1e5 + 0.3], [-1e5]];
    const rounded = [Array.from(new Float32Array([1e5 + 0.2])), [-1e5]];
    expect(rounded[0][0]).not.toBe(1e5 + 0.2);
    expect(messageOf({ centroids: rounded, labels: [0, 0, 1] }, far, 2, { labels: [0, 0, 1] })).toBeUndefined();
  });

  it('either cluster for a point exactly between two means', () => {
    // Each 0 is 0.5 from both means (-0.5 and 0.5), so both splits of the duplicates are valid.
    const line = [[-1], [0], [0], [1]];
    const reference = { labels: [0, 0, 1, 1] };
    expect(messageOf({ centroids: [[-0.5], [0.5]], labels: [0, 0, 1, 1] }, line, 2, reference)).toBeUndefined();
    expect(messageOf({ centroids: [[-0.5], [0.5]], labels: [0, 1, 0, 1] }, line, 2, reference)).toBeUndefined();
  });

  it('a different clustering of equal inertia', () => {
    // Two optimal splits of a square: left/right and top/bottom.
    const square = [[0, 0], [0, 1], [1, 0], [1, 1]];
    const reference = { labels: [0, 0, 1, 1] };
    expect(messageOf({ centroids: [[0.5, 0], [0.5, 1]], labels: [0, 1, 0, 1] }, square, 2, reference)).toBeUndefined();
  });

  it('k = n with zero inertia', () => {
    const three = [[1], [2], [4]];
    expect(messageOf({ centroids: [[4], [1], [2]], labels: [1, 2, 0] }, three, 3, { labels: [0, 1, 2] })).toBeUndefined();
  });
});

describe('checkKMeans rejects', () => {
  it('an output of the wrong shape', () => {
    expect(messageOf([1, 2])).toBe('the result must be an object with "centroids", "labels", got an array');
    expect(messageOf({ centroids })).toBe('the result is missing "labels"');
    expect(messageOf({ centroids, labels: [0, 0, 0, 0, 1] })).toBe('labels has length 5, expected 6');
    expect(messageOf({ centroids: [[1, 1]], labels: expected.labels })).toBe('centroids has 1 rows, expected 2');
    expect(messageOf({ centroids: [[1, 1], [11]], labels: expected.labels })).toBe('centroids[1] has length 1, expected 2');
  });

  it('labels outside 0..k-1 or not integers', () => {
    expect(messageOf({ centroids, labels: [0, 0, 0, 0, 1, 2] })).toBe('labels[5] = 2, expected at most 1');
    expect(messageOf({ centroids, labels: [0, 0, 0, 0, 1, -1] })).toBe('labels[5] = -1, expected at least 0');
    expect(messageOf({ centroids, labels: [0, 0.5, 0, 0, 1, 1] })).toBe('labels[1] = 0.5, expected an integer');
  });

  it('NaN or infinite centroids', () => {
    expect(messageOf({ centroids: [[1, Number.NaN], [11, 11]], labels: expected.labels })).toBe(
      'centroids[0][1] = NaN, expected a finite number',
    );
    expect(messageOf({ centroids: [[1, 1], [Infinity, 11]], labels: expected.labels })).toBe(
      'centroids[1][0] = Infinity, expected a finite number',
    );
  });

  it('an empty cluster', () => {
    expect(messageOf({ centroids: [...centroids, [50, 50]], labels: expected.labels }, points, 3)).toBe(
      'cluster 2 has no points; every cluster needs at least one',
    );
  });

  it('a centroid that is not the mean of its points', () => {
    expect(messageOf({ centroids: [[1, 1], [11, 12]], labels: expected.labels })).toBe(
      'centroids[1][1] = 12, but the mean of its 2 points is 11',
    );
  });

  it('a point that is not assigned to a nearest centroid', () => {
    const labels = [0, 0, 0, 1, 1, 1];
    const means = clusterMeans(points, labels, 2);
    expect(messageOf({ centroids: means, labels })).toBe('labels[3] = 1 but centroid 0 is nearer: 1.885618083 < 8.485281374');
  });

  it('a consistent clustering whose inertia is more than 5% above the reference', () => {
    // Top/bottom is a fixed point of Lloyd's algorithm on this wide rectangle, but left/right is far better.
    const rectangle = [[0, 0], [0, 1], [10, 0], [10, 1]];
    const reference = { labels: [0, 0, 1, 1] };
    expect(inertiaOf(rectangle, reference.labels, 2)).toBe(1);
    expect(messageOf({ centroids: [[5, 0], [5, 1]], labels: [0, 1, 0, 1] }, rectangle, 2, reference)).toBe(
      "inertia 100 is more than 5% above the reference's 1 (limit 1.050000101)",
    );
  });

  it('at the 5% boundary', () => {
    // On a 10 × h rectangle, top/bottom has inertia 100 and left/right has h²; the reference is left/right.
    const judge = (ratio: number) => {
      const h = Math.sqrt(100 / ratio);
      const rectangle = [[0, 0], [0, h], [10, 0], [10, h]];
      return checkKMeans(rectangle, 2, { centroids: [[5, 0], [5, h]], labels: [0, 1, 0, 1] }, { labels: [0, 0, 1, 1] });
    };
    expect(judge(1.04).ok).toBe(true);
    expect(judge(1.06).ok).toBe(false);
  });
});

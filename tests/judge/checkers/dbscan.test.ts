import { describe, expect, it } from 'vitest';
import { checkDbscan } from '@/judge/checkers/dbscan';
import { corePoints, dbscan } from '@/judge/tasks/dbscan/reference';

// The statement's worked example: points 0–3 are core, 4 is a border point at distance exactly 2
// from core point 3, 5–7 are core, 8 is noise.
const points = [[0, 0], [1, 0], [0, 1], [1, 1], [3, 1], [8, 8], [8, 9], [9, 8], [5, 5]];
const eps = 2;
const minPts = 3;
const expected = { labels: dbscan(points, eps, minPts), core: corePoints(points, eps, minPts) };

// Two runs on a line; the point at x = 5 is a border point of both.
const line = [0, 1, 2, 3, 5, 7, 8, 9, 10].map((x) => [x, 0]);
const lineExpected = { labels: dbscan(line, 2, 4), core: corePoints(line, 2, 4) };

function messageOf(output: unknown, data = points, reference = expected): string | undefined {
  const result = checkDbscan(data, data === points ? eps : 2, output, reference);
  return result.ok ? undefined : (result.message ?? 'rejected without a message');
}

describe('reference on the worked example', () => {
  it('finds the core points, the border point and the noise', () => {
    expect(expected.core).toEqual([true, true, true, true, false, true, true, true, false]);
    expect(expected.labels).toEqual([0, 0, 0, 0, 0, 1, 1, 1, -1]);
  });
});

describe('checkDbscan accepts', () => {
  it('the reference labels, renumbered or not', () => {
    expect(messageOf([0, 0, 0, 0, 0, 1, 1, 1, -1])).toBeUndefined();
    expect(messageOf([1, 1, 1, 1, 1, 0, 0, 0, -1])).toBeUndefined();
    expect(messageOf(new Int32Array([1, 1, 1, 1, 1, 0, 0, 0, -1]))).toBeUndefined();
  });

  it('a border point in either cluster that has a core point within eps', () => {
    expect(lineExpected.labels).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(messageOf([0, 0, 0, 0, 0, 1, 1, 1, 1], line, lineExpected)).toBeUndefined();
    expect(messageOf([0, 0, 0, 0, 1, 1, 1, 1, 1], line, lineExpected)).toBeUndefined();
  });

  it('an all-noise answer when every point is noise', () => {
    const sparse = [[0, 0], [10, 0], [0, 10]];
    const reference = { labels: dbscan(sparse, 1, 2), core: corePoints(sparse, 1, 2) };
    expect(reference.labels).toEqual([-1, -1, -1]);
    expect(checkDbscan(sparse, 1, [-1, -1, -1], reference)).toEqual({ ok: true });
  });
});

describe('checkDbscan rejects', () => {
  it('an output of the wrong shape', () => {
    expect(messageOf({ labels: [] })).toBe('labels must be an array of numbers, got an object');
    expect(messageOf([0, 0, 0])).toBe('labels has length 3, expected 9');
    expect(messageOf([0, 0, 0, 0, 0, 1, 1, 1, -2])).toBe('labels[8] = -2, expected at least -1');
    expect(messageOf([0, 0, 0, 0, 0, 1, 1, 1.5, -1])).toBe('labels[7] = 1.5, expected an integer');
    expect(messageOf([0, 0, 0, 0, 0, 1, 1, 1, Number.NaN])).toBe('labels[8] = NaN, expected a finite number');
  });

  it('a noise point put in a cluster', () => {
    expect(messageOf([0, 0, 0, 0, 0, 1, 1, 1, 1])).toBe(
      'labels[8] = 1, but point 8 is noise: it is not a core point and no core point is within eps',
    );
  });

  it('a core point or a border point labelled noise', () => {
    expect(messageOf([0, 0, 0, -1, 0, 1, 1, 1, -1])).toBe('labels[3] = -1, but point 3 is not noise: it is a core point');
    expect(messageOf([0, 0, 0, 0, -1, 1, 1, 1, -1])).toBe(
      'labels[4] = -1, but point 4 is not noise: it is a border point: a core point is within eps of it',
    );
  });

  it('one cluster split in two or two clusters merged', () => {
    // With the right number of clusters, a split shows up as a number outside 0..m−1.
    expect(messageOf([0, 0, 2, 2, 0, 1, 1, 1, -1])).toBe('labels[2] = 2, but there are 2 clusters, numbered 0 to 1');
    expect(messageOf([0, 0, 1, 1, 0, 1, 1, 1, -1])).toBe(
      'core points: labels[0] = 0 and labels[2] = 1, but those points belong to the same cluster',
    );
    expect(messageOf([0, 0, 0, 0, 0, 0, 0, 0, -1])).toBe(
      'core points: labels[0] and labels[5] are both 0, but those points belong to different clusters',
    );
  });

  it('cluster numbers that skip a value', () => {
    expect(messageOf([0, 0, 0, 0, 0, 2, 2, 2, -1])).toBe('labels[5] = 2, but there are 2 clusters, numbered 0 to 1');
  });

  it('a border point given to a cluster with no core point within eps', () => {
    // Point 0 (x = 0) is a border point of the left run only.
    expect(messageOf([1, 0, 0, 0, 0, 1, 1, 1, 1], line, lineExpected)).toBe(
      'labels[0] = 1, but border point 0 has no core point of cluster 1 within eps',
    );
  });
});

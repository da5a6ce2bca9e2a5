import { describe, expect, it } from 'vitest';
import { checkLinkage, type Linkage, type LinkageOutput, type Merge } from '@/judge/checkers/linkage';
import { randomFromSeed, type Random } from '@/judge/data/random';
import { agglomerative } from '@/judge/tasks/agglomerative/reference';

const LINKAGES: Linkage[] = ['single', 'complete', 'average', 'ward'];

/** Five points on a line. Average linkage merges {0,1} at 1, {2,3} at 3, those two at 6, then 4 at 11.5. */
const line = [[0], [1], [5], [8], [15]];
const lineAverage: LinkageOutput = {
  labels: [0, 0, 0, 0, 1],
  merges: [
    [0, 1, 1, 2],
    [2, 3, 3, 2],
    [5, 6, 6, 4],
    [4, 7, 11.5, 5],
  ],
};

function check(points: number[][], nClusters: number, linkage: Linkage, output: unknown, expected?: LinkageOutput) {
  return checkLinkage(points, nClusters, linkage, output, expected ?? agglomerative(points, nClusters, linkage));
}

function withMerges(merges: Merge[], labels = lineAverage.labels): LinkageOutput {
  return { labels, merges };
}

describe('checkLinkage accepts', () => {
  it('the hand-computed tree', () => {
    expect(check(line, 2, 'average', lineAverage)).toEqual({ ok: true });
  });

  it('the reference output for every linkage', () => {
    const random = randomFromSeed(11);
    const points = Array.from({ length: 40 }, () => [random.normal(), random.normal(), random.normal()]);
    for (const linkage of LINKAGES) {
      const output = agglomerative(points, 4, linkage);
      expect(check(points, 4, linkage, output, output)).toEqual({ ok: true });
    }
  });

  it('rows listing the larger cluster first', () => {
    const swapped = lineAverage.merges.map(([a, b, h, s]): Merge => [b, a, h, s]);
    expect(check(line, 2, 'average', withMerges(swapped)).ok).toBe(true);
  });

  it('typed-array rows and renumbered labels', () => {
    const output = { labels: [1, 1, 1, 1, 0], merges: lineAverage.merges.map((row) => Float64Array.from(row)) };
    expect(check(line, 2, 'average', output).ok).toBe(true);
  });

  it('heights within 1e-9 relative', () => {
    const nudged = lineAverage.merges.map(([a, b, h, s]): Merge => [a, b, h * (1 + 5e-10), s]);
    expect(check(line, 2, 'average', withMerges(nudged)).ok).toBe(true);
  });

  it('a single point with no merges', () => {
    expect(check([[3, 4]], 1, 'ward', { labels: [0], merges: [] })).toEqual({ ok: true });
  });

  it('zero heights with rounding noise for duplicates', () => {
    const points = [[1e6, 1], [1e6, 1], [1e6, 1]];
    const output = { labels: [0, 0, 0], merges: [[0, 1, 0, 2], [2, 3, 1e-10, 3]] };
    expect(check(points, 1, 'ward', output).ok).toBe(true);
  });

  it('another order of tied single-linkage merges', () => {
    // Four corners of a unit square: all four sides tie at distance 1.
    const square = [[0, 0], [1, 0], [1, 1], [0, 1]];
    const orders: Merge[][] = [
      [[0, 1, 1, 2], [2, 3, 1, 2], [4, 5, 1, 4]],
      [[1, 2, 1, 2], [3, 4, 1, 3], [0, 5, 1, 4]],
      [[0, 3, 1, 2], [1, 4, 1, 3], [2, 5, 1, 4]],
    ];
    for (const merges of orders) {
      expect(check(square, 1, 'single', { labels: [0, 0, 0, 0], merges }).ok).toBe(true);
    }
  });

  it('a tie-broken complete-linkage tree whose heights differ from the reference', () => {
    // d(0,1) = d(1,2) = 1. Merging {0,1} first gives heights 1, 1.5, 3.5, but merging {1,2} first gives 1, 2, 3.5.
    const points = [[0], [1], [2], [3.5]];
    const first: LinkageOutput = { labels: [0, 0, 0, 0], merges: [[0, 1, 1, 2], [2, 3, 1.5, 2], [4, 5, 3.5, 4]] };
    const second: LinkageOutput = { labels: [0, 0, 0, 0], merges: [[1, 2, 1, 2], [0, 4, 2, 3], [3, 5, 3.5, 4]] };
    expect(check(points, 1, 'complete', first, first)).toEqual({ ok: true });
    const result = check(points, 1, 'complete', second, first);
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/tied distances/);
  });
});

describe('checkLinkage rejects', () => {
  it('outputs of the wrong shape', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /output must be an object/],
      [{ labels: [0, 0, 0, 0, 1] }, /missing "merges"/],
      [{ labels: [0, 0, 0, 0, 1], merges: 'none' }, /merges must be an array/],
      [withMerges(lineAverage.merges.slice(1)), /merges has 3 rows, expected n − 1 = 4/],
      [withMerges([[0, 1, 1], ...lineAverage.merges.slice(1)] as Merge[]), /merges\[0\] has length 3, expected 4/],
      [withMerges([[0.5, 1, 1, 2], ...lineAverage.merges.slice(1)]), /merges\[0\]\[0\] = 0.5, expected an integer/],
      [withMerges([[0, 1, Number.NaN, 2], ...lineAverage.merges.slice(1)]), /merges\[0\]\[2\] = NaN/],
      [withMerges([[0, 1, Infinity, 2], ...lineAverage.merges.slice(1)]), /expected a finite number/],
      [withMerges([[0, 1, -1, 2], ...lineAverage.merges.slice(1)]), /expected a distance ≥ 0/],
      [withMerges(lineAverage.merges, [0, 0, 0, 0]), /labels has length 4, expected 5/],
      [withMerges(lineAverage.merges, [0, 0, 0, 0, 2]), /labels\[4\] = 2, expected at most 1/],
      [withMerges(lineAverage.merges, [0, 0, 0, 0, 0.5]), /labels\[4\] = 0.5, expected an integer/],
    ];
    for (const [output, message] of cases) {
      const result = check(line, 2, 'average', output);
      expect(result.ok).toBe(false);
      expect(result.message).toMatch(message);
    }
  });

  it('a row that uses a cluster not formed yet', () => {
    const merges: Merge[] = [[0, 6, 1, 2], ...lineAverage.merges.slice(1)];
    expect(check(line, 2, 'average', withMerges(merges)).message).toMatch(/merges\[0\] uses cluster 6, which does not exist yet/);
  });

  it('a cluster merged twice', () => {
    const merges: Merge[] = [[0, 1, 1, 2], [1, 2, 4, 2], [5, 6, 6, 4], [4, 7, 11.5, 5]];
    expect(check(line, 2, 'average', withMerges(merges)).message).toMatch(/uses cluster 1, which merges\[0\] already merged into cluster 5/);
  });

  it('a cluster merged with itself', () => {
    const merges: Merge[] = [[0, 0, 0, 2], ...lineAverage.merges.slice(1)];
    expect(check(line, 2, 'average', withMerges(merges)).message).toMatch(/merges cluster 0 with itself/);
  });

  it('a wrong cluster size', () => {
    const merges: Merge[] = [[0, 1, 1, 2], [2, 3, 3, 2], [5, 6, 6, 3], [4, 7, 11.5, 5]];
    expect(check(line, 2, 'average', withMerges(merges)).message).toMatch(/has size 3, but clusters 5 and 6 hold 2 \+ 2 = 4/);
  });

  it('a height that is not the linkage distance', () => {
    const merges: Merge[] = [[0, 1, 1, 2], [2, 3, 3, 2], [5, 6, 6 * (1 + 1e-7), 4], [4, 7, 11.5, 5]];
    expect(check(line, 2, 'average', withMerges(merges)).message).toMatch(/average-linkage distance is 6$/);
  });

  it('single-linkage heights where average was asked', () => {
    const merges: Merge[] = [[0, 1, 1, 2], [2, 3, 3, 2], [5, 6, 4, 4], [4, 7, 7, 5]];
    expect(check(line, 2, 'average', withMerges(merges)).message).toMatch(/joins clusters 5 and 6 at height 4, but their average-linkage distance is 6/);
  });

  it('rows not sorted by height', () => {
    const merges: Merge[] = [[2, 3, 3, 2], [0, 1, 1, 2], [5, 6, 6, 4], [4, 7, 11.5, 5]];
    expect(check(line, 2, 'average', withMerges(merges)).message).toMatch(/merges\[1\] has height 1, lower than merges\[0\] at 3/);
  });

  it('a merge made while a closer pair exists', () => {
    // Complete linkage on 0, 1, 3: joining 1 and 3 first (at 2) is not greedy although every height is right.
    const points = [[0], [1], [3]];
    const output = { labels: [0, 0, 0], merges: [[1, 2, 2, 2], [0, 3, 3, 3]] };
    expect(check(points, 1, 'complete', output).message).toMatch(/joins clusters 1 and 2 at height 2, but clusters 1 and 0 are closer: 1/);
  });

  it('Ward heights reported as squared distances', () => {
    const points = [[0], [1], [3], [7]];
    const reference = agglomerative(points, 1, 'ward');
    const squared = reference.merges.map(([a, b, h, s]): Merge => [a, b, h * h, s]);
    expect(check(points, 1, 'ward', { labels: [0, 0, 0, 0], merges: squared }).message).toMatch(/ward-linkage distance is 2.886751346/);
  });

  it('labels that do not match the cut', () => {
    const result = check(line, 2, 'average', withMerges(lineAverage.merges, [0, 0, 0, 1, 1]));
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/labels are not the 2 clusters left after the first 3 merges/);
  });
});

/** Point-level linkage distance between two clusters, straight from the definitions. */
function bruteDistance(points: number[][], a: number[], b: number[], linkage: Linkage): number {
  const distance = (p: number[], q: number[]) => Math.hypot(...p.map((value, k) => value - q[k]));
  if (linkage === 'ward') {
    const centroid = (members: number[]) =>
      points[0].map((_, k) => members.reduce((sum, i) => sum + points[i][k], 0) / members.length);
    return Math.sqrt((2 * a.length * b.length) / (a.length + b.length)) * distance(centroid(a), centroid(b));
  }
  const pairs = a.flatMap((i) => b.map((j) => distance(points[i], points[j])));
  if (linkage === 'single') return Math.min(...pairs);
  if (linkage === 'complete') return Math.max(...pairs);
  return pairs.reduce((sum, value) => sum + value, 0) / pairs.length;
}

/**
 * Builds a tree by repeatedly merging a random pair: with probability `greedy` one of the closest
 * pairs (ties broken at random), otherwise any pair. Returns the tree and whether every merge was a
 * closest pair, decided from the definitions rather than from Lance–Williams updates.
 */
function randomTree(random: Random, points: number[][], nClusters: number, linkage: Linkage, greedy: number) {
  const n = points.length;
  let clusters = points.map((_, i) => ({ id: i, members: [i] }));
  const merges: Merge[] = [];
  let valid = true;
  let labels: number[] = points.map((_, i) => i);
  for (let row = 0; row < n - 1; row++) {
    if (clusters.length === nClusters) labels = labelsOf(clusters, n);
    const pairs: Array<[number, number, number]> = [];
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        pairs.push([i, j, bruteDistance(points, clusters[i].members, clusters[j].members, linkage)]);
      }
    }
    const minimum = Math.min(...pairs.map((pair) => pair[2]));
    const closest = pairs.filter((pair) => pair[2] <= minimum * (1 + 1e-12));
    const [i, j, height] = random.float() < greedy ? random.pick(closest) : random.pick(pairs);
    if (height > minimum * (1 + 1e-7)) valid = false;
    const [first, second] = [clusters[i], clusters[j]];
    merges.push([first.id, second.id, height, first.members.length + second.members.length]);
    clusters = clusters.filter((_, index) => index !== i && index !== j);
    clusters.push({ id: n + row, members: [...first.members, ...second.members] });
  }
  if (clusters.length === nClusters) labels = labelsOf(clusters, n);
  return { output: { labels, merges }, valid };
}

function labelsOf(clusters: Array<{ members: number[] }>, n: number): number[] {
  const labels = new Array<number>(n);
  clusters.forEach((cluster, label) => {
    for (const member of cluster.members) labels[member] = label;
  });
  return labels;
}

describe('checkLinkage against a brute-force validator', () => {
  it('agrees on random trees over tie-heavy integer points', () => {
    const random = randomFromSeed(2024);
    let accepted = 0;
    let rejected = 0;
    for (let trial = 0; trial < 240; trial++) {
      const linkage = LINKAGES[trial % 4];
      const n = random.int(2, 10);
      const points = Array.from({ length: n }, () => [random.int(0, 3), random.int(0, 3)]);
      const nClusters = random.int(1, n);
      const { output, valid } = randomTree(random, points, nClusters, linkage, trial % 2 === 0 ? 1 : 0.85);
      const result = check(points, nClusters, linkage, output);
      expect(result.ok, `${linkage} ${JSON.stringify(points)} ${JSON.stringify(output)}: ${result.message}`).toBe(valid);
      if (valid) accepted++;
      else rejected++;
    }
    // Both outcomes must actually occur for the comparison to mean anything.
    expect(accepted).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(20);
  });
});

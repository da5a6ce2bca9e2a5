import { describe, expect, it } from 'vitest';
import { buildResultVisuals, type ClusterPicture, type PcaPicture, type RulesTable } from '../../../lib/results/build-result-visuals';
import { matchLabels } from '../../../lib/results/match-labels';
import { projectPoints } from '../../../lib/results/project-points';
import { readTrainingResult } from '../../../lib/results/read-training-result';

const SIX_POINTS = [
  [0, 0],
  [0, 2],
  [2, 0],
  [2, 2],
  [10, 10],
  [12, 12],
];

function clusters(visuals: ReturnType<typeof buildResultVisuals>): ClusterPicture[] {
  expect(visuals?.kind).toBe('clusters');
  return visuals?.kind === 'clusters' ? visuals.pictures : [];
}

describe('matchLabels', () => {
  it('renumbers a permuted clustering to the reference', () => {
    expect(matchLabels([0, 0, 1, 1, 2], [2, 2, 0, 0, 1])).toEqual([0, 0, 1, 1, 2]);
  });

  it('keeps noise and gives unmatched clusters fresh numbers', () => {
    // Cluster 8 covers only a reference noise point, so it has no partner.
    expect(matchLabels([0, 0, 1, 1, -1, -1], [5, 5, 5, 7, 8, -1])).toEqual([0, 0, 0, 1, 2, -1]);
  });

  it('pairs the largest overlaps first', () => {
    // Candidate cluster 0 overlaps reference 0 on one point and reference 1 on three.
    expect(matchLabels([0, 1, 1, 1, 0, 0], [0, 0, 0, 0, 1, 1])).toEqual([1, 1, 1, 1, 0, 0]);
  });
});

describe('projectPoints', () => {
  it('keeps 2-D points and lays 1-D points on the x axis', () => {
    expect(projectPoints([[1, 2]]).points).toEqual([[1, 2]]);
    expect(projectPoints([[3], [4]])).toEqual({ points: [[3, 0], [4, 0]], axes: 'line', varianceShare: null });
  });

  it('projects 3-D points on their first two principal components', () => {
    // Points on a tilted plane: the third component has no variance.
    const points = [
      [0, 0, 0],
      [1, 1, 0],
      [2, 2, 0],
      [0, 1, 1],
      [1, 2, 1],
      [3, 3, 0],
    ];
    const projection = projectPoints(points);
    expect(projection.axes).toBe('pca');
    expect(projection.varianceShare?.[0]).toBeGreaterThan(0.5);
    expect((projection.varianceShare?.[0] ?? 0) + (projection.varianceShare?.[1] ?? 0)).toBeCloseTo(1, 9);

    // A projection onto the full-variance plane keeps every pairwise distance.
    const distance = (a: number[], b: number[]) => Math.hypot(...a.map((value, index) => value - b[index]));
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        expect(distance(projection.points[i], projection.points[j])).toBeCloseTo(distance(points[i], points[j]), 9);
      }
    }
  });

  it('falls back to raw coordinates for identical points', () => {
    const projection = projectPoints([
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(projection.points.every((point) => point.every(Number.isFinite))).toBe(true);
  });
});

describe('buildResultVisuals', () => {
  it('draws K-means samples with the candidate renumbered to the reference', () => {
    const [picture] = clusters(
      buildResultVisuals('kmeans', [
        {
          name: 'sample-1',
          detail: {
            args: [SIX_POINTS, 2, 7],
            expected: { centroids: [[1, 1], [11, 11]], labels: [0, 0, 0, 0, 1, 1] },
            actual: { centroids: [[11, 11], [1, 1]], labels: [1, 1, 1, 1, 0, 0] },
          },
        },
      ]),
    );
    expect(picture.test).toBe('sample-1');
    expect(picture.axes).toBe('raw');
    expect(picture.points).toEqual(SIX_POINTS);
    expect(picture.reference).toEqual([0, 0, 0, 0, 1, 1]);
    expect(picture.candidate).toEqual([0, 0, 0, 0, 1, 1]);
    expect(picture.differing).toBe(0);
  });

  it('counts the points a wrong clustering colours differently', () => {
    const [picture] = clusters(
      buildResultVisuals('kmeans', [
        { name: 'sample-1', detail: { args: [SIX_POINTS, 2, 7], expected: { labels: [0, 0, 0, 0, 1, 1] }, actual: { labels: [0, 0, 0, 0, 0, 0] } } },
      ]),
    );
    expect(picture.candidate).toEqual([0, 0, 0, 0, 0, 0]);
    expect(picture.differing).toBe(2);
  });

  it('draws DBSCAN labels with noise', () => {
    const [picture] = clusters(
      buildResultVisuals('dbscan', [{ name: 'sample-1', detail: { args: [SIX_POINTS, 3, 2], expected: [0, 0, 0, 0, 1, 1], actual: [1, 1, 1, 1, -1, -1] } }]),
    );
    expect(picture.candidate).toEqual([0, 0, 0, 0, -1, -1]);
    expect(picture.differing).toBe(2);
  });

  it('projects agglomerative samples of three dimensions with PCA', () => {
    const points = SIX_POINTS.map(([x, y], index) => [x, y, index % 2]);
    const [picture] = clusters(
      buildResultVisuals('agglomerative', [
        { name: 'sample-2', detail: { args: [points, 2, 'ward'], expected: { labels: [0, 0, 0, 0, 1, 1], merges: [] }, actual: { labels: [0, 0, 0, 0, 1, 1] } } },
      ]),
    );
    expect(picture.axes).toBe('pca');
    expect(picture.points).toHaveLength(6);
  });

  it('keeps the reference picture when the output is unusable', () => {
    for (const actual of [null, 'text', { labels: [0, 0] }, { labels: [0, 0, 0, 0, 0.5, 1] }, { labels: 'NaN' }]) {
      const [picture] = clusters(buildResultVisuals('kmeans', [{ name: 'sample-1', detail: { args: [SIX_POINTS, 2, 7], expected: { labels: [0, 0, 0, 0, 1, 1] }, actual } }]));
      expect(picture.candidate).toBeNull();
      expect(picture.reference).toEqual([0, 0, 0, 0, 1, 1]);
    }
  });

  it('skips samples without detail or with malformed points', () => {
    expect(buildResultVisuals('kmeans', [{ name: 'sample-1', detail: null }])).toBeNull();
    expect(buildResultVisuals('kmeans', [{ name: 'sample-1', detail: { args: [[[0, 0], [1]], 1, 1], expected: { labels: [0, 0] }, actual: null } }])).toBeNull();
    expect(buildResultVisuals('kmeans', [{ name: 'sample-1', detail: { args: [[[0, 'Infinity']], 1, 1], expected: { labels: [0] }, actual: null } }])).toBeNull();
  });

  it('draws a PCA scree plot and projections with aligned signs', () => {
    const visuals = buildResultVisuals('pca', [
      {
        name: 'sample-1',
        detail: {
          args: [[[13, 21], [11, 23], [9, 17], [7, 19]], 2],
          expected: { components: [], explainedVariance: [10.667, 2.667], projected: [[2.8, 1.4], [2.8, -1.4], [-2.8, 1.4], [-2.8, -1.4]] },
          actual: { components: [], explainedVariance: [10.667, 'NaN'], projected: [[2.8, -1.4], [2.8, 1.4], [-2.8, -1.4], [-2.8, 1.4]] },
        },
      },
    ]);
    expect(visuals?.kind).toBe('pca');
    const picture = (visuals as { pictures: PcaPicture[] }).pictures[0];
    expect(picture.scree).toEqual([
      { component: 1, expected: 10.667, candidate: 10.667 },
      { component: 2, expected: 2.667, candidate: null },
    ]);
    // The candidate's second column has the opposite sign, which the picture undoes.
    expect(picture.candidate).toEqual(picture.expected);
    expect(picture.oneComponent).toBe(false);
  });

  it('draws one PCA component on the x axis', () => {
    const visuals = buildResultVisuals('pca', [
      { name: 'sample-1', detail: { args: [[[1], [2]], 1], expected: { explainedVariance: [0.5], projected: [[-0.5], [0.5]] }, actual: { explainedVariance: [0.5], projected: [[0.5], [-0.5]] } } },
    ]);
    const picture = (visuals as { pictures: PcaPicture[] }).pictures[0];
    expect(picture.oneComponent).toBe(true);
    expect(picture.expected).toEqual([[-0.5, 0], [0.5, 0]]);
    expect(picture.candidate).toEqual([[-0.5, 0], [0.5, 0]]);
  });

  it('compares Apriori rules: match, differs, missing and extra', () => {
    const rule = (antecedent: string[], consequent: string[], support: number, confidence: number, lift: number) => ({ antecedent, consequent, support, confidence, lift });
    const visuals = buildResultVisuals('apriori', [
      {
        name: 'sample-1',
        detail: {
          args: [[['a', 'b']], 0.5, 0.7],
          expected: {
            itemsets: [{}, {}, {}],
            rules: [rule(['b'], ['d'], 0.5, 0.75, 0.9), rule(['c'], ['d'], 0.5, 0.75, 0.9), rule(['a'], ['b', 'c'], 0.2, 0.8, 1.2)],
          },
          actual: {
            itemsets: [{}, {}],
            rules: [rule(['b'], ['d'], 0.5, 0.75, 0.9 + 1e-12), rule(['c'], ['d'], 0.5, 0.6, 0.9), rule(['d'], ['b'], 0.5, 0.6, 0.9), { ...rule(['a'], ['c', 'b'], 0.2, 0.8, 0), lift: 'Infinity' }],
          },
        },
      },
    ]);
    expect(visuals?.kind).toBe('rules');
    const table = (visuals as { tables: RulesTable[] }).tables[0];
    const status = Object.fromEntries(table.rows.map((row) => [`${row.antecedent.join(',')}=>${row.consequent.join(',')}`, row.status]));
    expect(status).toEqual({ 'b=>d': 'match', 'c=>d': 'differs', 'a=>b,c': 'differs', 'd=>b': 'extra' });
    expect(table.rows.find((row) => row.antecedent[0] === 'a')?.candidate?.lift).toBe('Infinity');
    expect(table.itemsets).toEqual({ expected: 3, candidate: 2 });
    expect(table.truncated).toBe(false);
  });

  it('lists every expected rule as missing when the output has none', () => {
    const visuals = buildResultVisuals('apriori', [
      { name: 'sample-1', detail: { args: [], expected: { itemsets: [], rules: [{ antecedent: ['x'], consequent: ['y'], support: 1, confidence: 1, lift: 1 }] }, actual: null } },
    ]);
    const table = (visuals as { tables: RulesTable[] }).tables[0];
    expect(table.rows.map((row) => row.status)).toEqual(['missing']);
    expect(table.itemsets.candidate).toBeNull();
  });

  it('draws nothing for other tasks', () => {
    expect(buildResultVisuals('lstm-scratch', [{ name: 'sample-1', detail: { args: [], expected: [], actual: [] } }])).toBeNull();
  });
});

describe('readTrainingResult', () => {
  it('reads loss curves and finite metrics', () => {
    expect(readTrainingResult({ lossHistory: [1, 0.5, 'NaN'], referenceLossHistory: [0.9, 0.4], metrics: { accuracy: 0.9, bad: 'x' } })).toEqual({
      lossHistory: [1, 0.5, null],
      referenceLossHistory: [0.9, 0.4],
      metrics: [{ name: 'accuracy', value: 0.9 }],
    });
  });

  it('returns null without training data', () => {
    expect(readTrainingResult({ lossHistory: null, referenceLossHistory: null, metrics: null })).toBeNull();
    expect(readTrainingResult({ lossHistory: [], referenceLossHistory: 'x', metrics: [] })).toBeNull();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { describe, expect, it } from 'vitest';
import { inertiaOf } from '@/judge/checkers/kmeans';
import { comparePartitions } from '@/judge/checkers/partition';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/kmeans';
import { kmeans, kmeansBestOf } from '@/judge/tasks/kmeans/reference';
import { judgeOnHost, listFixtures } from './host-judge';

type Args = [number[][], number, number];

function hidden(secret: string) {
  return task.hiddenTests(randomFromSecret(secret, 'kmeans', `v${task.version}`, 'hidden'));
}

describe('kmeans reference', () => {
  it('returns the worked example of the statement', () => {
    const [sample] = task.samples();
    const output = kmeans(...(sample.args as Args));
    expect(output).toEqual({ centroids: [[1, 1], [11, 11]], labels: [0, 0, 0, 0, 1, 1] });
    expect(inertiaOf(sample.args[0] as number[][], output.labels, 2)).toBe(12);
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(path.join(import.meta.dirname, `../../../judge/tasks/kmeans/statement.${locale}.md`), 'utf8');
      expect(statement).toContain('`points = [[0, 0], [0, 2], [2, 0], [2, 2], [10, 10], [12, 12]]`');
      expect(statement).toContain('`k = 2`');
      expect(statement).toContain('`seed = 7`');
      expect(statement).toContain('{ "centroids": [[1, 1], [11, 11]], "labels": [0, 0, 0, 0, 1, 1] }');
    }
  });

  it('splits duplicate points when k exceeds the distinct locations', () => {
    const points = [[1, 1], [1, 1], [1, 1], [5, 5]];
    const output = kmeans(points, 3, 11);
    expect(new Set(output.labels).size).toBe(3);
    expect(inertiaOf(points, output.labels, 3)).toBe(0);
    const identical = Array.from({ length: 5 }, () => [2, -3]);
    expect(new Set(kmeans(identical, 4, 1).labels).size).toBe(4);
  });

  it('handles k = 1 and k = n', () => {
    expect(kmeans([[0, 0], [2, 0], [4, 6]], 1, 3)).toEqual({ centroids: [[2, 2]], labels: [0, 0, 0] });
    const points = [[3], [1], [2]];
    const output = kmeans(points, 3, 5);
    expect(output.centroids.map(([value]) => value).sort()).toEqual([1, 2, 3]);
    expect(output.labels.map((label) => output.centroids[label][0])).toEqual([3, 1, 2]);
  });

  it('is deterministic in its seed', () => {
    const [points, k] = hidden('determinism')[10].args as Args;
    expect(kmeans(points, k, 99)).toEqual(kmeans(points, k, 99));
  });

  // ml-kmeans stops when no centroid moves by more than its tolerance (1e-6) or after 100
  // iterations, rather than when no label changes, and draws its k-means++ seeds with its own
  // PRNG. On well-separated blobs both reach the same optimum, so the partitions and inertias agree.
  it('agrees with ml-kmeans on separated clusters', () => {
    for (const test of hidden('ml-kmeans').filter((entry) => [7, 9, 11, 12].includes(Number(entry.name.slice(7))))) {
      const [points, k, seed] = test.args as Args;
      const ours = kmeans(points, k, seed);
      let best: number[] | undefined;
      for (let trial = 1; trial <= 10; trial++) {
        const theirs = mlKmeans(points, k, { initialization: 'kmeans++', seed: trial, maxIterations: 300 });
        if (best === undefined || inertiaOf(points, theirs.clusters, k) < inertiaOf(points, best, k)) best = theirs.clusters;
      }
      expect(comparePartitions(ours.labels, best!), test.name).toBeNull();
      expect(inertiaOf(points, best!, k) / inertiaOf(points, ours.labels, k)).toBeCloseTo(1, 9);
    }
  });

  it('ends at a fixed point that ml-kmeans does not move from', () => {
    for (const test of hidden('fixed-point').slice(9, 14)) {
      const [points, k, seed] = test.args as Args;
      const ours = kmeans(points, k, seed);
      const theirs = mlKmeans(points, k, { initialization: ours.centroids.map((row) => row.slice()) });
      expect(comparePartitions(theirs.clusters, ours.labels), test.name).toBeNull();
      expect(theirs.iterations, test.name).toBeLessThanOrEqual(2);
    }
  });

  it('passes its own checker on every sample and hidden test', () => {
    for (const secret of ['one', 'two']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const expected = task.reference(...test.args);
        expect(task.check(test.args, expected, expected), `${secret} ${test.name}`).toEqual({ ok: true });
      }
    }
  });

  it('leaves room for a correct ten-restart solution with other seeds', () => {
    for (const test of hidden('robust')) {
      const [points, k, seed] = test.args as Args;
      const other = kmeansBestOf(points, k, (seed ^ 0x5bd1e995) >>> 0, 10);
      expect(task.check(test.args, other, task.reference(...test.args)), test.name).toEqual({ ok: true });
    }
  });
});

describe('kmeans tests', () => {
  it('has samples that do not depend on the secret', () => {
    const samples = task.samples();
    expect(samples).toEqual(task.samples());
    expect(samples.map((sample) => sample.name)).toEqual(['sample-1', 'sample-2', 'sample-3']);
    expect(samples.every((sample) => !sample.hidden)).toBe(true);
  });

  it('generates the same hidden tests from the same secret and others from another', () => {
    expect(hidden('alpha')).toEqual(hidden('alpha'));
    expect(hidden('alpha')).not.toEqual(hidden('beta'));
  });

  it('names hidden tests without revealing their data and times only the large ones', () => {
    const tests = hidden('names');
    expect(tests.length).toBeGreaterThanOrEqual(12);
    expect(tests.length).toBeLessThanOrEqual(30);
    expect(tests.map((test) => test.name)).toEqual(tests.map((_, i) => `hidden-${String(i + 1).padStart(2, '0')}`));
    expect(tests.every((test) => test.hidden)).toBe(true);
    const timed = tests.filter((test) => test.timed);
    expect(timed.length).toBeGreaterThanOrEqual(2);
    expect(timed.length).toBeLessThanOrEqual(4);
    expect(timed.every((test) => (test.args[0] as number[][]).length >= 2000)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map((test) => test.args as Args);
    const distinct = (points: number[][]) => new Set(points.map((row) => row.join(','))).size;
    expect(tests.some(([, k]) => k === 1)).toBe(true);
    expect(tests.some(([points, k]) => k === points.length && distinct(points) === k)).toBe(true);
    expect(tests.some(([points, k]) => k === points.length && distinct(points) < k)).toBe(true);
    expect(tests.some(([points]) => distinct(points) === 1)).toBe(true);
    expect(tests.some(([points, k]) => distinct(points) < k && k < points.length)).toBe(true);
    expect(Math.max(...tests.map(([points]) => points[0].length))).toBe(64);
  });

  it('stays within the statement limits', () => {
    for (const secret of ['limits-1', 'limits-2', 'limits-3', 'limits-4', 'limits-5']) {
      for (const test of [...task.samples(), ...hidden(secret)]) expect(task.validateArgs(test.args), `${secret} ${test.name}`).toBeNull();
    }
  });
});

describe('kmeans validateArgs', () => {
  const points = [[0, 0], [1, 1], [2, 2]];

  it('accepts valid input', () => {
    expect(task.validateArgs([points, 2, 0])).toBeNull();
    expect(task.validateArgs([points, 3, 4294967295])).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[points, 2], 'expected 3 arguments (points, k, seed), got 2'],
      [['points', 2, 0], 'points must be an array of number arrays, got a string'],
      [[[], 1, 0], 'points has 0 points, expected at least 1'],
      [[[[0, 0], [1, 1], [2, 2], [3]], 2, 0], 'points[3] has 1 coordinates, expected 2'],
      [[[[0, Number.NaN]], 1, 0], 'points[0][1] = NaN, expected a finite number'],
      [[Array.from({ length: 5001 }, () => [0]), 2, 0], 'points has 5001 points, at most 5000 are allowed'],
      [[[new Array<number>(65).fill(0)], 1, 0], 'points[0] has 65 coordinates, at most 64 are allowed'],
      [[points, 0, 0], 'k = 0, expected at least 1 (k must be between 1 and min(n, 50))'],
      [[points, 4, 0], 'k = 4, expected at most 3 (k must be between 1 and min(n, 50))'],
      [[points, 1.5, 0], 'k = 1.5, expected an integer (k must be between 1 and min(n, 50))'],
      [[Array.from({ length: 60 }, (_, i) => [i]), 51, 0], 'k = 51, expected at most 50 (k must be between 1 and min(n, 50))'],
      [[points, 2, -1], 'seed = -1, expected at least 0 (seed must be an integer in [0, 2^32))'],
      [[points, 2, 2 ** 32], 'seed = 4294967296, expected at most 4294967295 (seed must be an integer in [0, 2^32))'],
      [[points, 2, '7'], 'seed must be a number, got a string (seed must be an integer in [0, 2^32))'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('kmeans fixtures on the host', () => {
  const fixtures = listFixtures('kmeans').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(task, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('rejects each wrong fixture for its own mistake', async () => {
    const reasons: Record<string, RegExp> = {
      'wrong-numpy-answer-port.ts': /has no points/,
      'wrong-empty-cluster-kept.ts': /has no points/,
      'wrong-stops-before-convergence.ts': /is nearer/,
      'wrong-random-init-single-run.ts': /more than 5% above the reference/,
    };
    for (const [file, reason] of Object.entries(reasons)) {
      const fixture = fixtures.find((entry) => entry.file === file)!;
      for (const secret of ['host-a', 'host-b']) {
        const result = await judgeOnHost(task, fixture, secret);
        expect(result.verdict, `${file} ${secret}`).toBe('wrong_answer');
        expect(result.failures.some((failure) => reason.test(failure.message)), `${file} ${secret}`).toBe(true);
      }
    }
  });
});

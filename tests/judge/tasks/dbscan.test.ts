import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DBSCAN } from 'density-clustering';
import { describe, expect, it } from 'vitest';
import { comparePartitions } from '@/judge/checkers/partition';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/dbscan';
import { corePoints, dbscan } from '@/judge/tasks/dbscan/reference';
import { judgeOnHost, listFixtures } from './host-judge';

type Args = [number[][], number, number];

function hidden(secret: string) {
  return task.hiddenTests(randomFromSecret(secret, 'dbscan', `v${task.version}`, 'hidden'));
}

/**
 * Runs density-clustering's DBSCAN with this task's conventions. Its region query keeps q when
 * distance(p, q) < epsilon (strict) and includes p itself, and a point first marked as noise stays
 * in `noise` even after a cluster claims it as a border point. A distance of 0 within eps and 1
 * beyond it, with epsilon = 0.5, turns the strict test into dist ≤ eps.
 */
function densityClustering(points: number[][], eps: number, minPts: number): number[] {
  const scanner = new DBSCAN();
  const epsSquared = eps * eps;
  const clusters = scanner.run(points, 0.5, minPts, (p, q) =>
    p.reduce((sum, value, t) => sum + (value - q[t]) ** 2, 0) <= epsSquared ? 0 : 1,
  );
  const labels = new Array<number>(points.length).fill(-1);
  clusters.forEach((members, cluster) => members.forEach((i) => (labels[i] = cluster)));
  return labels;
}

describe('dbscan reference', () => {
  it('returns the worked example of the statement', () => {
    const [sample] = task.samples();
    expect(sample.args).toEqual([[[0, 0], [1, 0], [0, 1], [1, 1], [3, 1], [8, 8], [8, 9], [9, 8], [5, 5]], 2, 3]);
    expect(dbscan(...(sample.args as Args))).toEqual([0, 0, 0, 0, 0, 1, 1, 1, -1]);
    expect(corePoints(...(sample.args as Args))).toEqual([true, true, true, true, false, true, true, true, false]);
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(path.join(import.meta.dirname, `../../../judge/tasks/dbscan/statement.${locale}.md`), 'utf8');
      expect(statement).toContain('`points = [[0, 0], [1, 0], [0, 1], [1, 1], [3, 1], [8, 8], [8, 9], [9, 8], [5, 5]]`');
      expect(statement).toContain('`[0, 0, 0, 0, 0, 1, 1, 1, -1]`');
    }
  });

  it('lets either run claim the shared border point of sample 2', () => {
    const [points, eps, minPts] = task.samples()[1].args as Args;
    expect(points.map(([x]) => x)).toEqual([0, 1, 2, 3, 5, 7, 8, 9, 10]);
    expect(corePoints(points, eps, minPts)).toEqual([false, true, true, true, false, true, true, true, false]);
    expect(task.check(task.samples()[1].args, [0, 0, 0, 0, 1, 1, 1, 1, 1], dbscan(points, eps, minPts))).toEqual({ ok: true });
  });

  it('counts distances equal to eps and the point itself', () => {
    // On a unit grid with eps = 1, an inner point has exactly 5 points in its neighbourhood.
    const grid = Array.from({ length: 9 }, (_, i) => [i % 3, Math.floor(i / 3)]);
    expect(corePoints(grid, 1, 5)).toEqual([false, false, false, false, true, false, false, false, false]);
    expect(dbscan(grid, 1, 5)).toEqual([-1, 0, -1, 0, 0, 0, -1, 0, -1]);
    expect(dbscan(grid, 1, 6)).toEqual(new Array(9).fill(-1));
    expect(dbscan([[4, 4], [4, 4], [4, 4]], 0.5, 3)).toEqual([0, 0, 0]);
    expect(dbscan([[0, 0], [3, 4]], 5, 2)).toEqual([0, 0]);
  });

  it('agrees with density-clustering on the hidden tests', () => {
    // density-clustering merges neighbour lists with indexOf, which is slow on the large inputs.
    for (const test of hidden('density-clustering').filter((entry) => entry.name !== 'hidden-15' && entry.name !== 'hidden-16')) {
      const [points, eps, minPts] = test.args as Args;
      const ours = dbscan(points, eps, minPts);
      const theirs = densityClustering(points, eps, minPts);
      // Both visit points in index order and expand breadth-first, so even border points agree.
      expect(comparePartitions(ours, theirs), test.name).toBeNull();
      expect(task.check(test.args, theirs, ours), test.name).toEqual({ ok: true });
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
});

describe('dbscan tests', () => {
  it('has samples that do not depend on the secret', () => {
    expect(task.samples()).toEqual(task.samples());
    expect(task.samples().map((sample) => sample.name)).toEqual(['sample-1', 'sample-2', 'sample-3']);
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
    const timed = tests.filter((test) => test.timed);
    expect(timed.length).toBe(3);
    expect(timed.every((test) => (test.args[0] as number[][]).length >= 3000)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map((test) => test.args as Args);
    const outputs = tests.map((args) => dbscan(...args));
    const exactPairs = ([points, eps]: Args) =>
      points.some((p, i) => points.some((q, j) => j > i && p.reduce((sum, value, t) => sum + (value - q[t]) ** 2, 0) === eps * eps));
    expect(tests.some((args) => exactPairs(args))).toBe(true);
    expect(tests.some(([points]) => new Set(points.map((row) => row.join(','))).size < points.length)).toBe(true);
    expect(outputs.some((labels) => labels.every((label) => label === -1))).toBe(true);
    expect(outputs.some((labels) => labels.every((label) => label === 0))).toBe(true);
    expect(tests.some(([, , minPts]) => minPts === 1)).toBe(true);
    expect(tests.some(([points]) => points.length === 1)).toBe(true);
    // A border point within eps of core points of two different clusters.
    expect(
      tests.some(([points, eps, minPts], index) => {
        const core = corePoints(points, eps, minPts);
        const labels = outputs[index];
        return points.some((p, i) => {
          if (core[i] || labels[i] === -1) return false;
          const reachable = new Set(
            points
              .map((q, j) => (core[j] && p.reduce((sum, value, t) => sum + (value - q[t]) ** 2, 0) <= eps * eps ? labels[j] : -1))
              .filter((label) => label >= 0),
          );
          return reachable.size > 1;
        });
      }),
    ).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const secret of ['limits-1', 'limits-2', 'limits-3', 'limits-4', 'limits-5']) {
      for (const test of [...task.samples(), ...hidden(secret)]) expect(task.validateArgs(test.args), `${secret} ${test.name}`).toBeNull();
    }
  });
});

describe('dbscan validateArgs', () => {
  const points = [[0, 0], [1, 1]];

  it('accepts valid input', () => {
    expect(task.validateArgs([points, 0.5, 1])).toBeNull();
    expect(task.validateArgs([[[0]], 1e-9, 100])).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[points, 1], 'expected 3 arguments (points, eps, minPts), got 2'],
      [[null, 1, 2], 'points must be an array of number arrays, got null'],
      [[[], 1, 2], 'points has 0 points, expected at least 1'],
      [[[[0, 0], [1, 1], [2, 2], [3]], 1, 2], 'points[3] has 1 coordinates, expected 2'],
      [[[['0', 0]], 1, 2], 'points[0][0] must be a number, got a string'],
      [[[new Array<number>(17).fill(0)], 1, 2], 'points[0] has 17 coordinates, at most 16 are allowed'],
      [[Array.from({ length: 5001 }, () => [0]), 1, 2], 'points has 5001 points, at most 5000 are allowed'],
      [[points, 0, 2], 'eps = 0, expected a positive number'],
      [[points, -1, 2], 'eps = -1, expected a positive number'],
      [[points, Infinity, 2], 'eps = Infinity, expected a finite number'],
      [[points, Number.NaN, 2], 'eps = NaN, expected a finite number'],
      [[points, 1, 0], 'minPts = 0, expected at least 1'],
      [[points, 1, 2.5], 'minPts = 2.5, expected an integer'],
      [[points, 1, '2'], 'minPts must be a number, got a string'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('dbscan fixtures on the host', () => {
  const fixtures = listFixtures('dbscan').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    // The wrong fixtures are O(n²) with slow inner loops and fail on the small tests already.
    const result = await judgeOnHost(task, fixture, 'host-fixtures', { skipTimed: fixture.expected !== 'accepted' });
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });
});

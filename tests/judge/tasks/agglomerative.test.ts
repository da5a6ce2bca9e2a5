import { readFileSync } from 'node:fs';
import path from 'node:path';
import { agnes, type Cluster } from 'ml-hclust';
import { describe, expect, it } from 'vitest';
import type { Linkage, LinkageOutput, Merge } from '@/judge/checkers/linkage';
import { comparePartitions } from '@/judge/checkers/partition';
import { randomFromSecret, randomFromSeed, type Random } from '@/judge/data/random';
import { compileSource } from '@/judge/sandbox/compile-source';
import { task, validateArgs } from '@/judge/tasks/agglomerative';
import { workedExample } from '@/judge/tasks/agglomerative/generator';
import { agglomerative } from '@/judge/tasks/agglomerative/reference';
import type { Json, TaskDefinition } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';

const LINKAGES: Linkage[] = ['single', 'complete', 'average', 'ward'];

function gaussianPoints(random: Random, n: number, d: number): number[][] {
  return Array.from({ length: n }, () => Array.from({ length: d }, () => random.normal(0, 3)));
}

function sortedHeights(merges: Merge[]): number[] {
  return merges.map((merge) => merge[2]).sort((a, b) => a - b);
}

/** Leaf indices under each of the k subtrees left when the k − 1 highest merges are undone. */
function cutHclustTree(root: Cluster, k: number, n: number): number[] {
  const internal: Cluster[] = [];
  root.traverse((node) => {
    if (!node.isLeaf) internal.push(node);
  });
  const split = new Set(internal.sort((a, b) => b.height - a.height).slice(0, k - 1));
  const labels = new Array<number>(n);
  let next = 0;
  const visit = (node: Cluster): void => {
    if (split.has(node)) {
      node.children.forEach(visit);
      return;
    }
    const label = next++;
    for (const leaf of node.indices()) labels[leaf] = label;
  };
  visit(root);
  return labels;
}

describe('agglomerative reference against ml-hclust', () => {
  // ml-hclust 4's agnes returns a tree of Cluster objects rather than a linkage matrix, so the tests
  // compare sorted heights and the partition at k clusters. Its 'ward' applies the squared-distance
  // Lance–Williams coefficients to plain distances, which matches neither SciPy nor Ward on squared
  // distances. Its 'ward2' is SciPy's Ward, so that is the method compared here.
  const hclustMethod = { single: 'single', complete: 'complete', average: 'average', ward: 'ward2' } as const;

  for (const linkage of LINKAGES) {
    it(`matches heights and partitions for ${linkage} linkage`, () => {
      const random = randomFromSeed(LINKAGES.indexOf(linkage) + 100);
      for (const [n, d, k] of [[30, 2, 3], [80, 5, 4], [150, 3, 7]]) {
        const points = gaussianPoints(random, n, d);
        const ours = agglomerative(points, k, linkage);
        const tree = agnes(points, { method: hclustMethod[linkage] });

        const theirs: number[] = [];
        tree.traverse((node) => {
          if (!node.isLeaf) theirs.push(node.height);
        });
        theirs.sort((a, b) => a - b);
        const heights = sortedHeights(ours.merges);
        expect(heights).toHaveLength(theirs.length);
        heights.forEach((height, i) => expect(height).toBeCloseTo(theirs[i], 9));
        expect(comparePartitions(ours.labels, cutHclustTree(tree, k, n))).toBeNull();
      }
    });
  }
});

/**
 * Runs the O(n³) greedy algorithm straight from the definitions: point-level min, max and mean
 * distances, and Ward from centroids. It shares no code with Lance–Williams or the chain.
 */
function greedyFromDefinitions(points: number[][], linkage: Linkage): Merge[] {
  const n = points.length;
  const distance = (p: number[], q: number[]) => Math.hypot(...p.map((value, k) => value - q[k]));
  const centroid = (members: number[]) => points[0].map((_, k) => members.reduce((sum, i) => sum + points[i][k], 0) / members.length);
  const between = (a: number[], b: number[]) => {
    if (linkage === 'ward') return Math.sqrt((2 * a.length * b.length) / (a.length + b.length)) * distance(centroid(a), centroid(b));
    const pairs = a.flatMap((i) => b.map((j) => distance(points[i], points[j])));
    if (linkage === 'single') return Math.min(...pairs);
    if (linkage === 'complete') return Math.max(...pairs);
    return pairs.reduce((sum, value) => sum + value, 0) / pairs.length;
  };

  let clusters = points.map((_, i) => ({ id: i, members: [i] }));
  const merges: Merge[] = [];
  for (let row = 0; row < n - 1; row++) {
    let best: [number, number, number] = [0, 1, Infinity];
    for (let i = 0; i < clusters.length; i++) {
      for (let j = i + 1; j < clusters.length; j++) {
        const value = between(clusters[i].members, clusters[j].members);
        if (value < best[2]) best = [i, j, value];
      }
    }
    const [i, j, height] = best;
    const [a, b] = [clusters[i], clusters[j]];
    merges.push([Math.min(a.id, b.id), Math.max(a.id, b.id), height, a.members.length + b.members.length]);
    clusters = clusters.filter((_, index) => index !== i && index !== j);
    clusters.push({ id: n + row, members: [...a.members, ...b.members] });
  }
  return merges;
}

describe('agglomerative reference', () => {
  it('equals the greedy algorithm row by row on data without ties', () => {
    const random = randomFromSeed(7);
    for (const linkage of LINKAGES) {
      for (const n of [2, 3, 12, 40]) {
        const points = gaussianPoints(random, n, 3);
        const ours = agglomerative(points, 1, linkage).merges;
        const greedy = greedyFromDefinitions(points, linkage);
        ours.forEach((row, i) => {
          expect(row.slice(0, 2)).toEqual(greedy[i].slice(0, 2));
          expect(row[2]).toBeCloseTo(greedy[i][2], 10);
          expect(row[3]).toBe(greedy[i][3]);
        });
      }
    }
  });

  it('computes the worked example by hand', () => {
    expect(agglomerative(workedExample.points, 2, 'average')).toEqual({
      labels: [0, 0, 0, 0, 1],
      merges: [
        [0, 1, 1, 2],
        [2, 3, 3, 2],
        [5, 6, 6, 4],
        [4, 7, 11.5, 5],
      ],
    });
    expect(sortedHeights(agglomerative(workedExample.points, 1, 'single').merges)).toEqual([1, 3, 4, 7]);
    expect(sortedHeights(agglomerative(workedExample.points, 1, 'complete').merges)).toEqual([1, 3, 8, 15]);
  });

  it('computes Ward heights on Euclidean distances', () => {
    // Heights: {0,1} at 1, then {0,1} with 3 at sqrt(2·2·1/3)·|0.5 − 3|, then {0,1,3} with 7 at sqrt(2·3·1/4)·|4/3 − 7|.
    const { merges } = agglomerative([[0], [1], [3], [7]], 1, 'ward');
    expect(merges.map((row) => row[2])).toEqual([1, Math.sqrt(4 / 3) * 2.5, Math.sqrt(1.5) * (7 - 4 / 3)].map((value) => expect.closeTo(value, 12)));
    expect(merges.map((row) => [row[0], row[1], row[3]])).toEqual([[0, 1, 2], [2, 4, 3], [3, 5, 4]]);
  });

  it('handles one point, duplicates and nClusters = n', () => {
    expect(agglomerative([[1, 2]], 1, 'ward')).toEqual({ labels: [0], merges: [] });
    const duplicates = agglomerative([[2, 2], [2, 2], [2, 2]], 1, 'ward');
    expect(duplicates.merges).toEqual([[0, 1, 0, 2], [2, 3, 0, 3]]);
    expect(agglomerative([[0], [4], [9]], 3, 'single').labels).toEqual([0, 1, 2]);
  });

  it('passes its own checker on every sample and hidden test', () => {
    const tests = [...task.samples(), ...task.hiddenTests(randomFromSecret('reference-check', 'agglomerative', 'v1', 'hidden'))];
    for (const test of tests) {
      const expected = task.reference(...test.args);
      const output = JSON.parse(JSON.stringify(expected)) as Json;
      expect(task.check(test.args, output, expected), test.name).toEqual({ ok: true });
    }
  });
});

describe('agglomerative statement', () => {
  for (const locale of ['en', 'zh-CN']) {
    it(`shows the reference output for the worked example (${locale})`, () => {
      const text = readFileSync(path.join(import.meta.dirname, '../../../judge/tasks/agglomerative', `statement.${locale}.md`), 'utf8');
      const call = /```ts\nagglomerative\((.*)\)\n```/.exec(text);
      const output = /```json\n([\s\S]*?)\n```/.exec(text);
      expect(call).not.toBeNull();
      expect(output).not.toBeNull();

      const args = JSON.parse(`[${call![1]}]`) as Json[];
      expect(args).toEqual([workedExample.points, workedExample.nClusters, workedExample.linkage]);
      expect(JSON.parse(output![1])).toEqual(task.reference(...args));
      expect(task.samples()[0].args).toEqual(args);
    });
  }
});

describe('agglomerative generator', () => {
  const secretA = randomFromSecret('secret-a', 'agglomerative', 'v1', 'hidden');

  it('is deterministic and depends on the secret', () => {
    const first = task.hiddenTests(randomFromSecret('secret-a', 'agglomerative', 'v1', 'hidden'));
    const again = task.hiddenTests(randomFromSecret('secret-a', 'agglomerative', 'v1', 'hidden'));
    const other = task.hiddenTests(randomFromSecret('secret-b', 'agglomerative', 'v1', 'hidden'));
    expect(again).toEqual(first);
    expect(other.map((test) => test.args)).not.toEqual(first.map((test) => test.args));
    expect(task.samples()).toEqual(task.samples());
  });

  it('names, sizes and marks the tests as the contract asks', () => {
    const hidden = task.hiddenTests(secretA);
    expect(hidden.length).toBeGreaterThanOrEqual(12);
    expect(hidden.length).toBeLessThanOrEqual(30);
    hidden.forEach((test, i) => {
      expect(test.name).toBe(`hidden-${String(i + 1).padStart(2, '0')}`);
      expect(test.hidden).toBe(true);
      expect(validateArgs(test.args)).toBeNull();
    });
    const timed = hidden.filter((test) => test.timed);
    expect(timed).toHaveLength(3);
    for (const test of timed) expect((test.args[0] as number[][]).length).toBe(3000);

    const samples = task.samples();
    expect(samples.length).toBeGreaterThanOrEqual(2);
    expect(samples.length).toBeLessThanOrEqual(4);
    for (const sample of samples) {
      expect(sample.hidden).toBe(false);
      expect(validateArgs(sample.args)).toBeNull();
    }
  });

  it('covers every linkage, n = 1, nClusters = n, ties and duplicates', () => {
    const hidden = task.hiddenTests(secretA);
    const linkages = new Set(hidden.map((test) => test.args[2]));
    expect(linkages).toEqual(new Set(LINKAGES));
    const shapes = hidden.map((test) => ({ points: test.args[0] as number[][], nClusters: test.args[1] as number }));
    expect(shapes.some(({ points }) => points.length === 1)).toBe(true);
    expect(shapes.some(({ points, nClusters }) => points.length > 1 && nClusters === points.length)).toBe(true);
    expect(shapes.some(({ points, nClusters }) => points.length > 1 && nClusters === 1)).toBe(true);
    expect(shapes.some(({ points }) => new Set(points.map((point) => point.join())).size === 1 && points.length > 1)).toBe(true);
    expect(shapes.some(({ points }) => new Set(points.map((point) => point.join())).size < points.length / 2)).toBe(true);
  });
});

describe('agglomerative validateArgs', () => {
  it('accepts valid input', () => {
    expect(validateArgs([[[0, 1], [2, 3]], 2, 'ward'])).toBeNull();
    expect(validateArgs([[[5]], 1, 'single'])).toBeNull();
  });

  it('rejects each kind of invalid input', () => {
    const cases: Array<[unknown[], string]> = [
      [[[[0, 1]], 1], 'expected 3 arguments (points, nClusters, linkage), got 2'],
      [['points', 1, 'ward'], 'points must be an array of number arrays, got a string'],
      [[[], 1, 'ward'], 'points is empty, expected at least 1 point'],
      [[[[0, 1], [2, 3], [4, 5], [1]], 1, 'ward'], 'points[3] has 1 coordinates, expected 2'],
      [[[[0, Number.NaN]], 1, 'ward'], 'points[0][1] = NaN, expected a finite number'],
      [[[[0, '1']], 1, 'ward'], 'points[0][1] must be a number, got a string'],
      [[[[]], 1, 'ward'], 'points[0] has 0 coordinates, expected at least 1'],
      [[Array.from({ length: 3001 }, () => [0]), 1, 'ward'], 'points has 3001 points, at most 3000 are allowed'],
      [[[new Array(65).fill(0)], 1, 'ward'], 'points[0] has 65 coordinates, at most 64 are allowed'],
      [[[[0], [1]], 0, 'ward'], 'nClusters = 0, expected at least 1'],
      [[[[0], [1]], 3, 'ward'], 'nClusters = 3, expected at most 2'],
      [[[[0], [1]], 1.5, 'ward'], 'nClusters = 1.5, expected an integer'],
      [[[[0], [1]], 1, 'centroid'], 'linkage is "centroid", expected one of "single", "complete", "average", "ward"'],
      [[[[0], [1]], 1, null], 'linkage is null, expected one of "single", "complete", "average", "ward"'],
    ];
    for (const [args, message] of cases) expect(validateArgs(args)).toBe(message);
  });
});

describe('agglomerative metadata', () => {
  it('describes the task for the catalogue', () => {
    expect(task).toMatchObject({ slug: 'agglomerative', taskSlug: 'agglomerative', part: 'main', version: 1, functionName: 'agglomerative', topic: 'clustering', ready: true });
    for (const locale of ['en', 'zh-CN'] as const) {
      expect(task.title[locale].length).toBeGreaterThan(0);
      expect(task.statement[locale]).toContain('export function agglomerative(points: number[][], nClusters: number,');
    }
  });

  it('states the limits it enforces', () => {
    const { cpuMsPerTest, memoryMb, sourceBytes } = task.limits;
    expect(task.statement.en).toContain(`| CPU time | ${cpuMsPerTest / 1000} s per test |`);
    expect(task.statement.en).toContain(`| Memory | ${memoryMb} MiB |`);
    expect(task.statement.en).toContain(`| Source size | ${sourceBytes / 1024} KiB |`);
    expect(task.statement['zh-CN']).toContain(`| CPU 时间 | 每个测试 ${cpuMsPerTest / 1000} 秒 |`);
    expect(task.statement['zh-CN']).toContain(`| 内存 | ${memoryMb} MiB |`);
    expect(task.statement['zh-CN']).toContain(`| 代码大小 | ${sourceBytes / 1024} KiB |`);
  });

  it('compiles the reference like a submission', () => {
    const source = readFileSync(task.referencePath, 'utf8');
    const compiled = compileSource({ source, language: 'typescript', functionName: 'agglomerative', maxBytes: task.limits.sourceBytes });
    expect(compiled.ok).toBe(true);
  });

  it('starts from starter code the checker rejects cleanly', () => {
    const compiled = compileSource({ source: task.starterCode, language: 'typescript', functionName: 'agglomerative', maxBytes: task.limits.sourceBytes });
    if (!compiled.ok) throw new Error(compiled.message);
    const module = { exports: {} as Record<string, (...args: Json[]) => Json> };
    new Function('module', 'exports', compiled.code)(module, module.exports);

    const sample = task.samples()[0];
    const result = task.check(sample.args, module.exports.agglomerative(...sample.args), task.reference(...sample.args));
    expect(result).toEqual({ ok: false, message: 'merges has 0 rows, expected n − 1 = 4' });
  });
});

describe('agglomerative fixtures on the host', () => {
  // The sandboxed fixture runner decides the real verdicts. Here the verdicts that do not depend
  // on time are reproduced in-process, so a checker problem shows up with its message.
  const fixtures = listFixtures('agglomerative');
  // Every fixture runs on the same tests, so their data and reference outputs are computed once.
  const hidden = task.hiddenTests(randomFromSecret('host-fixtures', 'agglomerative', 'v1', 'hidden'));
  const expectedOutputs = new WeakMap<Json[], LinkageOutput>();
  const cachedTask: TaskDefinition<LinkageOutput> = {
    ...task,
    hiddenTests: () => hidden,
    reference: (...args) => {
      const key = args[0] as Json[];
      let output = expectedOutputs.get(key);
      if (output === undefined) {
        output = task.reference(...args);
        expectedOutputs.set(key, output);
      }
      return output;
    },
  };

  for (const fixture of fixtures.filter((entry) => ['accepted', 'wrong_answer', 'runtime_error'].includes(entry.expected))) {
    it(`${fixture.file} gets ${fixture.expected}`, { timeout: 120_000 }, async () => {
      // Every wrong_answer fixture already fails a small test, so only accepted fixtures also run the timed ones.
      const tests = fixture.expected === 'accepted' ? hidden : hidden.filter((test) => !test.timed);
      const result = await judgeOnHost({ ...cachedTask, hiddenTests: () => tests }, fixture, 'host-fixtures');
      expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
    });
  }

  it('time-limit-naive-cubic.ts is correct on every untimed test', async () => {
    const module = (await import('../fixtures/agglomerative/time-limit-naive-cubic')) as {
      agglomerative: (...args: Json[]) => Json;
    };
    for (const test of [...task.samples(), ...hidden].filter((entry) => !entry.timed)) {
      const result = task.check(test.args, module.agglomerative(...test.args), cachedTask.reference(...test.args));
      expect(result.ok, `${test.name}: ${result.message}`).toBe(true);
    }
  });

  it('has the fixtures the task needs', () => {
    const expected = new Map(fixtures.map((entry) => [entry.file, entry.expected]));
    expect(expected.get('compile-error-seed-sklearn-port.ts')).toBe('compile_error');
    expect(expected.get('time-limit-infinite-loop.ts')).toBe('time_limit_exceeded');
    expect(expected.get('runtime-error-throws.ts')).toBe('runtime_error');
    expect([...expected.values()].filter((verdict) => verdict === 'wrong_answer').length).toBeGreaterThanOrEqual(4);
  });
});

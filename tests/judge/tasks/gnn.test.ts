import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomFromSecret } from '@/judge/data/random';
import { task } from '@/judge/tasks/gnn';
import { GCN_TOLERANCE } from '@/judge/tasks/gnn/scratch';
import { gcnModel } from '@/judge/tasks/gnn/scratch/model';
import { gcnLayer, type GcnOptions, type GcnWeights, type GraphInput } from '@/judge/tasks/gnn/scratch/reference';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { Json, TestCase } from '@/judge/tasks/types';
import { judgeOnHost, listFixtures } from './host-judge';
import { toleranceUsed, withCachedReference } from './neural-helpers';

type Args = [GraphInput, GcnWeights, GcnOptions];

function hidden(secret: string): TestCase[] {
  return task.hiddenTests(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

function argsOf(test: TestCase): Args {
  return test.args as unknown as Args;
}

/** Distinct undirected pairs {a, b} with a ≠ b. */
function distinctPairs(edges: [number, number][]): Set<string> {
  return new Set(edges.filter(([a, b]) => a !== b).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`));
}

const statementPath = (locale: string) => path.join(import.meta.dirname, `../../../judge/tasks/gnn/scratch/statement.${locale}.md`);

describe('gnn reference', () => {
  it('returns the worked example of the statement', () => {
    const [relu, linear] = task.samples().map(argsOf);
    const expectations: [Args, number[]][] = [
      [relu, [0.191752, 0.174915, 0]],
      [linear, [0.191752, 0.174915, -0.308248]],
    ];
    for (const [args, expected] of expectations) {
      for (const output of [gcnLayer(...args), gcnModel(...args)]) {
        expect(output).toHaveLength(3);
        output.forEach((row, i) => expect(row[0]).toBeCloseTo(expected[i], 6));
      }
    }
    for (const locale of ['en', 'zh-CN']) {
      const statement = readFileSync(statementPath(locale), 'utf8');
      expect(statement).toContain('`features = [[1, 0], [0, 1], [1, 1]]`');
      expect(statement).toContain('`edges = [[0, 1], [1, 0], [1, 2], [2, 2]]`');
      expect(statement).toContain('`kernel = [[1], [-1]]`');
      expect(statement).toContain('`bias = [0.1]`');
      expect(statement).toContain('`[[0.191752], [0.174915], [0]]`');
      expect(statement).toContain('`[[0.191752], [0.174915], [-0.308248]]`');
      expect(statement).toContain('`output[1][0] = 0.2, expected 0.1749149561`');
    }
  });

  it('agrees with the TensorFlow.js model within the tolerance', () => {
    for (const secret of ['agree-a', 'agree-b']) {
      for (const test of [...task.samples(), ...hidden(secret)]) {
        const args = argsOf(test);
        const used = toleranceUsed(gcnLayer(...args), gcnModel(...args), GCN_TOLERANCE);
        // The statement promises a quarter of the tolerance.
        expect(used, `${secret} ${test.name}`).toBeLessThan(0.25);
      }
    }
  });

  it('ignores repeated edges, reversed edges and listed self-loops', () => {
    const [args] = task.samples().map(argsOf);
    const [graph, weights, options] = args;
    const clean: GraphInput = { features: graph.features, edges: [[0, 1], [1, 2]] };
    const noisy: GraphInput = { features: graph.features, edges: [[1, 0], [0, 1], [2, 1], [1, 2], [0, 0], [2, 2], [2, 2]] };
    expect(gcnLayer(noisy, weights, options)).toEqual(gcnLayer(clean, weights, options));
    expect(gcnModel(noisy, weights, options)).toEqual(gcnModel(clean, weights, options));
  });

  it('leaves no tensor behind in the TensorFlow.js model', () => {
    const tf = cpuTf();
    const before = tf.memory().numTensors;
    for (const test of task.samples()) gcnModel(...argsOf(test));
    expect(tf.memory().numTensors).toBe(before);
  });

  it('passes its own checker and fails a nudged output', () => {
    for (const test of [...task.samples(), ...hidden('checker')]) {
      const expected = task.reference(...test.args);
      expect(task.check(test.args, gcnLayer(...argsOf(test)), expected), test.name).toEqual({ ok: true });
      const nudged = expected.map((row) => row.slice());
      nudged[0][0] += 1e-3 + 1e-3 * Math.abs(nudged[0][0]);
      expect(task.check(test.args, nudged, expected).ok, test.name).toBe(false);
    }
  });

  it('reports the shape before the values', () => {
    const [args] = task.samples().map((sample) => sample.args);
    const expected = task.reference(...args);
    expect(task.check(args, [[0.191752], [0.174915]], expected)).toEqual({
      ok: false,
      message: 'output has length 2, expected 3 (expected shape [3, 1])',
    });
    expect(task.check(args, [[0.191752], [0.2], [0]], expected)).toEqual({ ok: false, message: 'output[1][0] = 0.2, expected 0.1749149561' });
    expect(task.check(args, [[0.191752], [0.174915], [Infinity]], expected)).toEqual({ ok: false, message: 'output[2][0] = Infinity, expected 0' });
    const typed = [new Float32Array([0.191752]), new Float64Array([0.174915]), [0]] as unknown as Json;
    expect(task.check(args, typed, expected)).toEqual({ ok: true });
  });
});

describe('gnn tests', () => {
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
    expect(tests.length).toBeLessThanOrEqual(25);
    expect(tests.map((test) => test.name)).toEqual(tests.map((_, i) => `hidden-${String(i + 1).padStart(2, '0')}`));
    const timed = tests.filter((test) => test.timed);
    expect(timed).toHaveLength(3);
    expect(timed.every((test) => argsOf(test)[0].features.length >= 1500)).toBe(true);
  });

  it('covers the edge cases of the statement', () => {
    const tests = hidden('coverage').map(argsOf);
    const degrees = ([graph]: Args) => {
      const degree = new Array<number>(graph.features.length).fill(0);
      for (const key of distinctPairs(graph.edges)) for (const node of key.split('-')) degree[Number(node)]++;
      return degree;
    };
    expect(tests.some(([graph]) => graph.features.length === 1)).toBe(true);
    expect(tests.some(([graph]) => graph.features.length > 1 && graph.edges.length === 0)).toBe(true);
    expect(tests.some((args) => args[0].edges.length > 0 && degrees(args).some((degree) => degree === 0))).toBe(true);
    expect(tests.filter(([graph]) => graph.edges.some(([a, b]) => a === b)).length).toBeGreaterThanOrEqual(2);
    expect(tests.some(([graph]) => distinctPairs(graph.edges).size * 2 <= graph.edges.length)).toBe(true);
    expect(tests.some((args) => Math.max(...degrees(args)) >= 60)).toBe(true);
    expect(tests.some(([graph]) => graph.features.length > 2 && distinctPairs(graph.edges).size === (graph.features.length * (graph.features.length - 1)) / 2)).toBe(true);
    expect(tests.some(([, weights]) => weights.kernel.length === 1 && weights.bias.length === 1)).toBe(true);
    expect(tests.some(([graph, , options]) => options.activation === 'relu' && graph.features.every((row) => row.every((value) => value <= 0)))).toBe(true);
  });

  it('stays within the statement limits', () => {
    for (const test of [...task.samples(), ...hidden('limits')]) expect(task.validateArgs(test.args), test.name).toBeNull();
  });
});

describe('gnn validateArgs', () => {
  const [sample] = task.samples();
  const [graph, weights, options] = structuredClone(argsOf(sample));
  const withGraph = (change: Record<string, unknown>) => [{ ...graph, ...change }, weights, options];
  const withWeights = (change: Record<string, unknown>) => [graph, { ...weights, ...change }, options];

  it('accepts valid input', () => {
    expect(task.validateArgs([graph, weights, options])).toBeNull();
    expect(task.validateArgs([{ ...graph, edges: [] }, weights, { activation: 'linear' }])).toBeNull();
  });

  it('rejects each kind of bad input with a message naming it', () => {
    const cases: [unknown[], string][] = [
      [[graph, weights], 'expected 3 arguments (graph, weights, options), got 2'],
      [[graph.features, weights, options], 'graph must be an object with "features", "edges", got an array'],
      [[{ features: graph.features }, weights, options], 'graph is missing "edges"'],
      [withGraph({ features: [] }), 'graph.features has 0 nodes, expected 1 to 2000'],
      [withGraph({ features: [[1, 0], [0]] }), 'graph.features[1] has length 1, expected 2'],
      [withGraph({ edges: 'none' }), 'graph.edges must be an array of [a, b] pairs, got a string'],
      [withGraph({ edges: [[0, 1], [1]] }), 'graph.edges[1] has length 1, expected 2 (edges join node ids 0 to 2)'],
      [withGraph({ edges: [[0, 3]] }), 'graph.edges[0][1] = 3, expected at most 2 (edges join node ids 0 to 2)'],
      [withGraph({ edges: [[0, 1.5]] }), 'graph.edges[0][1] = 1.5, expected an integer (edges join node ids 0 to 2)'],
      [withGraph({ edges: [[-1, 1]] }), 'graph.edges[0][0] = -1, expected at least 0 (edges join node ids 0 to 2)'],
      [withGraph({ edges: Array.from({ length: 20001 }, () => [0, 1]) }), 'graph.edges has 20001 edges, at most 20000 are allowed'],
      [withWeights({ kernel: [[1]] }), 'weights.kernel has 1 rows, expected 2 (weights.kernel is [inFeatures, units])'],
      [withWeights({ bias: [0.1, 0] }), 'weights.bias has length 2, expected 1'],
      [[graph, weights, { activation: 'sigmoid' }], 'options.activation must be "relu" or "linear", got "sigmoid"'],
      [[graph, weights, {}], 'options is missing "activation"'],
    ];
    for (const [args, message] of cases) expect(task.validateArgs(args)).toBe(message);
  });
});

describe('gnn fixtures on the host', () => {
  const cachedTask = withCachedReference(task);
  const fixtures = listFixtures('gnn-scratch').filter((fixture) => fixture.expected !== 'time_limit_exceeded');

  it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', async (_, fixture) => {
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    expect(result.verdict, JSON.stringify(result.failures.slice(0, 3))).toBe(fixture.expected);
  });

  it('passes the graph-free port only on graphs without edges', async () => {
    const fixture = fixtures.find((entry) => entry.file === 'wrong-seed-answer-port.ts')!;
    const result = await judgeOnHost(cachedTask, fixture, 'host-fixtures');
    const tests = [...task.samples(), ...hidden('host-fixtures')];
    const failed = new Set(result.failures.map((failure) => failure.name));
    for (const test of tests) {
      const withoutEdges = distinctPairs(argsOf(test)[0].edges).size === 0;
      expect(failed.has(test.name), test.name).toBe(!withoutEdges);
    }
  });
});

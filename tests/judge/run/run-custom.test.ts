import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../../../judge/core/judge-types';
import { CustomInputError, runCustom } from '../../../judge/core/run-custom';
import type { RunRequest } from '../../../judge/sandbox/protocol';
import { SandboxProcess } from '../../../judge/sandbox/sandbox-process';
import { encodeWire } from '../../../judge/sandbox/wire-format';
import { findTask } from '../../../judge/tasks/registry';
import type { Json, TaskDefinition } from '../../../judge/tasks/types';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures', 'kmeans');
const ACCEPTED_KMEANS = readFileSync(path.join(FIXTURES, 'accepted-greedy-plusplus-typed-arrays.ts'), 'utf8');
const INFINITE_KMEANS = readFileSync(path.join(FIXTURES, 'time-limit-infinite-loop.ts'), 'utf8');

/** Two well separated pairs of points: every correct K-means with k = 2 finds the same clusters. */
const TWO_PAIRS: Json[] = [[[0, 0], [0, 1], [10, 10], [10, 11]], 2, 7];

/** Passes calls to the real sandbox process and records each run request. */
class RecordingSandbox implements Sandbox {
  runs: RunRequest[] = [];
  constructor(private readonly inner: SandboxProcess) {}
  compile: Sandbox['compile'] = (request) => this.inner.compile(request);
  run: Sandbox['run'] = (request) => {
    this.runs.push(request);
    return this.inner.run(request);
  };
}

function task(slug: string): TaskDefinition<Json> {
  const found = findTask(slug);
  if (!found) throw new Error(`task ${slug} is not in the registry`);
  return found;
}

describe('runCustom', () => {
  let sandboxProcess: SandboxProcess;

  beforeAll(() => {
    sandboxProcess = new SandboxProcess();
  });
  afterAll(async () => {
    await sandboxProcess.close();
  });

  it('accepts a correct candidate and returns both outputs', async () => {
    const sandbox = new RecordingSandbox(sandboxProcess);
    const result = await runCustom({ task: task('kmeans'), code: ACCEPTED_KMEANS, language: 'typescript', args: TWO_PAIRS, sandbox });

    expect(result.verdict).toBe('accepted');
    expect(result.reference.status).toBe('returned');
    expect(result.reference.output).toEqual({ centroids: [[0, 0.5], [10, 10.5]], labels: [0, 0, 1, 1] });
    const candidate = result.candidate.output as { labels: number[] };
    expect(new Set(candidate.labels.slice(0, 2)).size).toBe(1);
    expect(candidate.labels[0]).not.toBe(candidate.labels[2]);
    expect(result.candidate.cpuMs).toBeGreaterThan(0);
    expect(result.reference.cpuMs).toBeGreaterThan(0);
  });

  it('runs exactly the candidate and the reference on the given input', async () => {
    const sandbox = new RecordingSandbox(sandboxProcess);
    await runCustom({ task: task('kmeans'), code: ACCEPTED_KMEANS, language: 'typescript', args: TWO_PAIRS, sandbox });

    expect(sandbox.runs).toHaveLength(2);
    expect(sandbox.runs.map((run) => run.input)).toEqual([encodeWire(TWO_PAIRS), encodeWire(TWO_PAIRS)]);
    expect(sandbox.runs.map((run) => run.captureConsole)).toEqual([true, false]);
    expect(sandbox.runs[0].limits).toEqual({ cpuMs: 2000, wallMs: 4000, memoryMb: 128 });
  });

  it('reports wrong_answer with the checker message', async () => {
    const code = 'export function kmeans(points: number[][], k: number) { console.log("n =", points.length); return { centroids: [[0, 0], [10, 10]], labels: points.map(() => 0) }; }';
    const kmeans = task('kmeans');
    const result = await runCustom({ task: kmeans, code, language: 'typescript', args: TWO_PAIRS, sandbox: sandboxProcess });

    expect(result.verdict).toBe('wrong_answer');
    const checked = kmeans.check(TWO_PAIRS, result.candidate.output as Json, result.reference.output as Json);
    expect(checked.ok).toBe(false);
    expect(result.message).toBe(checked.message);
    expect(result.message).toMatch(/cluster 1 has no points/);
    expect(result.candidate.output).toEqual({ centroids: [[0, 0], [10, 10]], labels: [0, 0, 0, 0] });
    expect(result.candidate.console).toEqual(['n = 4']);
  });

  it('rejects arguments that fail validateArgs before running anything', async () => {
    const sandbox = new RecordingSandbox(sandboxProcess);
    const run = runCustom({ task: task('kmeans'), code: ACCEPTED_KMEANS, language: 'typescript', args: [[[0, 0], [1, 1]], 3, 1], sandbox });

    await expect(run).rejects.toBeInstanceOf(CustomInputError);
    await expect(run).rejects.toThrow(/^k = 3, expected at most 2/);
    expect(sandbox.runs).toHaveLength(0);
  });

  it('rejects input that is not an argument list', async () => {
    const run = runCustom({ task: task('kmeans'), code: ACCEPTED_KMEANS, language: 'typescript', args: { points: [] }, sandbox: sandboxProcess });

    await expect(run).rejects.toThrow(/must be a JSON array/);
  });

  it('still shows the reference output for a compile error', async () => {
    const result = await runCustom({ task: task('kmeans'), code: 'export function kmeans( {', language: 'typescript', args: TWO_PAIRS, sandbox: sandboxProcess });

    expect(result.verdict).toBe('compile_error');
    expect(result.message).toMatch(/^line 1, column \d+: /);
    expect(result.candidate).toEqual({ output: null, cpuMs: null, console: [] });
    expect(result.reference.status).toBe('returned');
    expect(result.reference.output).not.toBeNull();
  });

  it('stops a candidate that loops forever at the CPU limit', async () => {
    const result = await runCustom({ task: task('kmeans'), code: INFINITE_KMEANS, language: 'typescript', args: TWO_PAIRS, sandbox: sandboxProcess });

    expect(result.verdict).toBe('time_limit_exceeded');
    // On a loaded machine the wall-clock limit (4000 ms) can end the loop before the CPU limit does.
    expect(result.message).toMatch(/2000 ms of CPU time|4000 ms of wall-clock time/);
    expect(result.candidate.output).toBeNull();
    expect(result.candidate.cpuMs).toBeGreaterThan(0);
    expect(result.reference.status).toBe('returned');
  });

  it('reports a reference that cannot finish on adversarial input', async () => {
    // One basket of 25 items at minSupport 1 has 2^25 − 1 frequent itemsets.
    const basket = Array.from({ length: 25 }, (_, index) => `item${index}`);
    const code = 'export function apriori() { return { itemsets: [], rules: [] }; }';
    const result = await runCustom({ task: task('apriori'), code, language: 'typescript', args: [[basket, basket], 1, 1], sandbox: sandboxProcess });

    expect(result.verdict).toBe('internal_error');
    expect(result.reference.status).toBe('time_limit_exceeded');
    expect(result.reference.output).toBeNull();
    expect(result.reference.cpuMs).toBeGreaterThan(0);
    expect(result.message).toMatch(/^The reference solution could not finish on this input/);
    expect(result.candidate.output).toEqual({ itemsets: [], rules: [] });
  }, 30_000);
});

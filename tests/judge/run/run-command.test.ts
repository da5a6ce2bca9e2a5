import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'holdout.mjs');
const FIXTURES = path.join(ROOT, 'tests', 'judge', 'fixtures', 'kmeans');
const ACCEPTED_KMEANS = path.join(FIXTURES, 'accepted-plain-javascript.js');
const INFINITE_KMEANS = path.join(FIXTURES, 'time-limit-infinite-loop.ts');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function holdout(args: string[], stdin?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, HOLDOUT_DATASET_SECRET: 'cli-run-test-secret', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('holdout run', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'holdout-run-'));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  async function file(name: string, text: string): Promise<string> {
    const target = path.join(scratch, name);
    await writeFile(target, text);
    return target;
  }

  it('prints exactly one JSON object with --json', async () => {
    const input = await file('input.json', '[[[0, 0], [0, 1], [10, 10], [10, 11]], 2, 7]');
    const result = await holdout(['run', 'kmeans', ACCEPTED_KMEANS, '--input', input, '--json']);

    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const run = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(run).sort()).toEqual(['candidate', 'message', 'reference', 'task', 'verdict']);
    expect(run).toMatchObject({ task: 'kmeans', verdict: 'accepted', message: null });
    const candidate = run.candidate as { output: { labels: number[] }; cpuMs: number };
    const reference = run.reference as { output: unknown; cpuMs: number };
    expect(Object.keys(candidate).sort()).toEqual(['cpuMs', 'output']);
    expect(Object.keys(reference).sort()).toEqual(['cpuMs', 'output']);
    expect(candidate.output.labels).toHaveLength(4);
    expect(reference.output).toEqual({ centroids: [[0, 0.5], [10, 10.5]], labels: [0, 0, 1, 1] });
    expect(candidate.cpuMs).toBeGreaterThan(0);
    expect(reference.cpuMs).toBeGreaterThan(0);
  }, 60_000);

  it('prints both outputs and the checker message as text', async () => {
    const input = await file('sample.json', '{ "args": [[[0, 0], [0, 1], [10, 10], [10, 11]], 2, 7] }');
    const wrong = await file('wrong.ts', 'export function kmeans(points: number[][]) { console.log("called"); return { centroids: [[0, 0], [1, 1]], labels: points.map(() => 0) }; }\n');
    const result = await holdout(['run', 'kmeans', wrong, '--input', input]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^kmeans: wrong_answer\nMessage: cluster 1 has no points/);
    expect(result.stdout).toMatch(/Your output \([\d.]+ ms CPU\):\n {2}\{\n {4}"centroids"/);
    expect(result.stdout).toMatch(/Reference output \([\d.]+ ms CPU\):\n/);
    expect(result.stdout).toMatch(/"labels": \[0, 0, 1, 1\]/);
    expect(result.stdout).toMatch(/Console:\n {2}called\n$/);
  }, 60_000);

  it('reads the input from standard input with --input -', async () => {
    const result = await holdout(['run', 'kmeans', ACCEPTED_KMEANS, '--input', '-', '--json'], '[[[1, 2], [3, 4]], 1, 0]');

    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ verdict: 'accepted', reference: { output: { centroids: [[2, 3]], labels: [0, 0] } } });
  }, 60_000);

  it('exits 2 with the message of validateArgs', async () => {
    const input = await file('too-many-clusters.json', '[[[0, 0], [1, 1]], 3, 7]');
    const result = await holdout(['run', 'kmeans', ACCEPTED_KMEANS, '--input', input, '--json']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^holdout: invalid input for kmeans: k = 3, expected at most 2/);
    expect(result.stdout).toBe('');
  }, 60_000);

  it.each([
    ['unknown task', ['run', 'no-such-task', ACCEPTED_KMEANS, '--input', 'x.json'], /unknown task "no-such-task"; judged tasks: kmeans, .*cnn-train/],
    ['training part', ['run', 'cnn-train', ACCEPTED_KMEANS, '--input', 'x.json'], /"cnn-train" is a training part: holdout run works only on parts that implement a function/],
    ['missing file', ['run', 'kmeans', 'does-not-exist.ts', '--input', 'x.json'], /file not found: does-not-exist.ts/],
    ['missing input file', ['run', 'kmeans', ACCEPTED_KMEANS, '--input', 'no-input.json'], /input file not found: no-input.json/],
    ['missing --input', ['run', 'kmeans', ACCEPTED_KMEANS], /--input is required/],
    ['missing file argument', ['run', 'kmeans', '--input', 'x.json'], /expected a task and a file/],
  ])('exits 2 for %s', async (_name, args, message) => {
    const result = await holdout(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it.each([
    ['invalid JSON', '[[[0, 0]], 1,', /is not valid JSON: /],
    ['an object without args', '{ "points": [] }', /must hold a JSON array of arguments, or an object whose "args" is that array/],
  ])('exits 2 for %s', async (_name, text, message) => {
    const input = await file('bad.json', text);
    const result = await holdout(['run', 'kmeans', ACCEPTED_KMEANS, '--input', input]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});

describe('holdout judge after a time limit', () => {
  it('lists the tests that did not run with a null verdict', async () => {
    const result = await holdout(['judge', 'kmeans', INFINITE_KMEANS, '--json']);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { verdict: string; score: number; tests: { name: string; verdict: string | null; cpuMs: number | null }[] };
    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.score).toBe(0);
    expect(report.tests[0]).toMatchObject({ name: 'sample-1', verdict: 'time_limit_exceeded' });
    const notRun = report.tests.slice(1);
    expect(notRun.length).toBeGreaterThan(10);
    expect(notRun.every((test) => test.verdict === null && test.cpuMs === null)).toBe(true);

    const text = await holdout(['judge', 'kmeans', INFINITE_KMEANS]);
    expect(text.stdout).toMatch(/sample-2 to hidden-\d+ \(\d+ tests\): not run/);
  }, 60_000);
});

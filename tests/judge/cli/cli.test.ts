import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskCatalog } from '../../../judge/tasks/catalog';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const BIN = path.join(ROOT, 'bin', 'holdout.mjs');
const ACCEPTED_KMEANS = path.join(ROOT, 'tests', 'judge', 'fixtures', 'kmeans', 'accepted-plain-javascript.js');

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function holdout(args: string[], cwd = ROOT): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, HOLDOUT_DATASET_SECRET: 'cli-test-secret', NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('holdout CLI', () => {
  let scratch: string;

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), 'holdout-cli-'));
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  async function source(name: string, text: string): Promise<string> {
    const file = path.join(scratch, name);
    await writeFile(file, text);
    return file;
  }

  it('prints exactly one JSON object with --json', async () => {
    const result = await holdout(['judge', 'kmeans', ACCEPTED_KMEANS, '--json']);

    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const report = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(Object.keys(report).sort()).toEqual(['message', 'score', 'speed', 'task', 'tests', 'verdict']);
    expect(report).toMatchObject({ task: 'kmeans', verdict: 'accepted', message: null });
    expect([100, 90, 75, 60]).toContain(report.score);
    const tests = report.tests as { name: string; hidden: boolean; verdict: string; cpuMs: number }[];
    expect(tests.length).toBeGreaterThan(3);
    for (const test of tests) {
      expect(Object.keys(test).sort()).toEqual(['cpuMs', 'hidden', 'name', 'verdict']);
      expect(test.verdict).toBe('accepted');
      expect(test.cpuMs).toBeGreaterThan(0);
    }
    const speed = report.speed as { candidateCpuMs: number; referenceCpuMs: number; ratio: number; band: string };
    expect(speed.candidateCpuMs).toBeGreaterThan(0);
    expect(speed.referenceCpuMs).toBeGreaterThan(0);
    expect(speed.ratio).toBeCloseTo(speed.candidateCpuMs / speed.referenceCpuMs, 3);
  }, 120_000);

  it('exits 0 for a rejected submission and shows it as a table', async () => {
    const file = await source('wrong.ts', 'export function kmeans(points: number[][], k: number) {\n  return { centroids: [], labels: [] };\n}\n');
    const result = await holdout(['judge', 'kmeans', file]);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^kmeans: wrong_answer, score 0\n/);
    expect(result.stdout).toMatch(/#\s+TEST\s+VERDICT\s+CPU MS\s+MESSAGE/);
    expect(result.stdout).toMatch(/sample-1 expected: /);
    expect(result.stderr).toMatch(/\[1\/\d+\] sample-1 wrong_answer/);
  }, 120_000);

  it('exits 0 for a compile error with its position', async () => {
    const file = await source('broken.ts', 'export function kmeans( {\n');
    const result = await holdout(['judge', 'kmeans', file, '--json']);

    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { verdict: string; message: string; tests: unknown[]; speed: unknown };
    expect(report.verdict).toBe('compile_error');
    expect(report.message).toMatch(/^line 2, column 1: /);
    expect(report.tests).toEqual([]);
    expect(report.speed).toBeNull();
  }, 60_000);

  it.each([
    [['judge', 'no-such-task', 'x.ts'], /unknown task "no-such-task"/],
    [['judge', 'kmeans', 'does-not-exist.ts'], /file not found: does-not-exist.ts/],
    [['judge', 'kmeans'], /expected a task and a file/],
    [['judge', 'kmeans', 'bin/holdout.mjs', '--fast'], /unknown option --fast/],
    [['judge', 'kmeans', 'package.json'], /cannot tell the language of/],
    [['judge', 'kmeans', 'package.json', '--language', 'python'], /--language must be typescript or javascript/],
    [['launch'], /unknown command "launch"/],
    [[], /Usage:/],
  ])('exits 2 for %j', async (args, message) => {
    const result = await holdout(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('lists tasks with their status', async () => {
    const result = await holdout(['tasks', '--json']);

    expect(result.code).toBe(0);
    const tasks = JSON.parse(result.stdout) as { slug: string; status: string; title: { en: string } }[];
    expect(tasks.find((task) => task.slug === 'kmeans')).toMatchObject({ status: 'ready' });
    expect(tasks.map((task) => task.slug)).toEqual(taskCatalog.map((task) => task.slug));
    const table = await holdout(['tasks']);
    expect(table.stdout).toMatch(/^SLUG\s+PART\s+STATUS\s+TITLE\n/);
  });

  it('prints help with exit 0', async () => {
    const result = await holdout(['help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('holdout judge <task-slug> <file>');
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeSubmission } from '../../../judge/core/judge-submission';
import type { Sandbox } from '../../../judge/core/judge-types';
import { planTests } from '../../../judge/core/test-plan';
import type { RunRequest } from '../../../judge/sandbox/protocol';
import { SandboxProcess } from '../../../judge/sandbox/sandbox-process';
import { findTask } from '../../../judge/tasks/registry';
import { memoryAttackTask } from '../support/attack';
import { createSumRowsTask } from '../support/sum-rows';

const SECRET = 'early-stop-test-secret';
const INFINITE_KMEANS = readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'kmeans', 'time-limit-infinite-loop.ts'), 'utf8');

class RecordingSandbox implements Sandbox {
  runs: RunRequest[] = [];
  constructor(private readonly inner: SandboxProcess) {}
  compile: Sandbox['compile'] = (request) => this.inner.compile(request);
  run: Sandbox['run'] = (request) => {
    this.runs.push(request);
    return this.inner.run(request);
  };
}

describe('early stop after a limit', () => {
  let sandboxProcess: SandboxProcess;

  beforeAll(async () => {
    sandboxProcess = new SandboxProcess();
    // Starts the process now, so that its start-up time does not count below.
    await sandboxProcess.compile({ source: 'export function f() {}', language: 'javascript', functionName: 'f', maxBytes: 100 });
  });
  afterAll(async () => {
    await sandboxProcess.close();
  });

  it('judges an infinite loop in about one CPU limit', async () => {
    const kmeans = findTask('kmeans');
    if (!kmeans) throw new Error('kmeans is not in the registry');
    const testsTotal = planTests(kmeans, SECRET).tests.length;
    const sandbox = new RecordingSandbox(sandboxProcess);

    const started = performance.now();
    const report = await judgeSubmission({ task: kmeans, code: INFINITE_KMEANS, language: 'typescript', secret: SECRET, sandbox });
    const elapsedMs = performance.now() - started;

    expect(report.verdict).toBe('time_limit_exceeded');
    expect(sandbox.runs).toHaveLength(1);
    expect(report.tests.map((test) => test.name)).toEqual(['sample-1']);
    expect(report.testsTotal).toBe(testsTotal);
    expect(report.notRun).toHaveLength(testsTotal - 1);
    expect(report.notRun[0]).toEqual({ index: 1, name: 'sample-2', hidden: false });
    expect(report.notRun.at(-1)?.hidden).toBe(true);
    expect(report.score).toBe(0);
    // Running every test would take testsTotal × 2 s of CPU time; one run ends by the 4 s wall limit at the latest.
    expect(testsTotal).toBeGreaterThan(10);
    expect(elapsedMs).toBeLessThan(kmeans.limits.wallMsPerTest + 3_000);
  }, 60_000);

  it('counts the tests that did not run as not passed', async () => {
    // Passes both samples and then loops forever on every hidden test.
    const task = createSumRowsTask({ slug: 'sum-rows-early-stop', limits: { cpuMsPerTest: 200, wallMsPerTest: 2_000, memoryMb: 64, sourceBytes: 16_384 } });
    const code = 'export function sumRows(rows: number[][]) { if (rows.length > 2) for (;;) {} return rows.map((row) => row.reduce((a, b) => a + b, 0)); }';
    const sandbox = new RecordingSandbox(sandboxProcess);
    const report = await judgeSubmission({ task, code, language: 'typescript', secret: SECRET, sandbox });

    expect(report.tests.map((test) => `${test.name} ${test.verdict}`)).toEqual(['sample-1 accepted', 'sample-2 accepted', 'hidden-01 time_limit_exceeded']);
    expect(report.notRun.map((test) => test.name)).toEqual(['hidden-02', 'hidden-03']);
    expect(report.verdict).toBe('time_limit_exceeded');
    // ⌊50 × 2 passed ÷ 5 tests⌋
    expect(report.score).toBe(20);
    expect(report.message).toMatch(/^hidden-01: /);
    expect(sandbox.runs).toHaveLength(3);
  }, 60_000);

  it('stops after a memory limit too', async () => {
    const code = 'export function sumRows(rows: number[][]) { const hoard = []; for (;;) hoard.push(new Array(1e5).fill(rows.length)); }';
    const report = await judgeSubmission({ task: memoryAttackTask, code, language: 'typescript', secret: SECRET, sandbox: sandboxProcess });

    expect(report.verdict).toBe('memory_limit_exceeded');
    expect(report.tests).toHaveLength(1);
    expect(report.notRun.map((test) => test.name)).toEqual(['hidden-01']);
  }, 60_000);

  it('runs every test when none exceeds a limit', async () => {
    const task = createSumRowsTask({ slug: 'sum-rows-no-stop' });
    const report = await judgeSubmission({ task, code: 'export function sumRows(rows: number[][]) { return rows.map(() => 0); }', language: 'typescript', secret: SECRET, sandbox: sandboxProcess });

    expect(report.verdict).toBe('wrong_answer');
    expect(report.tests).toHaveLength(5);
    expect(report.notRun).toEqual([]);
  }, 60_000);
});

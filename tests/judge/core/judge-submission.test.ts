import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JudgeInternalError } from '../../../judge/core/judge-error';
import { judgeSubmission } from '../../../judge/core/judge-submission';
import type { JudgeProgress, Sandbox } from '../../../judge/core/judge-types';
import type { RunRequest } from '../../../judge/sandbox/protocol';
import { SandboxProcess } from '../../../judge/sandbox/sandbox-process';
import { createSumRowsTask, sumRowsTask, SUM_ROWS_SOLUTION } from '../support/sum-rows';

const SECRET = 'judge-submission-test-secret';

/** Passes calls to the real sandbox process and records which code each run used. */
class RecordingSandbox implements Sandbox {
  runs: RunRequest[] = [];
  constructor(private readonly inner: SandboxProcess) {}
  compile: Sandbox['compile'] = (request) => this.inner.compile(request);
  run: Sandbox['run'] = (request) => {
    this.runs.push(request);
    return this.inner.run(request);
  };
}

describe('judgeSubmission', () => {
  let process: SandboxProcess;

  beforeAll(() => {
    process = new SandboxProcess();
  });

  afterAll(async () => {
    await process.close();
  });

  it('runs samples, then hidden tests, then the speed grade', async () => {
    const sandbox = new RecordingSandbox(process);
    const events: JudgeProgress[] = [];
    const report = await judgeSubmission({
      task: sumRowsTask,
      code: SUM_ROWS_SOLUTION,
      language: 'typescript',
      secret: SECRET,
      sandbox,
      speedRepetitions: 3,
      onProgress: (event) => {
        events.push(event);
      },
    });

    expect(report.verdict).toBe('accepted');
    expect(report.tests.map((test) => test.name)).toEqual(['sample-1', 'sample-2', 'hidden-01', 'hidden-02', 'hidden-03']);
    expect(events.map((event) => event.type)).toEqual(['started', 'test', 'test', 'test', 'test', 'test', 'speed']);
    expect(events[0]).toEqual({ type: 'started', testsTotal: 5 });

    // One timed hidden test: 5 judged runs, then 3 repetitions per side in the order c r, r c, c r.
    const candidateCode = sandbox.runs[0].code;
    const order = sandbox.runs.slice(5).map((run) => (run.code === candidateCode ? 'c' : 'r'));
    expect(order).toEqual(['c', 'r', 'r', 'c', 'c', 'r']);
    expect(sandbox.runs.slice(5).every((run) => run.input === sandbox.runs[4].input && !run.captureConsole)).toBe(true);

    expect(report.speed).toMatchObject({ repetitions: 3, tests: 1 });
    expect(report.speed?.ratio).toBeCloseTo((report.speed?.candidateCpuMs ?? 0) / (report.speed?.referenceCpuMs ?? 1), 3);
    expect(report.candidateCpuMs).toBe(report.speed?.candidateCpuMs);
    expect([100, 90, 75, 60]).toContain(report.score);
  });

  it('captures console output of sample tests only', async () => {
    const sandbox = new RecordingSandbox(process);
    await judgeSubmission({ task: sumRowsTask, code: SUM_ROWS_SOLUTION, language: 'typescript', secret: SECRET, sandbox, speedRepetitions: 1 });

    expect(sandbox.runs.slice(0, 5).map((run) => run.captureConsole)).toEqual([true, true, false, false, false]);
  });

  it('keeps data of hidden tests out of the report', async () => {
    const code = 'export function sumRows(rows: number[][]): number[] { console.log("SECRET-LOG", JSON.stringify(rows)); throw new Error("LEAK " + JSON.stringify(rows)); }';
    const report = await judgeSubmission({ task: sumRowsTask, code, language: 'typescript', secret: SECRET, sandbox: process });

    expect(report.verdict).toBe('runtime_error');
    expect(report.score).toBe(0);
    const hidden = report.tests.filter((test) => test.hidden);
    expect(hidden).toHaveLength(3);
    for (const test of hidden) {
      expect(test.detail).toBeNull();
      expect(test.message).toBe('Your code threw an error on this hidden test.');
    }
    expect(report.tests[0].message).toBe('Error: LEAK [[1,2],[3,4]]');
    expect(report.tests[0].detail?.console).toEqual(['SECRET-LOG [[1,2],[3,4]]']);
    const text = JSON.stringify(report.tests.filter((test) => test.hidden));
    expect(text).not.toContain('LEAK');
    expect(text).not.toContain('SECRET-LOG');
  });

  it('scores partial credit for a partly wrong submission', async () => {
    // Right on every test except the one with an empty row.
    const code = 'export function sumRows(rows: number[][]) { return rows.map((row) => row.length === 0 ? -1 : row.reduce((a, b) => a + b)); }';
    const report = await judgeSubmission({ task: sumRowsTask, code, language: 'typescript', secret: SECRET, sandbox: process });

    expect(report.verdict).toBe('wrong_answer');
    expect(report.tests.filter((test) => test.verdict === 'accepted')).toHaveLength(4);
    expect(report.score).toBe(40);
    expect(report.message).toBe('sample-2: sums[0] is -1, expected 0');
    expect(report.speed).toBeNull();
  });

  it('stops after the first test when the export is not a function', async () => {
    const report = await judgeSubmission({ task: sumRowsTask, code: 'export const sumRows = 42;', language: 'typescript', secret: SECRET, sandbox: process });

    expect(report.verdict).toBe('compile_error');
    expect(report.tests).toHaveLength(1);
    expect(report.message).toBe('the export `sumRows` is number, not a function');
    expect(report.score).toBe(0);
  });

  it('reports a compile error without running tests', async () => {
    const sandbox = new RecordingSandbox(process);
    const report = await judgeSubmission({ task: sumRowsTask, code: 'export function nope() {}', language: 'javascript', secret: SECRET, sandbox });

    expect(report).toMatchObject({ verdict: 'compile_error', score: 0, testsTotal: 0, tests: [] });
    expect(report.message).toContain('must export a function named `sumRows`');
    expect(sandbox.runs).toHaveLength(0);
  });

  it('blames a throwing checker on the judge', async () => {
    const task = createSumRowsTask({
      slug: 'sum-rows-broken-checker',
      check: () => {
        throw new Error('checker bug');
      },
    });
    const report = await judgeSubmission({ task, code: SUM_ROWS_SOLUTION, language: 'typescript', secret: SECRET, sandbox: process });

    expect(report.verdict).toBe('internal_error');
    expect(report.score).toBeNull();
    expect(report.tests[0].message).toBe('The judge failed while checking your output; this is not your fault.');
  });

  it('throws when the reference fails during the speed grade', async () => {
    const task = createSumRowsTask({ slug: 'sum-rows-broken-reference', referencePath: new URL('../support/sum-rows/missing.ts', import.meta.url).pathname });

    await expect(judgeSubmission({ task, code: SUM_ROWS_SOLUTION, language: 'typescript', secret: SECRET, sandbox: process, speedRepetitions: 1 })).rejects.toThrow();
    const broken = createSumRowsTask({ slug: 'sum-rows-wrong-export', functionName: 'sumRows', referencePath: new URL('../support/sum-rows/index.ts', import.meta.url).pathname });
    await expect(judgeSubmission({ task: broken, code: SUM_ROWS_SOLUTION, language: 'typescript', secret: SECRET, sandbox: process, speedRepetitions: 1 })).rejects.toBeInstanceOf(JudgeInternalError);
  });
});

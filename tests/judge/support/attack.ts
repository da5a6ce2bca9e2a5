import { afterAll, beforeAll, expect } from 'vitest';
import { judgeSubmission } from '../../../judge/core/judge-submission';
import type { JudgeReport } from '../../../judge/core/judge-types';
import { SandboxProcess } from '../../../judge/sandbox/sandbox-process';
import type { Json, TaskDefinition } from '../../../judge/tasks/types';
import { createSumRowsTask, SUM_ROWS_SOLUTION } from './sum-rows';

export const ATTACK_SECRET = 'holdout-attack-test-secret';

/**
 * The task every attack targets: sum-rows with one sample and one hidden test and tight limits, so
 * that an attack costs little time and its verdict is visible on the sample test.
 */
export const attackTask = createSumRowsTask({
  slug: 'sum-rows-attack',
  limits: { cpuMsPerTest: 250, wallMsPerTest: 1_500, memoryMb: 32, sourceBytes: 16_384 },
  samples: () => [{ name: 'sample-1', args: [[[1, 2], [3, 4]]], hidden: false }],
  hiddenTests: (random) => [{ name: 'hidden-01', args: [[[random.int(0, 9), 2], [3, random.int(0, 9)]]], hidden: true }],
});

/**
 * The same task with ample CPU time, for memory attacks: near its heap limit V8 spends most of its
 * time collecting garbage, so with a tight CPU limit a heap bomb could end either way.
 */
export const memoryAttackTask = createSumRowsTask({
  ...attackTask,
  slug: 'sum-rows-memory-attack',
  limits: { cpuMsPerTest: 5_000, wallMsPerTest: 10_000, memoryMb: 32, sourceBytes: 16_384 },
});

/** Gives the test file one real sandbox process, started before its tests and stopped after them. */
export function useSandboxProcess(): () => SandboxProcess {
  let sandbox: SandboxProcess | undefined;
  beforeAll(() => {
    sandbox = new SandboxProcess();
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox process is created in beforeAll');
    return sandbox;
  };
}

/** Judges `code` against the attack task through the sandbox process, as the worker does. */
export function judgeAttack(
  sandbox: SandboxProcess,
  code: string,
  options: { task?: TaskDefinition<Json>; language?: 'typescript' | 'javascript' } = {},
): Promise<JudgeReport> {
  const task = options.task ?? attackTask;
  return judgeSubmission({ task, code, language: options.language ?? 'typescript', secret: ATTACK_SECRET, sandbox, speedRepetitions: 1 });
}

/** Asserts that a normal, correct submission is still judged correctly after an attack. */
export async function expectSandboxStillJudges(sandbox: SandboxProcess): Promise<void> {
  const report = await judgeAttack(sandbox, SUM_ROWS_SOLUTION);
  expect(report.verdict).toBe('accepted');
  expect(report.tests.map((test) => test.verdict)).toEqual(['accepted', 'accepted']);
  expect(report.tests[0].detail?.actual).toEqual([3, 7]);
}

/** Wraps a function body as a sum-rows submission. */
export function submission(body: string): string {
  return `export function sumRows(rows: number[][]): number[] {\n${body}\n}\n`;
}

/** The sums the sample test expects, as code: attacks that must not disturb the result return this. */
export const CORRECT_RESULT = 'rows.map((row) => { let total = 0; for (let i = 0; i < row.length; i++) total += row[i]; return total; })';

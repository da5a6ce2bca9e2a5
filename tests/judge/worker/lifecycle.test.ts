import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { enqueueJudging, stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import type { WorkerSupervisor } from '../../../judge/worker/supervise-workers';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQueuedSubmission, startTestWorkers, waitForSubmission } from '../support/queue-fixtures';
import { SUM_ROWS_SOLUTION } from '../support/sum-rows';

describe('judge worker lifecycle', () => {
  let database: TestDatabase;
  let workers: WorkerSupervisor;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureJudgeQueue(database.url);
    workers = startTestWorkers(database.url);
  });

  afterAll(async () => {
    await workers?.stop();
    await stopJudgeQueueSender();
    await database?.drop();
  });

  async function judge(code: string) {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'sum-rows', code });
    await enqueueJudging(id, { databaseUrl: database.url });
    return waitForSubmission(
      () => database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } }, tests: { orderBy: { index: 'asc' } } } }),
      (submission) => submission.status === 'judged',
      60_000,
    );
  }

  it('judges a correct submission from queued to judged', async () => {
    const submission = await judge(SUM_ROWS_SOLUTION);

    expect(submission.status).toBe('judged');
    expect(submission.verdict).toBe('accepted');
    expect(submission.attempts).toBe(1);
    expect(submission.workerId).toMatch(/-w0\./);
    expect(submission.testsTotal).toBe(5);
    expect(submission.testsDone).toBe(5);
    expect(submission.speedRatio).toBeGreaterThan(0);
    expect(submission.candidateCpuMs).toBeGreaterThan(0);
    expect(submission.referenceCpuMs).toBeGreaterThan(0);
    expect([100, 90, 75, 60]).toContain(submission.score);
    expect(submission.startedAt).not.toBeNull();
    expect(submission.judgedAt).not.toBeNull();
    expect(submission.events.map((event) => event.status)).toEqual(['queued', 'running', 'judged']);
    expect(submission.events[2].detail).toBe('accepted');
  });

  it('stores sample details but no data of hidden tests', async () => {
    const submission = await judge('export function sumRows(rows: number[][]) { console.log("rows", rows.length); return rows.map(() => 1); }');

    expect(submission.verdict).toBe('wrong_answer');
    expect(submission.score).toBe(0);
    expect(submission.tests).toHaveLength(5);
    const [sample, , hidden] = submission.tests;
    expect(sample.hidden).toBe(false);
    expect(sample.detail).toEqual({ args: [[[1, 2], [3, 4]]], expected: [3, 7], actual: [1, 1], console: ['rows 2'] });
    expect(sample.message).toBe('sums[0] is 1, expected 3');
    expect(hidden.hidden).toBe(true);
    expect(hidden.detail).toBeNull();
    expect(hidden.message).toBe('Your output is wrong on this hidden test.');
    expect(submission.message).toBe('sample-1: sums[0] is 1, expected 3');
  });

  it('records a compile error without tests', async () => {
    const submission = await judge('export function sumRows(rows: number[][] {');

    expect(submission.verdict).toBe('compile_error');
    expect(submission.message).toMatch(/^line 1, column \d+: /);
    expect(submission.tests).toHaveLength(0);
    expect(submission.events.map((event) => event.status)).toEqual(['queued', 'running', 'judged']);
  });
});

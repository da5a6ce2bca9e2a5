import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { enqueueJudging, stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import { JUDGE_ATTEMPTS } from '../../../lib/judge-queue/queue-config';
import type { WorkerSupervisor } from '../../../judge/worker/supervise-workers';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQueuedSubmission, startTestWorkers, waitForSubmission } from '../support/queue-fixtures';
import { SUM_ROWS_SOLUTION } from '../support/sum-rows';

describe('judging attempts used up', () => {
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

  it('ends the submission as internal_error', async () => {
    // The broken task's hidden-test generator throws, so every attempt fails inside the judge.
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'broken-sum-rows', code: SUM_ROWS_SOLUTION });
    await enqueueJudging(id, { databaseUrl: database.url });

    const judged = await waitForSubmission(
      () => database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } } } }),
      (submission) => submission.status === 'judged',
      60_000,
    );
    expect(judged.status).toBe('judged');
    expect(judged.verdict).toBe('internal_error');
    expect(judged.score).toBeNull();
    expect(judged.attempts).toBe(JUDGE_ATTEMPTS);
    expect(judged.message).toMatch(/not your fault/);
    const statuses = judged.events.map((event) => event.status);
    expect(statuses).toEqual(['queued', ...Array(JUDGE_ATTEMPTS).fill(['running', 'queued']).flat(), 'judged']);
    expect(judged.events.at(-1)?.detail).toBe('internal_error: attempts used up');
  }, 90_000);

  it('ends as internal_error when the task is unknown', async () => {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'no-such-task', code: SUM_ROWS_SOLUTION });
    await enqueueJudging(id, { databaseUrl: database.url });

    const judged = await waitForSubmission(
      () => database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } } } }),
      (submission) => submission.status === 'judged',
      60_000,
    );
    expect(judged.verdict).toBe('internal_error');
    expect(judged.events.find((event) => event.status === 'queued' && event.detail !== null)?.detail).toBe('attempt 1 failed: this judge has no task "no-such-task"');
  }, 90_000);
});

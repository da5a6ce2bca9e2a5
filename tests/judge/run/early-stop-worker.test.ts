import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkerSupervisor } from '../../../judge/worker/supervise-workers';
import { stopJudgeQueueSender, enqueueJudging } from '../../../lib/judge-queue/enqueue';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { getSubmissionView } from '../../../lib/submissions/get-submission-view';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQueuedSubmission, startTestWorkers, waitForSubmission } from '../support/queue-fixtures';

describe('early stop through the worker', () => {
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

  it('stores the tests that ran and shows the rest as not run', async () => {
    // Passes both samples of sum-rows, then loops forever on the first hidden test.
    const code = 'export function sumRows(rows: number[][]) { if (rows.length > 2) for (;;) {} return rows.map((row) => row.reduce((a, b) => a + b, 0)); }';
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'sum-rows', code });
    await enqueueJudging(id, { databaseUrl: database.url });
    const submission = await waitForSubmission(
      () => database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { tests: { orderBy: { index: 'asc' } }, user: true } }),
      (row) => row.status === 'judged',
      60_000,
    );

    expect(submission.verdict).toBe('time_limit_exceeded');
    expect(submission.testsTotal).toBe(5);
    expect(submission.testsDone).toBe(3);
    expect(submission.tests.map((test) => `${test.name} ${test.verdict}`)).toEqual(['sample-1 accepted', 'sample-2 accepted', 'hidden-01 time_limit_exceeded']);
    expect(submission.score).toBe(20);

    const viewer = { id: submission.user.id, email: submission.user.email, name: submission.user.name, role: submission.user.role, locale: 'en' as const };
    const view = await getSubmissionView(database.prisma, viewer, id, 'en');
    expect(view.testsNotRun).toBe(2);
    expect(view.tests).toHaveLength(3);
  }, 90_000);
});

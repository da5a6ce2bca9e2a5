import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { enqueueJudging, stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import type { WorkerSupervisor } from '../../../judge/worker/supervise-workers';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQueuedSubmission, startTestWorkers, waitForSubmission } from '../support/queue-fixtures';
import { SUM_ROWS_SOLUTION } from '../support/sum-rows';

describe('duplicate judging job', () => {
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

  it('leaves a judged submission unchanged', async () => {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'sum-rows', code: SUM_ROWS_SOLUTION });
    await enqueueJudging(id, { databaseUrl: database.url });
    const read = () => database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { events: true, tests: true } });
    const first = await waitForSubmission(read, (submission) => submission.status === 'judged', 60_000);
    expect(first.verdict).toBe('accepted');

    const duplicateJobId = await enqueueJudging(id, { databaseUrl: database.url });
    const jobState = async () => {
      const rows = await database.prisma.$queryRawUnsafe<{ state: string }[]>('SELECT state::text AS state FROM pgboss.job WHERE id = $1::uuid', duplicateJobId);
      return rows[0]?.state ?? 'missing';
    };
    const state = await waitForSubmission(jobState, (value) => value === 'completed', 30_000);
    expect(state).toBe('completed');

    const second = await read();
    expect(second.status).toBe('judged');
    expect(second.verdict).toBe(first.verdict);
    expect(second.score).toBe(first.score);
    expect(second.speedRatio).toBe(first.speedRatio);
    expect(second.attempts).toBe(1);
    expect(second.judgedAt).toEqual(first.judgedAt);
    expect(second.events).toHaveLength(first.events.length);
    expect(second.tests).toHaveLength(first.tests.length);
  }, 90_000);
});

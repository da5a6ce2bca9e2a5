import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { enqueueJudging, stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import type { WorkerSupervisor } from '../../../judge/worker/supervise-workers';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQueuedSubmission, startTestWorkers, waitForSubmission } from '../support/queue-fixtures';

// Correct, but spends a few hundred milliseconds per call, so the job is still running when the
// test kills its worker.
const SLOW_SOLUTION = `
export function sumRows(rows: number[][]): number[] {
  let spin = 0;
  for (let i = 0; i < 150_000_000; i++) spin += i & 1;
  return rows.map((row) => row.reduce((total, value) => total + value, spin - spin));
}
`;

describe('worker killed mid-job', () => {
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

  it('is retried by the restarted worker and judged', async () => {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'slow-sum-rows', code: SLOW_SOLUTION });
    await enqueueJudging(id, { databaseUrl: database.url });
    const read = () => database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } } } });

    const running = await waitForSubmission(read, (submission) => submission.status === 'running' && submission.testsDone >= 1, 60_000);
    expect(running.status).toBe('running');
    const [victim] = workers.pids();
    process.kill(victim, 'SIGKILL');

    const judged = await waitForSubmission(read, (submission) => submission.status === 'judged', 90_000);
    expect(judged.status).toBe('judged');
    expect(judged.verdict).toBe('accepted');
    expect(judged.attempts).toBe(2);
    expect(workers.pids()).not.toContain(victim);
    expect(judged.events.map((event) => [event.status, event.detail])).toEqual([
      ['queued', null],
      ['running', 'attempt 1'],
      ['running', 'attempt 2'],
      ['judged', 'accepted'],
    ]);
    const results = await database.prisma.testResult.count({ where: { submissionId: id } });
    expect(results).toBe(5);
  }, 150_000);
});

import { PgBoss } from 'pg-boss';
import { logger } from '../log/logger';
import { JUDGE_QUEUE, type JudgeJobData } from './queue-config';

// One pg-boss instance per process, kept on globalThis so that Next.js's development reloads reuse it.
const globalForQueue = globalThis as unknown as { holdoutJudgeQueue?: Promise<PgBoss> };

/**
 * Starts the web process's pg-boss instance: it only sends jobs. It neither supervises nor
 * schedules (the judge workers supervise) and never changes the schema, which ensureJudgeQueue
 * installed at start-up.
 */
async function startSender(databaseUrl: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 2,
    supervise: false,
    schedule: false,
    registerInstance: false,
    createSchema: false,
    migrate: false,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'judge queue error'));
  await boss.start();
  return boss;
}

/** Returns the process's sending pg-boss instance, starting it on first use. */
export function queueSender(databaseUrl: string): Promise<PgBoss> {
  if (!globalForQueue.holdoutJudgeQueue) {
    const starting = startSender(databaseUrl);
    globalForQueue.holdoutJudgeQueue = starting;
    // A failed start is not cached, so the next submission tries again.
    starting.catch(() => {
      if (globalForQueue.holdoutJudgeQueue === starting) globalForQueue.holdoutJudgeQueue = undefined;
    });
  }
  return globalForQueue.holdoutJudgeQueue;
}

/**
 * Queues a stored submission for judging and returns the job's id. The submission row must already
 * exist with status queued; the worker loads everything else from the database.
 */
export async function enqueueJudging(submissionId: string, options: { databaseUrl?: string } = {}): Promise<string> {
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set, so the judging queue cannot be reached.');
  const boss = await queueSender(databaseUrl);
  const data: JudgeJobData = { submissionId };
  const jobId = await boss.send(JUDGE_QUEUE, data);
  if (!jobId) throw new Error(`pg-boss did not accept the judging job for submission ${submissionId}`);
  return jobId;
}

/** Stops the process's sender, if one was started (for tests and orderly shutdown). */
export async function stopJudgeQueueSender(): Promise<void> {
  const starting = globalForQueue.holdoutJudgeQueue;
  globalForQueue.holdoutJudgeQueue = undefined;
  if (!starting) return;
  const boss = await starting.catch(() => null);
  await boss?.stop({ graceful: false });
}

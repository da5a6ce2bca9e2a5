import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { createDatabase } from '../../lib/db/client';
import { isJudgeJobData, JUDGE_DEAD_LETTER_QUEUE, JUDGE_QUEUE } from '../../lib/judge-queue/queue-config';
import { SandboxProcess } from '../sandbox/sandbox-process';
import type { Json, TaskDefinition } from '../tasks/types';
import { runDeadLetterJob, runJudgeJob, type JudgeJobContext } from './judge-job';

export interface JudgeWorkerOptions {
  databaseUrl: string;
  workerId: string;
  findTask: (slug: string) => TaskDefinition<Json> | undefined;
  secret: string;
  log: Logger;
  /**
   * How often this worker's pg-boss instance looks for jobs whose heartbeat lapsed (their worker
   * died) and fails them so they are retried, in seconds. Every worker supervises; pg-boss lets one
   * of them do each pass.
   */
  superviseIntervalSeconds?: number;
  /** Runs per side and timed test for the speed grade. */
  speedRepetitions?: number;
}

export interface JudgeWorker {
  /** Stops taking jobs, waits for the current one (up to a timeout), then closes everything. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 30_000;

/**
 * Polling while LISTEN/NOTIFY is active. New jobs wake the worker through NOTIFY, but retries and
 * dead-letter copies do not, so this interval is how long a retried job may wait.
 */
const WORK_OPTIONS = { batchSize: 1, localConcurrency: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 };

/**
 * Starts a judge worker in this process: it takes one job at a time from the judging queue and
 * judges it in a supervised sandbox process, and it records submissions whose attempts ran out
 * (the dead-letter queue) as internal_error. The queues must exist (ensureJudgeQueue).
 */
export async function startJudgeWorker(options: JudgeWorkerOptions): Promise<JudgeWorker> {
  const log = options.log;
  const superviseSeconds = options.superviseIntervalSeconds ?? 10;
  const db = createDatabase(options.databaseUrl, { max: 4 });
  const sandbox = new SandboxProcess({ log });
  const boss = new PgBoss({
    connectionString: options.databaseUrl,
    max: 4,
    supervise: true,
    schedule: false,
    createSchema: false,
    migrate: false,
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
    useListenNotify: true,
    instanceName: options.workerId,
  });
  boss.on('error', (error) => log.error({ err: error, workerId: options.workerId }, 'judge queue error'));

  const context: JudgeJobContext = {
    db,
    sandbox,
    findTask: options.findTask,
    secret: options.secret,
    workerId: options.workerId,
    log,
    speedRepetitions: options.speedRepetitions,
  };

  await boss.start();
  await boss.work(JUDGE_QUEUE, WORK_OPTIONS, async ([job]) => {
    if (!isJudgeJobData(job.data)) {
      log.error({ jobId: job.id, workerId: options.workerId }, 'judging job without a submission id; dropped');
      return;
    }
    await runJudgeJob(context, job.data.submissionId);
  });
  await boss.work(JUDGE_DEAD_LETTER_QUEUE, WORK_OPTIONS, async ([job]) => {
    if (!isJudgeJobData(job.data)) return;
    await runDeadLetterJob(context, job.data.submissionId);
  });
  log.info({ workerId: options.workerId }, 'judge worker started');

  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
      await sandbox.close();
      await db.$disconnect();
      log.info({ workerId: options.workerId }, 'judge worker stopped');
    },
  };
}

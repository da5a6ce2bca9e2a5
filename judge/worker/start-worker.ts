import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { createDatabase } from '../../lib/db/client';
import { CUSTOM_RUN_QUEUE, isCustomRunJobData, isJudgeJobData, JUDGE_DEAD_LETTER_QUEUE, JUDGE_QUEUE } from '../../lib/judge-queue/queue-config';
import { warmReferences } from '../core/judge-training';
import { ReferenceCache } from '../core/reference-cache';
import { availableHostBackends, probeIsolateBackend } from '../core/tf-backend';
import type { TfBackendName } from '../sandbox/protocol';
import { SandboxProcess } from '../sandbox/sandbox-process';
import type { TrainingTaskDefinition } from '../tasks/training-types';
import type { Json, TaskDefinition } from '../tasks/types';
import { runCustomRunJob } from './custom-run-job';
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
  /** Training parts by slug; without it the worker judges function parts only. */
  findTrainingTask?: (slug: string) => TrainingTaskDefinition | undefined;
  /** Every training part, for warming the reference cache. */
  trainingTasks?: readonly TrainingTaskDefinition[];
  /** Folder of the reference cache's files; null keeps it in memory only. */
  referenceCacheDir?: string | null;
  /** TensorFlow.js backend of training runs (default wasm). */
  tfBackend?: TfBackendName;
  /** Trains the reference models of trainingTasks at start-up, in the background. */
  warmReferences?: boolean;
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
 *
 * Custom runs have a loop and a sandbox process of their own, so a worker judges one submission
 * and runs one custom run at a time. A run therefore does not wait for a submission to finish,
 * which can take a minute with its speed grade. The price is that a run and a submission can share
 * the CPU: their CPU times are each process's own, so verdicts hold, but the speed grade's timings
 * get noisier while runs happen. A run costs at most two compile steps and two runs under the
 * task's limits, and the web app limits runs per user.
 */
export async function startJudgeWorker(options: JudgeWorkerOptions): Promise<JudgeWorker> {
  // Binds the worker's id to every line it logs.
  const log = options.log.child({ workerId: options.workerId });
  const superviseSeconds = options.superviseIntervalSeconds ?? 10;
  const db = createDatabase(options.databaseUrl, { max: 4 });
  const sandbox = new SandboxProcess({ log });
  const runSandbox = new SandboxProcess({ log });
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
  boss.on('error', (error) => log.error({ err: error }, 'judge queue error'));

  const references = new ReferenceCache(options.referenceCacheDir ?? null, log);
  const context: JudgeJobContext = {
    db,
    sandbox,
    findTask: options.findTask,
    findTrainingTask: options.findTrainingTask,
    references,
    tfBackend: options.tfBackend,
    secret: options.secret,
    workerId: options.workerId,
    log,
    speedRepetitions: options.speedRepetitions,
  };

  await boss.start();
  await boss.work(JUDGE_QUEUE, WORK_OPTIONS, async ([job]) => {
    if (!isJudgeJobData(job.data)) {
      log.error({ jobId: job.id }, 'judging job without a submission id; dropped');
      return;
    }
    await runJudgeJob(context, job.data.submissionId);
  });
  await boss.work(JUDGE_DEAD_LETTER_QUEUE, WORK_OPTIONS, async ([job]) => {
    if (!isJudgeJobData(job.data)) return;
    await runDeadLetterJob(context, job.data.submissionId);
  });
  const runContext = { db, sandbox: runSandbox, findTask: options.findTask, workerId: options.workerId, log };
  await boss.work(CUSTOM_RUN_QUEUE, WORK_OPTIONS, async ([job]) => {
    if (!isCustomRunJobData(job.data)) {
      log.error({ runId: job.id }, 'custom run without valid data; dropped');
      return null;
    }
    return runCustomRunJob(runContext, job.id, job.data);
  });
  log.info('judge worker started');
  if (options.findTrainingTask) void prepareTraining(options, log, sandbox, references);

  return {
    async stop() {
      await boss.stop({ graceful: true, timeout: STOP_TIMEOUT_MS });
      await sandbox.close();
      await runSandbox.close();
      await db.$disconnect();
      log.info('judge worker stopped');
    },
  };
}

/**
 * Logs the TensorFlow.js backends once: the one that training runs get in the isolate, and the
 * host's. Loading it now also makes the sandbox process build the bundle before the first
 * submission needs it. Then warms the reference cache when asked. Failures are logged, and function
 * parts are judged regardless.
 */
async function prepareTraining(options: JudgeWorkerOptions, log: Logger, sandbox: SandboxProcess, references: ReferenceCache): Promise<void> {
  const backend = options.tfBackend ?? 'wasm';
  try {
    const [setup, hostBackends] = await Promise.all([probeIsolateBackend(sandbox, backend), availableHostBackends()]);
    log.info(
      { isolateBackend: setup.backend, requestedBackend: backend, fallbackReason: setup.fallbackReason, loadMs: setup.loadMs, hostBackend: hostBackends[0] },
      'TensorFlow.js backends for training parts',
    );
  } catch (error) {
    log.error({ err: error }, 'TensorFlow.js does not load in the sandbox; training parts will fail until it does');
    return;
  }
  if (!options.warmReferences || !options.trainingTasks) return;
  const startedAt = Date.now();
  const failed = await warmReferences({ tasks: options.trainingTasks, secret: options.secret, sandbox, references, backend, log });
  log.info({ tasks: options.trainingTasks.length, failed, ms: Date.now() - startedAt }, 'reference cache warmed');
}

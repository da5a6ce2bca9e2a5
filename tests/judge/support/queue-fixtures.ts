import path from 'node:path';
import pino from 'pino';
import type { Database } from '../../../lib/db/client';
import { superviseWorkers, type WorkerSupervisor } from '../../../judge/worker/supervise-workers';

export const TEST_DATASET_SECRET = 'holdout-test-dataset-secret';
const WORKER_ENTRY = path.join(import.meta.dirname, 'worker-entry.ts');

/**
 * Starts real judge worker processes that know the test tasks, with fast supervision for tests.
 * `env` adds variables, e.g. HOLDOUT_DATA_DIR for the reference cache of training parts.
 */
export function startTestWorkers(databaseUrl: string, count = 1, env: Record<string, string> = {}): WorkerSupervisor {
  return superviseWorkers({
    count,
    entry: WORKER_ENTRY,
    env: {
      NODE_ENV: 'test',
      PATH: process.env.PATH,
      DATABASE_URL: databaseUrl,
      HOLDOUT_DATASET_SECRET: TEST_DATASET_SECRET,
      HOLDOUT_JUDGE_SUPERVISE_SECONDS: '1',
      HOLDOUT_JUDGE_SPEED_REPETITIONS: '2',
      // The workers' expected error lines (failed attempts) stay out of the test output unless asked for.
      LOG_LEVEL: process.env.HOLDOUT_TEST_LOG_LEVEL ?? 'fatal',
      ...env,
    },
    log: pino({ level: process.env.HOLDOUT_TEST_LOG_LEVEL ?? 'warn' }),
  });
}

let counter = 0;

/** Stores a user, a task with one version for `judgeSlug`, and a queued submission, as the web app does. */
export async function createQueuedSubmission(
  prisma: Database,
  options: { judgeSlug: string; code: string; language?: 'typescript' | 'javascript'; version?: number },
): Promise<string> {
  counter += 1;
  const tag = `${process.pid}-${counter}-${Date.now()}`;
  const user = await prisma.user.create({ data: { email: `candidate-${tag}@example.test`, name: 'Candidate' } });
  const task = await prisma.task.create({
    data: { slug: `task-${tag}`, topic: 'test', kind: 'classical', difficulty: 'easy', position: counter, titleZh: '测试', titleEn: 'Test' },
  });
  const version = await prisma.taskVersion.create({
    data: {
      taskId: task.id,
      version: options.version ?? 1,
      judgeSlug: options.judgeSlug,
      functionName: 'sumRows',
      statementZh: '测试',
      statementEn: 'Test',
      starterCode: '',
      limits: {},
      samples: [],
    },
  });
  const submission = await prisma.submission.create({
    data: { userId: user.id, taskVersionId: version.id, language: options.language ?? 'typescript', code: options.code },
  });
  await prisma.submissionEvent.create({ data: { submissionId: submission.id, status: 'queued' } });
  return submission.id;
}

/** Polls until `done` returns true or the timeout passes, and returns the last value read. */
export async function waitForSubmission<T>(
  read: () => Promise<T>,
  done: (row: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await read();
    if (done(row) || Date.now() > deadline) return row;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

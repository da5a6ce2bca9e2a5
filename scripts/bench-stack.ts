// The database and judge worker that the benchmarks' queue measurements run against.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { superviseWorkers, type WorkerSupervisor } from '../judge/worker/supervise-workers';
import { createDatabase } from '../lib/db/client';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { migrateDeploy } from '../lib/db/migrate';
import { stopJudgeQueueSender } from '../lib/judge-queue/enqueue';
import { ensureJudgeQueue } from '../lib/judge-queue/ensure-judge-queue';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface BenchStack {
  databaseUrl: string;
  prisma: ReturnType<typeof createDatabase>;
  /** A temporary folder of this stack, removed when it stops. */
  dataRoot: string;
}

/**
 * Runs `work` against a fresh embedded PostgreSQL, migrated and with the judge queue, and one judge
 * worker process whose environment adds `workerEnv(dataRoot)`. Stops and removes all of it afterwards.
 */
export async function withBenchStack<T>(
  options: { prefix: string; secret: string; workerEnv?: (dataRoot: string) => Record<string, string> },
  work: (stack: BenchStack) => Promise<T>,
): Promise<T> {
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), options.prefix));
  execFileSync('chmod', ['755', dataRoot]);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, 'cluster'), database: 'holdout_bench' });
  const prisma = createDatabase(database.url, { max: 4 });
  let workers: WorkerSupervisor | undefined;
  try {
    await migrateDeploy(database.url, ROOT);
    await ensureJudgeQueue(database.url);
    workers = superviseWorkers({
      count: 1,
      entry: path.join(ROOT, 'judge', 'worker', 'worker-main.ts'),
      env: { ...process.env, DATABASE_URL: database.url, HOLDOUT_DATASET_SECRET: options.secret, LOG_LEVEL: 'warn', ...options.workerEnv?.(dataRoot) },
      log: pino({ level: 'warn' }, pino.destination(2)),
    });
    return await work({ databaseUrl: database.url, prisma, dataRoot });
  } finally {
    await workers?.stop();
    await stopJudgeQueueSender();
    await prisma.$disconnect();
    await database.stop();
    await rm(dataRoot, { recursive: true, force: true });
  }
}

/** Polls the submission every `pollMs` until the worker has judged it, and returns its verdict. */
export async function waitJudged(prisma: BenchStack['prisma'], id: string, pollMs: number): Promise<string | null> {
  for (;;) {
    const found = await prisma.submission.findUniqueOrThrow({ where: { id }, select: { status: true, verdict: true } });
    if (found.status === 'judged') return found.verdict;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

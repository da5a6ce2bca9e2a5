// The judge's entry point: `node --no-node-snapshot --import tsx judge/main.ts`. It makes sure the
// judging queues exist, then starts HOLDOUT_JUDGE_WORKERS worker processes (default 1) and restarts
// any that dies. Needs DATABASE_URL; HOLDOUT_DATASET_SECRET seeds the hidden tests.
import path from 'node:path';
import { DATASET_SECRET_DEFAULT, parseEnv } from '../lib/config/env';
import { ensureJudgeQueue } from '../lib/judge-queue/ensure-judge-queue';
import { logger } from '../lib/log/logger';
import { superviseWorkers } from './worker/supervise-workers';

async function main(): Promise<void> {
  const env = parseEnv();
  const log = logger.child({ component: 'judge-supervisor' });
  if (!env.DATABASE_URL) {
    log.fatal('DATABASE_URL is not set; start the judge with the URL of the database the web app uses.');
    process.exit(1);
  }
  if (env.NODE_ENV === 'production' && (!env.HOLDOUT_DATASET_SECRET || env.HOLDOUT_DATASET_SECRET === DATASET_SECRET_DEFAULT)) {
    log.fatal('HOLDOUT_DATASET_SECRET must be set to a private value in production, because hidden tests are derived from it.');
    process.exit(1);
  }

  await ensureJudgeQueue(env.DATABASE_URL);
  if (env.HOLDOUT_JUDGE_WORKERS === 0) {
    log.warn('HOLDOUT_JUDGE_WORKERS is 0: no submissions will be judged by this machine.');
    return;
  }

  const supervisor = superviseWorkers({
    count: env.HOLDOUT_JUDGE_WORKERS,
    entry: path.join(import.meta.dirname, 'worker', 'worker-main.ts'),
    log,
  });
  log.info({ workers: env.HOLDOUT_JUDGE_WORKERS }, 'judge started');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'judge stopping');
    supervisor.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'judge failed to start');
  process.exit(1);
});

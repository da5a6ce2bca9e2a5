import { logger } from '../../lib/log/logger';
import { resolveDatasetSecret } from '../core/dataset-secret';
import type { TrainingTaskDefinition } from '../tasks/training-types';
import type { Json, TaskDefinition } from '../tasks/types';
import { startJudgeWorker } from './start-worker';
import { parseWorkerConfig } from './worker-config';

/**
 * Runs one judge worker as this process's whole job: reads the environment, starts the worker, and
 * stops it on SIGTERM or SIGINT. Exits with code 1 when it cannot start.
 */
export async function runWorkerProcess(options: {
  findTask: (slug: string) => TaskDefinition<Json> | undefined;
  findTrainingTask?: (slug: string) => TrainingTaskDefinition | undefined;
  trainingTasks?: readonly TrainingTaskDefinition[];
}): Promise<void> {
  let config;
  try {
    config = parseWorkerConfig();
  } catch (error) {
    logger.fatal({ err: error }, 'judge worker cannot start');
    process.exit(1);
  }
  const log = logger.child({ workerId: config.workerId });
  const secret = resolveDatasetSecret(process.env, (message) => log.warn(message));

  let worker;
  try {
    // The worker binds its id to every line itself.
    worker = await startJudgeWorker({ ...config, ...options, secret, log: logger });
  } catch (error) {
    log.fatal({ err: error }, 'judge worker failed to start');
    process.exit(1);
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'judge worker stopping');
    worker.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'judge worker did not stop cleanly');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

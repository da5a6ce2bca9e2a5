import { PgBoss, type Queue } from 'pg-boss';
import { CUSTOM_RUN_QUEUE, CUSTOM_RUN_QUEUE_OPTIONS, JUDGE_DEAD_LETTER_QUEUE, JUDGE_DEAD_LETTER_QUEUE_OPTIONS, JUDGE_QUEUE, JUDGE_QUEUE_OPTIONS } from './queue-config';

async function createOrUpdateQueue(boss: PgBoss, name: string, options: Omit<Queue, 'name'>): Promise<void> {
  if (await boss.getQueue(name)) {
    // Keeps an existing queue in step with the settings in queue-config.ts after an upgrade.
    const { heartbeatSeconds, deadLetter, retryLimit, retryDelay, expireInSeconds, retentionSeconds, deleteAfterSeconds, notify } = options;
    // pg-boss rejects a key that is present but undefined (the dead-letter queue has no deadLetter).
    const settings = Object.fromEntries(
      Object.entries({ heartbeatSeconds, deadLetter, retryLimit, retryDelay, expireInSeconds, retentionSeconds, deleteAfterSeconds, notify }).filter(([, value]) => value !== undefined),
    );
    await boss.updateQueue(name, settings);
    return;
  }
  await boss.createQueue(name, options);
}

/**
 * Installs or migrates pg-boss's schema in the database and creates the judging and custom-run
 * queues. The start script calls it once before the web app and the judge start; it is safe to
 * call again.
 */
export async function ensureJudgeQueue(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    max: 2,
    supervise: false,
    schedule: false,
    registerInstance: false,
    createSchema: true,
    migrate: true,
  });
  const errors: Error[] = [];
  boss.on('error', (error) => errors.push(error));
  await boss.start();
  try {
    await createOrUpdateQueue(boss, JUDGE_DEAD_LETTER_QUEUE, JUDGE_DEAD_LETTER_QUEUE_OPTIONS);
    await createOrUpdateQueue(boss, JUDGE_QUEUE, JUDGE_QUEUE_OPTIONS);
    await createOrUpdateQueue(boss, CUSTOM_RUN_QUEUE, CUSTOM_RUN_QUEUE_OPTIONS);
  } finally {
    await boss.stop({ graceful: false });
  }
  if (errors.length > 0) throw new Error(`pg-boss reported an error while setting up the judging queues: ${errors[0].message}`, { cause: errors[0] });
}

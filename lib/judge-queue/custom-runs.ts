import { queueSender } from './enqueue';
import { CUSTOM_RUN_QUEUE, isCustomRunJobData, type CustomRunJobData } from './queue-config';

/** pg-boss job ids are UUIDs; anything else cannot name a job and must not reach PostgreSQL's uuid cast. */
const JOB_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A custom-run job as the web app reads it: who started it, its state, and its output once done. */
export interface CustomRunJob {
  id: string;
  userId: string;
  /** pg-boss's state: created, retry, active, completed, cancelled or failed. */
  state: string;
  /** The worker's CustomRunJobOutput once completed; pg-boss's error record once failed. */
  output: unknown;
}

function resolveDatabaseUrl(databaseUrl: string | undefined): string {
  const url = databaseUrl ?? process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set, so the custom-run queue cannot be reached.');
  return url;
}

/** Queues a custom run and returns its job id. */
export async function enqueueCustomRun(data: CustomRunJobData, options: { databaseUrl?: string } = {}): Promise<string> {
  const boss = await queueSender(resolveDatabaseUrl(options.databaseUrl));
  const jobId = await boss.send(CUSTOM_RUN_QUEUE, data);
  if (!jobId) throw new Error(`pg-boss did not accept the custom run of user ${data.userId}`);
  return jobId;
}

/** Loads a custom-run job by id; null when the id is malformed or no such job exists (any more). */
export async function findCustomRunJob(id: string, options: { databaseUrl?: string } = {}): Promise<CustomRunJob | null> {
  if (!JOB_ID.test(id)) return null;
  const boss = await queueSender(resolveDatabaseUrl(options.databaseUrl));
  const job = await boss.getJobById<unknown>(CUSTOM_RUN_QUEUE, id);
  if (!job || !isCustomRunJobData(job.data)) return null;
  return { id: job.id, userId: job.data.userId, state: job.state, output: job.output ?? null };
}

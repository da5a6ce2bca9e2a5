import os from 'node:os';
import { z } from 'zod';

const workerEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  HOLDOUT_JUDGE_WORKER_ID: z.string().trim().min(1).optional(),
  HOLDOUT_JUDGE_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  HOLDOUT_JUDGE_SPEED_REPETITIONS: z.coerce.number().int().min(1).max(50).default(5),
});

export interface WorkerConfig {
  databaseUrl: string;
  workerId: string;
  superviseIntervalSeconds: number;
  speedRepetitions: number;
}

/** Reads a judge worker's settings from the environment; throws with one line per invalid variable. */
export function parseWorkerConfig(source: NodeJS.ProcessEnv = process.env): WorkerConfig {
  const parsed = workerEnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Invalid judge worker environment:\n${problems}`);
  }
  const env = parsed.data;
  return {
    databaseUrl: env.DATABASE_URL,
    workerId: env.HOLDOUT_JUDGE_WORKER_ID ?? `${os.hostname()}-${process.pid}`,
    superviseIntervalSeconds: env.HOLDOUT_JUDGE_SUPERVISE_SECONDS,
    speedRepetitions: env.HOLDOUT_JUDGE_SPEED_REPETITIONS,
  };
}

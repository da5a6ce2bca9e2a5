import os from 'node:os';
import { z } from 'zod';
import { referenceCacheDirectory } from '../core/reference-cache';

const workerEnvSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  HOLDOUT_JUDGE_WORKER_ID: z.string().trim().min(1).optional(),
  HOLDOUT_JUDGE_SUPERVISE_SECONDS: z.coerce.number().int().min(1).max(3600).default(10),
  HOLDOUT_JUDGE_SPEED_REPETITIONS: z.coerce.number().int().min(1).max(50).default(5),
  HOLDOUT_DATA_DIR: z.string().trim().min(1).default('.data'),
  HOLDOUT_JUDGE_TF_BACKEND: z.enum(['wasm', 'cpu']).default('wasm'),
  HOLDOUT_JUDGE_WARM_REFERENCES: z.enum(['0', '1']).default('0'),
});

export interface WorkerConfig {
  databaseUrl: string;
  workerId: string;
  superviseIntervalSeconds: number;
  speedRepetitions: number;
  /** Folder of the reference models' cached metrics: `<HOLDOUT_DATA_DIR>/judge-cache`, relative to the project root. */
  referenceCacheDir: string;
  /** TensorFlow.js backend of training runs in the isolate; wasm falls back to cpu where it cannot start. */
  tfBackend: 'wasm' | 'cpu';
  /** Whether the worker trains every training part's reference models when it starts. */
  warmReferences: boolean;
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
    referenceCacheDir: referenceCacheDirectory(env.HOLDOUT_DATA_DIR),
    tfBackend: env.HOLDOUT_JUDGE_TF_BACKEND,
    warmReferences: env.HOLDOUT_JUDGE_WARM_REFERENCES === '1',
  };
}

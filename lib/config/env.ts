import { z } from 'zod';

// Development-only defaults. A production start rejects both (see assertProductionSafe).
export const DEMO_PASSWORD_DEFAULT = 'holdout-demo';
export const DATASET_SECRET_DEFAULT = 'holdout-development-dataset-secret';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: optionalString.pipe(
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://').optional(),
  ),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOLDOUT_DATA_DIR: z.string().default('.data'),
  HOLDOUT_PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  NEXTAUTH_URL: optionalString.pipe(z.url().optional()),
  NEXTAUTH_SECRET: optionalString.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  HOLDOUT_DATASET_SECRET: optionalString,
  HOLDOUT_DEMO_PASSWORD: optionalString,
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  HOLDOUT_JUDGE_WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  // Time zone for dates shown on the site (an IANA name).
  HOLDOUT_TIME_ZONE: z.string().default('Asia/Shanghai').refine(isTimeZone, 'must be an IANA time zone name such as Asia/Shanghai or UTC'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses and validates the environment, throwing EnvError with one line per problem. */
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

/** Rejects settings that are fine for development but unsafe in production. */
export function assertProductionSafe(env: Env): void {
  if (env.NODE_ENV !== 'production') return;
  const problems: string[] = [];
  if (!env.NEXTAUTH_SECRET) problems.push('NEXTAUTH_SECRET: required in production (32+ random characters)');
  if (env.HOLDOUT_DEMO_PASSWORD === DEMO_PASSWORD_DEFAULT) {
    problems.push('HOLDOUT_DEMO_PASSWORD: the development demo password is not allowed in production');
  }
  if (!env.HOLDOUT_DATASET_SECRET || env.HOLDOUT_DATASET_SECRET === DATASET_SECRET_DEFAULT) {
    problems.push('HOLDOUT_DATASET_SECRET: required in production, because hidden tests are derived from it');
  }
  if (problems.length > 0) throw new EnvError(problems);
}

/**
 * Password for the demo accounts: HOLDOUT_DEMO_PASSWORD, else the development default outside
 * production. Production without the variable seeds no demo accounts.
 */
export function demoPassword(env: Env): string | undefined {
  if (env.HOLDOUT_DEMO_PASSWORD) return env.HOLDOUT_DEMO_PASSWORD;
  return env.NODE_ENV === 'production' ? undefined : DEMO_PASSWORD_DEFAULT;
}

let cached: Env | undefined;

/** Returns the validated environment, parsed once per process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

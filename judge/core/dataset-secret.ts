import { DATASET_SECRET_DEFAULT } from '../../lib/config/env';

let warned = false;

/**
 * Returns HOLDOUT_DATASET_SECRET, from which every hidden test is derived. Without it the judge
 * uses the public development default and warns once, loudly: anyone can then regenerate the hidden
 * tests. A production start rejects the default (see assertProductionSafe in lib/config/env.ts).
 */
export function resolveDatasetSecret(environment: Record<string, string | undefined> = process.env, warn: (message: string) => void = console.warn): string {
  const configured = environment.HOLDOUT_DATASET_SECRET?.trim();
  if (configured) return configured;
  if (!warned) {
    warned = true;
    warn(
      'HOLDOUT_DATASET_SECRET is not set: hidden tests are generated from the public development default, ' +
        'so anyone can reproduce them. Set HOLDOUT_DATASET_SECRET to a long random value outside development.',
    );
  }
  return DATASET_SECRET_DEFAULT;
}

import { hash, verify } from '@node-rs/argon2';
import { logger } from '../log/logger';

// argon2id (the package's default algorithm) with OWASP's minimum recommended cost:
// 19 MiB of memory, 2 passes, 1 lane.
const HASH_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, HASH_OPTIONS);
}

/** Returns false for a wrong password and for a malformed stored hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch (error) {
    logger.error({ err: error }, 'stored password hash could not be verified');
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification, for sign-in attempts on unknown addresses, so
 * that response times do not reveal which email addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('holdout-dummy-password');
  await verifyPassword(await dummyHash, password);
  return false;
}

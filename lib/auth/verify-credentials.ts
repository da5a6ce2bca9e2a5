import type { Database } from '../db/client';
import { PASSWORD_MAX_LENGTH } from '../config/limits';
import { localeFromDb } from '../i18n/locales';
import { normalizeEmail } from './account-input';
import { verifyAgainstDummy, verifyPassword } from './password';
import type { SessionUser } from './session-user';

/**
 * Checks an email and password. Returns the user, or null for an unknown address, an account
 * without a password (GitHub only) and a wrong password alike, so callers cannot tell them apart.
 */
export async function verifyCredentials(database: Database, input: { email?: unknown; password?: unknown }): Promise<SessionUser | null> {
  if (typeof input.email !== 'string' || typeof input.password !== 'string') return null;
  if (input.password.length === 0 || input.password.length > PASSWORD_MAX_LENGTH) return null;

  const user = await database.user.findUnique({ where: { email: normalizeEmail(input.email) } });
  if (!user?.passwordHash) {
    await verifyAgainstDummy(input.password);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) return null;

  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: localeFromDb(user.locale) };
}

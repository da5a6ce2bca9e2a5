import type { Database } from '../db/client';
import { SIGN_UP_PER_IP } from '../config/limits';
import { AppError } from '../errors/app-error';
import { Prisma } from '../generated/prisma/client';
import { localeToDb, type AppLocale } from '../i18n/locales';
import { consumeRateLimit } from '../rate-limit/consume-rate-limit';
import { parseInput, SIGN_UP_MESSAGE_VALUES, signUpSchema } from './account-input';
import { hashPassword } from './password';
import type { SessionUser } from './session-user';

export interface CreateAccountContext {
  /** Client IP address for the sign-up rate limit. */
  ip: string;
  /** Language the visitor was using; it becomes the account's language. */
  locale: AppLocale;
}

/**
 * Creates a candidate account with an argon2id password hash. A taken email address raises
 * AppError('email_taken') and changes nothing, including under a concurrent duplicate sign-up.
 */
export async function createAccount(database: Database, input: unknown, context: CreateAccountContext): Promise<SessionUser> {
  const { email, name, password } = parseInput(signUpSchema, input, SIGN_UP_MESSAGE_VALUES);

  const limit = await consumeRateLimit(database, { key: `sign-up:ip:${context.ip}`, ...SIGN_UP_PER_IP });
  if (!limit.allowed) {
    throw new AppError('rate_limited', { internal: `sign-up limit for ip ${context.ip}`, values: { seconds: limit.retryAfterSeconds } });
  }

  const existing = await database.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) throw new AppError('email_taken', { internal: 'sign-up with a registered email', fields: { email: 'email_taken' } });

  try {
    const user = await database.user.create({
      data: { email, name, passwordHash: await hashPassword(password), role: 'candidate', locale: localeToDb(context.locale) },
      select: { id: true, email: true, name: true, role: true },
    });
    return { ...user, locale: context.locale };
  } catch (error) {
    // Two sign-ups with one address can both pass the lookup above; the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('email_taken', { internal: 'concurrent sign-up with one email', fields: { email: 'email_taken' }, cause: error });
    }
    throw error;
  }
}

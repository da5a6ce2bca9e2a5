import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import { isLocale, localeToDb, type AppLocale } from '../i18n/locales';

/** Validates a language choice; raises AppError('invalid_input') for anything but zh-CN and en. */
export function parseLocale(value: unknown): AppLocale {
  if (!isLocale(value)) throw new AppError('invalid_input', { internal: `locale ${String(value)}` });
  return value;
}

/** Saves a signed-in user's language, which then wins over the cookie on every device. */
export async function setUserLocale(database: Database, userId: string, locale: AppLocale): Promise<void> {
  await database.user.update({ where: { id: userId }, data: { locale: localeToDb(locale) } });
}

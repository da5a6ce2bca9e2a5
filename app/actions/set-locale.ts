'use server';

import { cookies } from 'next/headers';
import { currentUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { logger } from '@/lib/log/logger';
import { parseLocale, setUserLocale } from '@/lib/users/set-user-locale';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Switches the site's language: stores it in a cookie for everyone, and on the account of a
 * signed-in user so that it follows them to other browsers.
 */
export async function setLocaleAction(value: string): Promise<void> {
  const locale = parseLocale(value);
  const user = await currentUser();

  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: ONE_YEAR_SECONDS, sameSite: 'lax', httpOnly: false });
  if (user) {
    await setUserLocale(db(), user.id, locale);
    logger.info({ userId: user.id, locale }, 'language changed');
  }
}

import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { currentUser } from '@/lib/auth/require-user';
import { env } from '@/lib/config/env';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { resolveLocale } from '@/lib/i18n/resolve-locale';
import { MESSAGES } from '@/lib/i18n/translate';

// URLs carry no locale prefix: the language comes from the user's saved choice, then the cookie.
export default getRequestConfig(async () => {
  const locale = resolveLocale(await currentUser(), (await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: MESSAGES[locale], timeZone: env().HOLDOUT_TIME_ZONE };
});

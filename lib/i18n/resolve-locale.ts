import type { SessionUser } from '../auth/session-user';
import { DEFAULT_LOCALE, isLocale, type AppLocale } from './locales';

/**
 * Picks the language to show: the signed-in user's saved choice, else the visitor's cookie, else
 * Chinese. The language switch writes both, so they agree after a user changes language.
 */
export function resolveLocale(user: SessionUser | null, cookieValue: string | undefined): AppLocale {
  if (user) return user.locale;
  if (isLocale(cookieValue)) return cookieValue;
  return DEFAULT_LOCALE;
}

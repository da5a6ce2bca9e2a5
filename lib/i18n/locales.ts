import type { Locale as DbLocale } from '../generated/prisma/enums';

export const LOCALES = ['zh-CN', 'en'] as const;
export type AppLocale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: AppLocale = 'zh-CN';

/** Cookie that stores the language choice of a visitor who is not signed in. */
export const LOCALE_COOKIE = 'NEXT_LOCALE';

export function isLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Prisma names the zh-CN enum member `zh_CN` (mapped to 'zh-CN' in the database). */
export function localeFromDb(locale: DbLocale): AppLocale {
  return locale === 'zh_CN' ? 'zh-CN' : 'en';
}

export function localeToDb(locale: AppLocale): DbLocale {
  return locale === 'zh-CN' ? 'zh_CN' : 'en';
}

/** Picks the field of a zh/en pair that matches the locale, e.g. `titleZh` or `titleEn`. */
export function pickLocalized(locale: AppLocale, zh: string, en: string): string {
  return locale === 'zh-CN' ? zh : en;
}

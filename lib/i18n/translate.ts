import { createTranslator, type AbstractIntlMessages } from 'next-intl';
import en from '../../messages/en.json';
import zhCN from '../../messages/zh-CN.json';
import type { AppLocale } from './locales';

export const MESSAGES = { 'zh-CN': zhCN, en } as const;

export type Messages = typeof en;

/**
 * Creates a translator over the whole message catalogue, for code outside React rendering: route
 * handlers, server actions' error results and tests. Keys are plain strings because error codes
 * select them at run time.
 */
export function translator(locale: AppLocale): (key: string, values?: Record<string, string | number>) => string {
  const messages: AbstractIntlMessages = MESSAGES[locale];
  return createTranslator({ locale, messages }) as (key: string, values?: Record<string, string | number>) => string;
}

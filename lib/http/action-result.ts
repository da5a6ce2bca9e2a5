import { randomUUID } from 'node:crypto';
import { toAppError } from '../errors/http-status';
import type { AppLocale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { logger } from '../log/logger';
import { describeAppError } from './error-response';

/** Result of a form's server action, as its client component receives it. */
export type ActionResult = { ok: true } | { ok: false; code: string; message: string; fields?: Record<string, string> };

/**
 * Turns a failure inside a server action into a result the form can show, in the user's
 * language. Unknown errors are logged with a fresh id and reported generically.
 */
export function actionFailure(error: unknown, locale: AppLocale, action: string): ActionResult {
  const appError = toAppError(error);
  if (appError && appError.code !== 'internal') {
    logger.info({ code: appError.code, reason: appError.message, action }, 'action rejected');
    return { ok: false, ...describeAppError(appError, locale) };
  }
  const errorId = randomUUID();
  logger.error({ err: error, errorId, action }, 'action failed');
  return { ok: false, code: 'internal', message: translator(locale)('errors.internal', { errorId }) };
}

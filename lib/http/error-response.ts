import { randomUUID } from 'node:crypto';
import { HTTP_STATUS, toAppError } from '../errors/http-status';
import type { AppError } from '../errors/app-error';
import type { AppLocale } from '../i18n/locales';
import { translator } from '../i18n/translate';
import { logger } from '../log/logger';

/** Body of every error response from Holdout's API. */
export interface ErrorBody {
  error: {
    code: string;
    /** In the user's language. */
    message: string;
    /** Per-field messages for forms, in the user's language. */
    fields?: Record<string, string>;
    /** Correlates a 500 response with its log line. */
    errorId?: string;
  };
}

/** Translates an AppError's message and field keys into the user's language. */
export function describeAppError(error: AppError, locale: AppLocale): ErrorBody['error'] {
  const t = translator(locale);
  const fields = Object.fromEntries(Object.entries(error.fields).map(([field, key]) => [field, t(`fields.${key}`, error.values)]));
  return {
    code: error.code,
    message: t(`errors.${error.code}`, error.values),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}

/**
 * Builds the JSON response for a failed request. Known errors keep their status and message;
 * anything else is logged with a fresh id and returned as a generic 500 that reveals nothing.
 */
export function errorResponse(error: unknown, locale: AppLocale, context: { method: string; path: string }): Response {
  const appError = toAppError(error);
  if (appError && appError.code !== 'internal') {
    logger.info({ code: appError.code, reason: appError.message, ...context }, 'request rejected');
    const headers = new Headers({ 'content-type': 'application/json' });
    if (appError.code === 'rate_limited' && typeof appError.values.seconds === 'number') {
      headers.set('retry-after', String(appError.values.seconds));
    }
    const body: ErrorBody = { error: describeAppError(appError, locale) };
    return new Response(JSON.stringify(body), { status: HTTP_STATUS[appError.code], headers });
  }

  const errorId = randomUUID();
  logger.error({ err: error, errorId, ...context }, 'request failed');
  const body: ErrorBody = { error: { code: 'internal', message: translator(locale)('errors.internal', { errorId }), errorId } };
  return Response.json(body, { status: 500 });
}

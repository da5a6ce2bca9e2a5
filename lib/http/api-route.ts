import { currentUser } from '../auth/require-user';
import { parseCookieHeader } from '../auth/session-user';
import { LOCALE_COOKIE, type AppLocale } from '../i18n/locales';
import { resolveLocale } from '../i18n/resolve-locale';
import { logger } from '../log/logger';
import { errorResponse } from './error-response';

async function localeOfRequest(request: Request): Promise<AppLocale> {
  const cookie = parseCookieHeader(request.headers.get('cookie'))[LOCALE_COOKIE];
  try {
    return resolveLocale(await currentUser(request), cookie);
  } catch (error) {
    // The error being reported may be the database itself; the cookie still names a language.
    logger.warn({ err: error }, 'could not load the user to pick the error language');
    return resolveLocale(null, cookie);
  }
}

/**
 * Wraps a route handler so that every failure becomes a JSON error in the user's language with
 * the status of its code (lib/errors/http-status.ts). The handler itself still checks the
 * session and role: this wrapper only maps errors.
 */
export function apiRoute<Context>(handler: (request: Request, context: Context) => Promise<Response>) {
  return async function route(request: Request, context: Context): Promise<Response> {
    try {
      return await handler(request, context);
    } catch (error) {
      const locale = await localeOfRequest(request);
      return errorResponse(error, locale, { method: request.method, path: new URL(request.url).pathname });
    }
  };
}

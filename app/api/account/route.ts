import { createAccount } from '@/lib/auth/create-account';
import { parseCookieHeader } from '@/lib/auth/session-user';
import { clientIp } from '@/lib/auth/sign-in-rate-limit';
import { db } from '@/lib/db/client';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/read-json-body';
import { LOCALE_COOKIE } from '@/lib/i18n/locales';
import { resolveLocale } from '@/lib/i18n/resolve-locale';

const MAX_BODY_BYTES = 4096;

/**
 * Signs up: `{ email, name, password }` → 201 with the new account. A taken email answers 409,
 * invalid fields 422 with per-field messages, too many sign-ups from one address 429.
 */
export const POST = apiRoute(async (request: Request) => {
  const body = await readJsonBody(request, MAX_BODY_BYTES);
  const locale = resolveLocale(null, parseCookieHeader(request.headers.get('cookie'))[LOCALE_COOKIE]);

  const user = await createAccount(db(), body, { ip: clientIp(request.headers), locale });

  return Response.json({ user: { id: user.id, email: user.email, name: user.name } }, { status: 201 });
});

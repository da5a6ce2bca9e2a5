import { decode } from 'next-auth/jwt';
import type { Database } from '../db/client';
import type { Role } from '../generated/prisma/enums';
import { localeFromDb, type AppLocale } from '../i18n/locales';

/** The signed-in user as pages, handlers and actions get it, always read from the database. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  locale: AppLocale;
}

/**
 * Loads the user behind a session. Returns null for a deleted account, so that a session token
 * outliving its user grants nothing.
 */
export async function loadSessionUser(database: Database, userId: string): Promise<SessionUser | null> {
  const user = await database.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, role: true, locale: true },
  });
  if (!user) return null;
  return { ...user, locale: localeFromDb(user.locale) };
}

/** Parses a Cookie request header into name → value. */
export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (!name) continue;
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      // A malformed escape is kept as sent; the JWT decoder then rejects it.
      cookies[name] = value;
    }
  }
  return cookies;
}

// next-auth 4 names its session cookie by whether NEXTAUTH_URL is https, and splits a token over
// 4 KB into chunks suffixed .0, .1, … in order.
const SESSION_COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

function readSessionCookie(cookies: Record<string, string>): string | undefined {
  for (const name of SESSION_COOKIE_NAMES) {
    if (cookies[name]) return cookies[name];
    const chunks: string[] = [];
    for (let index = 0; cookies[`${name}.${index}`] !== undefined; index++) chunks.push(cookies[`${name}.${index}`]);
    if (chunks.length > 0) return chunks.join('');
  }
  return undefined;
}

/**
 * Decrypts next-auth's session cookie and returns the user id it names, or null when the cookie
 * is missing, expired or was not issued with this secret.
 */
export async function readSessionUserId(cookies: Record<string, string>, secret: string | undefined): Promise<string | null> {
  const token = readSessionCookie(cookies);
  if (!token || !secret) return null;
  try {
    const payload = await decode({ token, secret });
    return typeof payload?.sub === 'string' ? payload.sub : null;
  } catch {
    // An expired, tampered or foreign token is an ordinary signed-out visitor, not an error.
    return null;
  }
}

import { encode } from 'next-auth/jwt';
import type { TestDatabase } from './database';

/** Secret the tests sign session cookies with; set as NEXTAUTH_SECRET by useAppDatabase. */
export const TEST_NEXTAUTH_SECRET = 'test-secret-for-holdout-sessions-0123456789';

/**
 * Points the app's process-wide singletons (db(), env()) at a test database, for tests that call
 * route handlers or other code that reads DATABASE_URL. Call it before the first such call in
 * the file.
 */
export function useAppDatabase(database: TestDatabase): void {
  process.env.DATABASE_URL = database.url;
  process.env.NEXTAUTH_SECRET = TEST_NEXTAUTH_SECRET;
  delete process.env.NEXTAUTH_URL;
  // The client singleton lives on globalThis; drop one left by an earlier file in this worker.
  delete (globalThis as { holdoutPrisma?: unknown }).holdoutPrisma;
}

/** Builds a next-auth session cookie for `userId`, as the browser would send it. */
export async function sessionCookie(userId: string, secret = TEST_NEXTAUTH_SECRET): Promise<string> {
  const token = await encode({ token: { sub: userId }, secret });
  return `next-auth.session-token=${token}`;
}

/** Builds a Request with an optional session cookie and JSON body. */
export function makeRequest(
  url: string,
  options: { method?: string; cookie?: string; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set('cookie', options.cookie);
  let body = options.body;
  if (options.json !== undefined) {
    headers.set('content-type', 'application/json');
    body = JSON.stringify(options.json);
  }
  return new Request(new URL(url, 'http://127.0.0.1:3000'), { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
}

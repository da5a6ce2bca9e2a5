import type { Database } from '../db/client';
import { SIGN_IN_PER_EMAIL, SIGN_IN_PER_IP } from '../config/limits';
import { consumeRateLimit } from '../rate-limit/consume-rate-limit';
import { normalizeEmail } from './account-input';

export interface SignInAttemptDecision {
  allowed: boolean;
  retryAfterSeconds: number;
}

/**
 * Counts one sign-in attempt against the per-email and the per-IP limit, whatever its outcome.
 * Both counters advance on every attempt, so switching addresses does not escape the IP limit.
 */
export async function consumeSignInAttempt(database: Database, attempt: { email: string; ip: string }): Promise<SignInAttemptDecision> {
  const byEmail = await consumeRateLimit(database, { key: `sign-in:email:${normalizeEmail(attempt.email)}`, ...SIGN_IN_PER_EMAIL });
  const byIp = await consumeRateLimit(database, { key: `sign-in:ip:${attempt.ip}`, ...SIGN_IN_PER_IP });
  const blocked = [byEmail, byIp].filter((result) => !result.allowed);
  return {
    allowed: blocked.length === 0,
    retryAfterSeconds: Math.max(0, ...blocked.map((result) => result.retryAfterSeconds)),
  };
}

/**
 * Returns the client's IP address as the proxy in front of Next.js reports it. `next start` sets
 * X-Forwarded-For to the socket address only when the request lacks the header.
 * NOTE: a client that reaches `next start` directly can forge this header and so evade the
 * per-IP limit; the per-email limit still applies. Put a proxy that overwrites it in front.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',')[0]?.trim();
  return forwarded || headers.get('x-real-ip')?.trim() || 'unknown';
}

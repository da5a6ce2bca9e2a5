import type { Database } from '../db/client';

export interface RateLimitRule {
  /** Counter name plus subject, e.g. `sign-in:email:ada@example.com`. */
  key: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Requests counted in the current window, this one included. */
  count: number;
  /** Seconds until the current window ends. */
  retryAfterSeconds: number;
}

/**
 * Counts one request against a fixed-window limit stored in the RateLimit table, so every web
 * process shares the same counters. The increment is one atomic upsert; a request over the limit
 * is still counted, so hammering does not reopen the window early.
 */
export async function consumeRateLimit(database: Database, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowStart = new Date(Math.floor(now.getTime() / rule.windowMs) * rule.windowMs);
  const rows = await database.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${rule.key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  const count = Number(rows[0]?.count ?? 1);
  const windowEnd = windowStart.getTime() + rule.windowMs;
  return {
    allowed: count <= rule.limit,
    count,
    retryAfterSeconds: Math.max(1, Math.ceil((windowEnd - now.getTime()) / 1000)),
  };
}

/** Deletes counters whose window ended before `before`; the start script calls it once. */
export async function pruneRateLimits(database: Database, before: Date): Promise<number> {
  const result = await database.rateLimit.deleteMany({ where: { windowStart: { lt: before } } });
  return result.count;
}

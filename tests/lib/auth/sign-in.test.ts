import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consumeSignInAttempt } from '../../../lib/auth/sign-in-rate-limit';
import { verifyCredentials } from '../../../lib/auth/verify-credentials';
import { SIGN_IN_PER_EMAIL, SIGN_IN_PER_IP } from '../../../lib/config/limits';
import { consumeRateLimit } from '../../../lib/rate-limit/consume-rate-limit';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createUser } from '../../helpers/fixtures';

describe('verifyCredentials', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await createUser(database.prisma, { email: 'grace@example.com', password: 'hopper-1906' });
    await createUser(database.prisma, { email: 'github-only@example.com' });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('accepts the right password', async () => {
    const user = await verifyCredentials(database.prisma, { email: 'Grace@Example.com', password: 'hopper-1906' });
    expect(user?.email).toBe('grace@example.com');
    expect(user?.role).toBe('candidate');
  });

  it('rejects a wrong password', async () => {
    expect(await verifyCredentials(database.prisma, { email: 'grace@example.com', password: 'hopper-1907' })).toBeNull();
  });

  it('rejects an unknown address', async () => {
    expect(await verifyCredentials(database.prisma, { email: 'nobody@example.com', password: 'hopper-1906' })).toBeNull();
  });

  it('rejects an account without a password', async () => {
    expect(await verifyCredentials(database.prisma, { email: 'github-only@example.com', password: '' })).toBeNull();
    expect(await verifyCredentials(database.prisma, { email: 'github-only@example.com', password: 'anything' })).toBeNull();
  });

  it('rejects missing or non-string fields', async () => {
    expect(await verifyCredentials(database.prisma, {})).toBeNull();
    expect(await verifyCredentials(database.prisma, { email: ['grace@example.com'], password: 'hopper-1906' })).toBeNull();
  });
});

describe('sign-in rate limit', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('blocks an email after its limit, from any IP', async () => {
    const decisions = [];
    for (let attempt = 0; attempt <= SIGN_IN_PER_EMAIL.limit; attempt++) {
      decisions.push(await consumeSignInAttempt(database.prisma, { email: 'target@example.com', ip: `192.0.2.${attempt}` }));
    }
    expect(decisions.slice(0, SIGN_IN_PER_EMAIL.limit).every((decision) => decision.allowed)).toBe(true);
    const last = decisions[SIGN_IN_PER_EMAIL.limit];
    expect(last.allowed).toBe(false);
    expect(last.retryAfterSeconds).toBeGreaterThan(0);
    expect(last.retryAfterSeconds).toBeLessThanOrEqual(SIGN_IN_PER_EMAIL.windowMs / 1000);
  });

  it('treats email case as the same address', async () => {
    for (let attempt = 0; attempt < SIGN_IN_PER_EMAIL.limit; attempt++) {
      await consumeSignInAttempt(database.prisma, { email: 'case@example.com', ip: '192.0.2.200' });
    }
    const decision = await consumeSignInAttempt(database.prisma, { email: 'CASE@example.com', ip: '192.0.2.201' });
    expect(decision.allowed).toBe(false);
  });

  it('blocks an IP after its limit, across addresses', async () => {
    let lastDecision = { allowed: true, retryAfterSeconds: 0 };
    for (let attempt = 0; attempt <= SIGN_IN_PER_IP.limit; attempt++) {
      lastDecision = await consumeSignInAttempt(database.prisma, { email: `spray${attempt}@example.com`, ip: '198.51.100.1' });
    }
    expect(lastDecision.allowed).toBe(false);
    const otherIp = await consumeSignInAttempt(database.prisma, { email: 'spray-new@example.com', ip: '198.51.100.2' });
    expect(otherIp.allowed).toBe(true);
  });

  it('opens a new window after the old one ends', async () => {
    const rule = { key: 'test:window', limit: 1, windowMs: 60_000 };
    const start = new Date('2026-01-01T00:00:00Z');
    expect((await consumeRateLimit(database.prisma, rule, start)).allowed).toBe(true);
    expect((await consumeRateLimit(database.prisma, rule, new Date(start.getTime() + 59_000))).allowed).toBe(false);
    expect((await consumeRateLimit(database.prisma, rule, new Date(start.getTime() + 60_000))).allowed).toBe(true);
  });

  it('counts concurrent attempts exactly', async () => {
    const rule = { key: 'test:concurrent', limit: 100, windowMs: 60_000 };
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(database.prisma, rule)));
    expect(results.map((result) => result.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, index) => index + 1));
  });
});

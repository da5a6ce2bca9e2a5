import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../../app/api/auth/[...nextauth]/route';
import { SIGN_IN_PER_EMAIL } from '../../../lib/config/limits';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { makeRequest, useAppDatabase } from '../../helpers/app-env';

function signInRequest(email: string) {
  return makeRequest('/api/auth/callback/credentials', {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'wrong-password', json: 'true' }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '192.0.2.10' },
  });
}

const context = { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) };

describe('POST /api/auth/callback/credentials rate limit', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('returns 429 with RateLimited once the email is over its limit', async () => {
    // Exhaust the window directly, as failed attempts before this request would have.
    await database.prisma.rateLimit.create({
      data: {
        key: 'sign-in:email:victim@example.com',
        windowStart: new Date(Math.floor(Date.now() / SIGN_IN_PER_EMAIL.windowMs) * SIGN_IN_PER_EMAIL.windowMs),
        count: SIGN_IN_PER_EMAIL.limit,
      },
    });

    const response = await POST(signInRequest('Victim@Example.com'), context);

    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await response.json()) as { url: string };
    expect(new URL(body.url).searchParams.get('error')).toBe('RateLimited');
  });

  it('counts the attempt for the email and the IP', async () => {
    await POST(signInRequest('victim@example.com'), context).catch(() => undefined);
    const counters = await database.prisma.rateLimit.findMany({ where: { key: { in: ['sign-in:email:victim@example.com', 'sign-in:ip:192.0.2.10'] } } });
    expect(counters.find((row) => row.key.startsWith('sign-in:email'))?.count).toBe(SIGN_IN_PER_EMAIL.limit + 2);
    expect(counters.find((row) => row.key.startsWith('sign-in:ip'))?.count).toBe(2);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '../../../app/api/account/route';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { makeRequest, useAppDatabase } from '../../helpers/app-env';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe('POST /api/account', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('creates an account with 201', async () => {
    const response = await POST(makeRequest('/api/account', { json: { email: 'new@example.com', name: 'New', password: 'password-1' } }), undefined);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { user: { email: string } };
    expect(body.user.email).toBe('new@example.com');
    expect(JSON.stringify(body)).not.toContain('password');
  });

  it('returns 409 in Chinese for a duplicate email by default', async () => {
    const response = await POST(makeRequest('/api/account', { json: { email: 'NEW@example.com', name: 'Again', password: 'password-2' } }), undefined);
    expect(response.status).toBe(409);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('email_taken');
    expect(body.error.message).toBe('该邮箱已注册。请直接登录，或换一个邮箱。');
    expect(await database.prisma.user.count({ where: { email: 'new@example.com' } })).toBe(1);
  });

  it('translates errors per language cookie', async () => {
    const response = await POST(
      makeRequest('/api/account', { json: { email: 'new@example.com', name: 'Again', password: 'password-2' }, headers: { cookie: 'NEXT_LOCALE=en' } }),
      undefined,
    );
    const body = (await response.json()) as ErrorBody;
    expect(body.error.message).toBe('This email address is already registered. Sign in, or use another address.');
  });

  it('returns 422 with a message per invalid field', async () => {
    const response = await POST(makeRequest('/api/account', { json: { email: 'nope', name: '', password: '123' }, headers: { cookie: 'NEXT_LOCALE=en' } }), undefined);
    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.fields).toEqual({
      email: 'Enter a valid email address.',
      name: 'Enter a name.',
      password: 'The password needs at least 8 characters.',
    });
  });

  it('rejects a body that is not JSON', async () => {
    const form = await POST(
      makeRequest('/api/account', { method: 'POST', body: '{"email":"form@example.com","name":"F","password":"password-4"}', headers: { 'content-type': 'text/plain' } }),
      undefined,
    );
    expect(form.status).toBe(422);
    expect(await database.prisma.user.count({ where: { email: 'form@example.com' } })).toBe(0);
  });

  it('returns 422 for malformed JSON and 413 for an oversized body', async () => {
    const malformed = await POST(makeRequest('/api/account', { method: 'POST', body: '{"email":', headers: { 'content-type': 'application/json' } }), undefined);
    expect(malformed.status).toBe(422);
    const oversized = await POST(makeRequest('/api/account', { json: { email: 'big@example.com', name: 'x'.repeat(10_000), password: 'password-3' } }), undefined);
    expect(oversized.status).toBe(413);
    expect(await database.prisma.user.count({ where: { email: 'big@example.com' } })).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../lib/auth/create-account';
import { verifyCredentials } from '../../../lib/auth/verify-credentials';
import { AppError } from '../../../lib/errors/app-error';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';

const context = { ip: '203.0.113.7', locale: 'zh-CN' as const };

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('createAccount', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('creates a candidate with an argon2id hash', async () => {
    const user = await createAccount(database.prisma, { email: ' Ada@Example.COM ', name: 'Ada', password: 'correct horse' }, context);

    const row = await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe('ada@example.com');
    expect(row.role).toBe('candidate');
    expect(row.locale).toBe('zh_CN');
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('correct horse');
  });

  it('stores the visitor language as the account language', async () => {
    const user = await createAccount(database.prisma, { email: 'en@example.com', name: 'En', password: 'password-1' }, { ...context, locale: 'en' });
    expect(user.locale).toBe('en');
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe('en');
  });

  it('rejects a duplicate email and changes nothing', async () => {
    const before = await database.prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    const count = await database.prisma.user.count();

    const error = await rejection(createAccount(database.prisma, { email: 'ADA@example.com', name: 'Other', password: 'another password' }, context));

    expect(error.code).toBe('email_taken');
    expect(error.fields.email).toBe('email_taken');
    expect(await database.prisma.user.count()).toBe(count);
    const after = await database.prisma.user.findUniqueOrThrow({ where: { email: 'ada@example.com' } });
    expect(after).toEqual(before);
    expect(await verifyCredentials(database.prisma, { email: 'ada@example.com', password: 'another password' })).toBeNull();
  });

  it('lets only one of two concurrent duplicates through', async () => {
    const input = { email: 'race@example.com', name: 'Race', password: 'password-2' };
    const results = await Promise.allSettled([createAccount(database.prisma, input, context), createAccount(database.prisma, input, context)]);

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((result) => result.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toMatchObject({ code: 'email_taken' });
    expect(await database.prisma.user.count({ where: { email: 'race@example.com' } })).toBe(1);
  });

  it('reports each invalid field', async () => {
    const count = await database.prisma.user.count();

    const error = await rejection(createAccount(database.prisma, { email: 'not-an-email', name: '  ', password: 'short' }, context));

    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ email: 'email_invalid', name: 'name_required', password: 'password_too_short' });
    expect(await database.prisma.user.count()).toBe(count);
  });

  it('rejects input that is not an object', async () => {
    const error = await rejection(createAccount(database.prisma, 'ada@example.com', context));
    expect(error.code).toBe('invalid_input');
  });

  it('limits sign-ups per IP address', async () => {
    const ip = '198.51.100.99';
    const outcomes: string[] = [];
    for (let index = 0; index < 21; index++) {
      try {
        await createAccount(database.prisma, { email: `bulk${index}@example.com`, name: 'Bulk', password: 'password-3' }, { ...context, ip });
        outcomes.push('created');
      } catch (error) {
        outcomes.push((error as AppError).code);
      }
    }
    expect(outcomes.slice(0, 20).every((outcome) => outcome === 'created')).toBe(true);
    expect(outcomes[20]).toBe('rate_limited');
    expect(await database.prisma.user.count({ where: { email: 'bulk20@example.com' } })).toBe(0);
  }, 60_000);
});

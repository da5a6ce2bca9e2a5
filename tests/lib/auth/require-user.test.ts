import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireRole, requireUser } from '../../../lib/auth/require-user';
import { AppError } from '../../../lib/errors/app-error';
import { changeUserRole } from '../../../lib/users/change-user-role';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { makeRequest, sessionCookie, useAppDatabase } from '../../helpers/app-env';
import { createUser } from '../../helpers/fixtures';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('requireUser and requireRole', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
  });
  afterAll(async () => {
    await database.drop();
  });

  it('returns the user named by the session cookie', async () => {
    const user = await createUser(database.prisma);
    const request = makeRequest('/api/anything', { cookie: await sessionCookie(user.id) });
    expect(await requireUser(request)).toMatchObject({ id: user.id, email: user.email, role: 'candidate' });
  });

  it('rejects a request without a session', async () => {
    expect(await codeOf(requireUser(makeRequest('/api/anything')))).toBe('unauthenticated');
  });

  it('rejects a token signed with another secret', async () => {
    const user = await createUser(database.prisma);
    const cookie = await sessionCookie(user.id, 'another-secret-that-is-long-enough-0123456789');
    expect(await codeOf(requireUser(makeRequest('/api/anything', { cookie })))).toBe('unauthenticated');
  });

  it('rejects a tampered token', async () => {
    const user = await createUser(database.prisma);
    const cookie = await sessionCookie(user.id);
    const tampered = `${cookie.slice(0, -4)}AAAA`;
    expect(await codeOf(requireUser(makeRequest('/api/anything', { cookie: tampered })))).toBe('unauthenticated');
  });

  it('locks out a deleted user at once', async () => {
    const user = await createUser(database.prisma);
    const request = makeRequest('/api/anything', { cookie: await sessionCookie(user.id) });
    await requireUser(request);

    await database.prisma.user.delete({ where: { id: user.id } });

    expect(await codeOf(requireUser(request))).toBe('unauthenticated');
  });

  it('applies a demotion on the next request', async () => {
    const admin = await createUser(database.prisma, { role: 'admin' });
    const interviewer = await createUser(database.prisma, { role: 'interviewer' });
    const request = makeRequest('/api/anything', { cookie: await sessionCookie(interviewer.id) });
    expect((await requireRole(['interviewer', 'admin'], request)).role).toBe('interviewer');

    await changeUserRole(database.prisma, admin, { userId: interviewer.id, role: 'candidate' });

    expect(await codeOf(requireRole(['interviewer', 'admin'], request))).toBe('forbidden');
    expect((await requireUser(request)).role).toBe('candidate');
  });

  it('rejects a candidate for a reviewer role', async () => {
    const candidate = await createUser(database.prisma);
    const request = makeRequest('/api/anything', { cookie: await sessionCookie(candidate.id) });
    expect(await codeOf(requireRole(['interviewer', 'admin'], request))).toBe('forbidden');
  });
});

describe('changeUserRole', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('lets only admins change roles', async () => {
    const interviewer = await createUser(database.prisma, { role: 'interviewer' });
    const candidate = await createUser(database.prisma);
    expect(await codeOf(changeUserRole(database.prisma, interviewer, { userId: candidate.id, role: 'admin' }))).toBe('forbidden');
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: candidate.id } })).role).toBe('candidate');
  });

  it('refuses an admin changing their own role', async () => {
    const admin = await createUser(database.prisma, { role: 'admin' });
    expect(await codeOf(changeUserRole(database.prisma, admin, { userId: admin.id, role: 'candidate' }))).toBe('forbidden');
    expect((await database.prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('admin');
  });

  it('rejects an unknown role and an unknown user', async () => {
    const admin = await createUser(database.prisma, { role: 'admin' });
    const candidate = await createUser(database.prisma);
    expect(await codeOf(changeUserRole(database.prisma, admin, { userId: candidate.id, role: 'root' }))).toBe('invalid_input');
    expect(await codeOf(changeUserRole(database.prisma, admin, { userId: 'missing', role: 'interviewer' }))).toBe('not_found');
  });
});

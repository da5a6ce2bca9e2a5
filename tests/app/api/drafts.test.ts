import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUT } from '../../../app/api/drafts/route';
import type { SessionUser } from '../../../lib/auth/session-user';
import { makeRequest, sessionCookie, useAppDatabase } from '../../helpers/app-env';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createTask, createUser } from '../../helpers/fixtures';

describe('draft route handler', () => {
  let database: TestDatabase;
  let alice: SessionUser;
  let versionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    alice = await createUser(database.prisma);
    versionId = (await createTask(database.prisma)).version.id;
  });
  afterAll(async () => {
    await database.drop();
  });

  it('saves the signed-in user’s draft', async () => {
    const response = await PUT(
      makeRequest('/api/drafts', { method: 'PUT', cookie: await sessionCookie(alice.id), json: { taskVersionId: versionId, language: 'typescript', code: 'draft body' } }),
      undefined,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { savedAt: string };
    expect(Number.isNaN(Date.parse(body.savedAt))).toBe(false);

    const draft = await database.prisma.draft.findFirstOrThrow({ where: { userId: alice.id } });
    expect(draft.code).toBe('draft body');
    expect(draft.updatedAt.toISOString()).toBe(body.savedAt);
  });

  it('returns 401 without a session and stores nothing', async () => {
    const before = await database.prisma.draft.count();
    const response = await PUT(makeRequest('/api/drafts', { method: 'PUT', json: { taskVersionId: versionId, language: 'typescript', code: 'x' } }), undefined);
    expect(response.status).toBe(401);
    expect(await database.prisma.draft.count()).toBe(before);
  });

  it('returns 422 with a field message for an unknown language', async () => {
    const response = await PUT(
      makeRequest('/api/drafts', {
        method: 'PUT',
        cookie: await sessionCookie(alice.id),
        json: { taskVersionId: versionId, language: 'ruby', code: 'x' },
      }),
      undefined,
    );
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(body.error.fields.language).toBeTruthy();
  });

  it('returns 404 for an unknown task version', async () => {
    const response = await PUT(
      makeRequest('/api/drafts', { method: 'PUT', cookie: await sessionCookie(alice.id), json: { taskVersionId: 'missing', language: 'typescript', code: 'x' } }),
      undefined,
    );
    expect(response.status).toBe(404);
  });
});

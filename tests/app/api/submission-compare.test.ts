import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../../app/api/submissions/compare/route';
import type { SessionUser } from '../../../lib/auth/session-user';
import type { SubmissionDiff } from '../../../lib/submissions/diff-submissions';
import { makeRequest, sessionCookie, useAppDatabase } from '../../helpers/app-env';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createTask, createUser } from '../../helpers/fixtures';

const ALICE_SECRET = 'ALICE-PRIVATE-LINE-7731';

describe('submission compare route', () => {
  let database: TestDatabase;
  let alice: SessionUser;
  let bob: SessionUser;
  let interviewer: SessionUser;
  let aliceFirst: string;
  let aliceSecond: string;
  let bobOnly: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    alice = await createUser(database.prisma);
    bob = await createUser(database.prisma);
    interviewer = await createUser(database.prisma, { role: 'interviewer' });
    const { version } = await createTask(database.prisma);
    const create = (userId: string, code: string, createdAt: Date) =>
      database.prisma.submission.create({ data: { userId, taskVersionId: version.id, language: 'typescript', code, createdAt }, select: { id: true } });
    aliceFirst = (await create(alice.id, `const a = 1;\n// ${ALICE_SECRET}\nexport {};\n`, new Date('2026-12-01T10:00:00Z'))).id;
    aliceSecond = (await create(alice.id, 'const a = 2;\nexport {};\n', new Date('2026-12-01T11:00:00Z'))).id;
    bobOnly = (await create(bob.id, 'const b = 1;\n', new Date('2026-12-01T12:00:00Z'))).id;
  });
  afterAll(async () => {
    await database.drop();
  });

  async function compare(userId: string | null, from: string, to: string): Promise<Response> {
    const cookie = userId ? await sessionCookie(userId) : undefined;
    return GET(makeRequest(`/api/submissions/compare?from=${from}&to=${to}`, { cookie }), undefined);
  }

  it('diffs two of the user’s own submissions', async () => {
    const response = await compare(alice.id, aliceFirst, aliceSecond);
    expect(response.status).toBe(200);
    const diff = (await response.json()) as SubmissionDiff;

    expect(diff.from.id).toBe(aliceFirst);
    expect(diff.to.id).toBe(aliceSecond);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(2);
    expect(diff.rows).toEqual([
      { kind: 'removed', oldNumber: 1, newNumber: null, text: 'const a = 1;' },
      { kind: 'removed', oldNumber: 2, newNumber: null, text: `// ${ALICE_SECRET}` },
      { kind: 'added', oldNumber: null, newNumber: 1, text: 'const a = 2;' },
      { kind: 'context', oldNumber: 3, newNumber: 2, text: 'export {};' },
    ]);
  });

  it('answers 404 when one submission is another user’s', async () => {
    for (const [from, to] of [
      [aliceFirst, bobOnly],
      [bobOnly, aliceFirst],
    ]) {
      const response = await compare(bob.id, from, to);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(ALICE_SECRET);
    }
  });

  it('answers the same 404 for a missing id', async () => {
    const foreign = await compare(bob.id, aliceFirst, bobOnly);
    const missing = await compare(bob.id, 'no-such-submission', bobOnly);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe((await foreign.json()).error.code);
  });

  it('lets an interviewer diff a candidate’s submissions', async () => {
    const response = await compare(interviewer.id, aliceFirst, aliceSecond);
    expect(response.status).toBe(200);
    expect(((await response.json()) as SubmissionDiff).removed).toBe(2);
  });

  it('answers 401 without a session', async () => {
    expect((await compare(null, aliceFirst, aliceSecond)).status).toBe(401);
  });

  it('answers 422 without two ids', async () => {
    const response = await GET(makeRequest(`/api/submissions/compare?from=${aliceFirst}`, { cookie: await sessionCookie(alice.id) }), undefined);
    expect(response.status).toBe(422);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../../app/api/submissions/[id]/route';
import { POST } from '../../../app/api/submissions/route';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import { JUDGE_QUEUE } from '../../../lib/judge-queue/queue-config';
import type { SessionUser } from '../../../lib/auth/session-user';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { makeRequest, sessionCookie, useAppDatabase } from '../../helpers/app-env';
import { createTask, createUser } from '../../helpers/fixtures';

const HIDDEN_INPUT = 'HIDDEN-ARGS-4410';

describe('submission route handlers', () => {
  let database: TestDatabase;
  let alice: SessionUser;
  let bob: SessionUser;
  let interviewer: SessionUser;
  let versionId: string;
  let submissionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    // The start script and the judge each call it at start-up, so a second call must succeed.
    await ensureJudgeQueue(database.url);
    await ensureJudgeQueue(database.url);
    alice = await createUser(database.prisma);
    bob = await createUser(database.prisma);
    interviewer = await createUser(database.prisma, { role: 'interviewer' });
    versionId = (await createTask(database.prisma, { sourceBytes: 200 })).version.id;
  });
  afterAll(async () => {
    await stopJudgeQueueSender();
    await database.drop();
  });

  it('queues a submission on the judge queue', async () => {
    const response = await POST(
      makeRequest('/api/submissions', { cookie: await sessionCookie(alice.id), json: { taskVersionId: versionId, language: 'typescript', code: 'export const x = 1;' } }),
      undefined,
    );
    expect(response.status).toBe(201);
    submissionId = ((await response.json()) as { id: string }).id;

    const jobs = await database.prisma.$queryRawUnsafe<{ data: { submissionId: string } }[]>(`SELECT data FROM pgboss.job WHERE name = $1`, JUDGE_QUEUE);
    expect(jobs.map((job) => job.data.submissionId)).toContain(submissionId);
  });

  it('returns 401 without a session', async () => {
    const response = await POST(makeRequest('/api/submissions', { json: { taskVersionId: versionId, language: 'typescript', code: 'x' } }), undefined);
    expect(response.status).toBe(401);
  });

  it('returns 413 for code over the task limit and keeps nothing', async () => {
    const before = await database.prisma.submission.count();
    const response = await POST(
      makeRequest('/api/submissions', { cookie: await sessionCookie(bob.id), json: { taskVersionId: versionId, language: 'typescript', code: 'x'.repeat(201) } }),
      undefined,
    );
    expect(response.status).toBe(413);
    const body = (await response.json()) as { error: { fields: { code: string } } };
    expect(body.error.fields.code).toBe('代码太长：最多 200 字节（UTF-8 编码）。');
    expect(await database.prisma.submission.count()).toBe(before);
  });

  it('returns 404 for an unknown task version', async () => {
    const response = await POST(
      makeRequest('/api/submissions', { cookie: await sessionCookie(bob.id), json: { taskVersionId: 'nope', language: 'typescript', code: 'x' } }),
      undefined,
    );
    expect(response.status).toBe(404);
  });

  it('serves a submission to its author and reviewers only', async () => {
    await database.prisma.testResult.create({
      data: { submissionId, index: 0, name: 'hidden-01', hidden: true, verdict: 'accepted', cpuMs: 2, message: HIDDEN_INPUT, detail: { args: [HIDDEN_INPUT] } },
    });
    const context = { params: Promise.resolve({ id: submissionId }) };

    const asAlice = await GET(makeRequest(`/api/submissions/${submissionId}`, { cookie: await sessionCookie(alice.id) }), context);
    expect(asAlice.status).toBe(200);
    const text = await asAlice.text();
    expect(JSON.parse(text)).toMatchObject({ id: submissionId, status: 'queued', tests: [{ name: 'hidden-01', detail: null, message: null }] });
    expect(text).not.toContain(HIDDEN_INPUT);

    const asBob = await GET(makeRequest(`/api/submissions/${submissionId}`, { cookie: await sessionCookie(bob.id) }), context);
    expect(asBob.status).toBe(404);
    expect(await asBob.text()).not.toContain('export const x');

    const asInterviewer = await GET(makeRequest(`/api/submissions/${submissionId}`, { cookie: await sessionCookie(interviewer.id) }), context);
    expect(asInterviewer.status).toBe(200);

    const anonymous = await GET(makeRequest(`/api/submissions/${submissionId}`), context);
    expect(anonymous.status).toBe(401);
  });
});

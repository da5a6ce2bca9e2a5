import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../../app/api/runs/[id]/route';
import { POST } from '../../../app/api/runs/route';
import { metadata as kmeans } from '../../../judge/tasks/kmeans/metadata';
import type { SessionUser } from '../../../lib/auth/session-user';
import { CUSTOM_RUNS_PER_USER, MAX_RUN_INPUT_BYTES } from '../../../lib/config/limits';
import { stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { CUSTOM_RUN_QUEUE, type CustomRunJobData } from '../../../lib/judge-queue/queue-config';
import { makeRequest, sessionCookie, useAppDatabase } from '../../helpers/app-env';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createTask, createUser } from '../../helpers/fixtures';

const CODE = 'export function kmeans(points: number[][], k: number) { return { centroids: [], labels: [] }; }';
const INPUT = '[[[0, 0], [0, 1], [10, 10], [10, 11]], 2, 7]';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describe('custom run route handlers', () => {
  let database: TestDatabase;
  let alice: SessionUser;
  let bob: SessionUser;
  let kmeansVersionId: string;
  let comingSoonVersionId: string;
  let trainingVersionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    await ensureJudgeQueue(database.url);
    alice = await createUser(database.prisma);
    bob = await createUser(database.prisma);

    const created = await createTask(database.prisma, { sourceBytes: 2000 });
    const version = await database.prisma.taskVersion.update({ where: { id: created.version.id }, data: { judgeSlug: 'kmeans', version: kmeans.version } });
    kmeansVersionId = version.id;
    comingSoonVersionId = (await createTask(database.prisma, { judgeStatus: 'coming_soon' })).version.id;
    const training = await createTask(database.prisma);
    trainingVersionId = (await database.prisma.taskVersion.update({ where: { id: training.version.id }, data: { part: 'train', judgeSlug: 'kmeans', version: kmeans.version } })).id;
  });
  afterAll(async () => {
    await stopJudgeQueueSender();
    await database?.drop();
  });

  async function post(user: SessionUser | null, json: Record<string, unknown>): Promise<Response> {
    const body = { taskVersionId: kmeansVersionId, language: 'typescript', code: CODE, input: INPUT, ...json };
    return POST(makeRequest('/api/runs', { cookie: user ? await sessionCookie(user.id) : undefined, json: body }), undefined);
  }

  async function get(user: SessionUser | null, id: string): Promise<Response> {
    return GET(makeRequest(`/api/runs/${id}`, { cookie: user ? await sessionCookie(user.id) : undefined }), { params: Promise.resolve({ id }) });
  }

  async function queuedRuns(): Promise<{ id: string; data: CustomRunJobData }[]> {
    return database.prisma.$queryRawUnsafe(`SELECT id::text AS id, data FROM pgboss.job WHERE name = $1`, CUSTOM_RUN_QUEUE);
  }

  it('queues a valid run with its arguments', async () => {
    const response = await post(alice, {});

    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const job = (await queuedRuns()).find((run) => run.id === id);
    expect(job?.data).toEqual({ userId: alice.id, taskVersionId: kmeansVersionId, code: CODE, language: 'typescript', args: [[[0, 0], [0, 1], [10, 10], [10, 11]], 2, 7] });
  });

  it('accepts the sample shape with "args"', async () => {
    const response = await post(alice, { input: '{ "args": [[[1, 2]], 1, 0], "expected": null }' });

    expect(response.status).toBe(202);
  });

  it('requires a session', async () => {
    const response = await post(null, {});

    expect(response.status).toBe(401);
  });

  it.each([
    ['invalid JSON', { input: '[[[0, 0]], 1,' }, /^输入不是合法的 JSON：/],
    ['a value that is not an argument list', { input: '{"points": []}' }, /^输入必须是 JSON 数组/],
    ['arguments that fail validateArgs', { input: '[[[0, 0], [1, 1]], 3, 7]' }, /^参数无效：k = 3, expected at most 2/],
    ['an empty input', { input: '   ' }, /^请以 JSON 数组的形式输入参数。$/],
  ])('rejects %s with 422 and queues nothing', async (_name, json, message) => {
    const before = (await queuedRuns()).length;
    const response = await post(bob, json);

    expect(response.status).toBe(422);
    const body = (await response.json()) as ErrorBody;
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields?.input).toMatch(message);
    expect((await queuedRuns()).length).toBe(before);
  });

  it('rejects input over the size limit with 413', async () => {
    const input = `[${'0,'.repeat(MAX_RUN_INPUT_BYTES / 2)}0]`;
    const response = await post(bob, { input });

    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.fields?.input).toMatch(/^输入太大：最多 262144 字节/);
  });

  it('rejects code over the task limit with 413', async () => {
    const response = await post(bob, { code: `// ${'x'.repeat(2000)}` });

    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.fields?.code).toMatch(/2000/);
  });

  it('rejects unavailable parts and unknown versions', async () => {
    expect((await post(bob, { taskVersionId: comingSoonVersionId })).status).toBe(409);
    const training = await post(bob, { taskVersionId: trainingVersionId });
    expect(training.status).toBe(409);
    expect(((await training.json()) as ErrorBody).error.fields?.input).toBe('训练类题目部分不支持用自己的输入运行。');
    expect((await post(bob, { taskVersionId: 'no-such-version' })).status).toBe(404);
  });

  it('shows a run to its author only', async () => {
    const { id } = (await (await post(alice, {})).json()) as { id: string };

    const asAlice = await get(alice, id);
    expect(asAlice.status).toBe(200);
    expect(asAlice.headers.get('cache-control')).toBe('no-store');
    const text = await asAlice.text();
    expect(JSON.parse(text)).toEqual({ id, state: 'queued', result: null, rejection: null });
    expect(text).not.toContain('export function');

    const asBob = await get(bob, id);
    expect(asBob.status).toBe(404);
    expect(await asBob.text()).not.toContain('kmeans');
    expect((await get(null, id)).status).toBe(401);
  });

  it('answers 404 for unknown and malformed ids', async () => {
    expect((await get(alice, randomUUID())).status).toBe(404);
    expect((await get(alice, 'not-a-uuid')).status).toBe(404);
    expect((await get(alice, "'; DROP TABLE pgboss.job; --")).status).toBe(404);
  });

  it('limits runs per user with 429', async () => {
    const carol = await createUser(database.prisma);
    for (let run = 0; run < CUSTOM_RUNS_PER_USER.limit; run++) {
      expect((await post(carol, {})).status).toBe(202);
    }

    const limited = await post(carol, {});
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited.json()) as ErrorBody;
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.fields?.input).toMatch(/^每分钟最多运行 10 次，请在 \d+ 秒后重试。$/);

    // Another user is not affected.
    expect((await post(bob, {})).status).toBe(202);
  });
});

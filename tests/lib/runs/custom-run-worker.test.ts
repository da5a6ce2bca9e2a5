import { readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../../app/api/runs/[id]/route';
import { POST } from '../../../app/api/runs/route';
import { metadata as kmeans } from '../../../judge/tasks/kmeans/metadata';
import { superviseWorkers, type WorkerSupervisor } from '../../../judge/worker/supervise-workers';
import type { SessionUser } from '../../../lib/auth/session-user';
import { enqueueCustomRun } from '../../../lib/judge-queue/custom-runs';
import { stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import type { CustomRunView } from '../../../lib/runs/get-custom-run';
import { makeRequest, sessionCookie, useAppDatabase } from '../../helpers/app-env';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createTask, createUser } from '../../helpers/fixtures';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const ACCEPTED_KMEANS = readFileSync(path.join(ROOT, 'tests', 'judge', 'fixtures', 'kmeans', 'accepted-greedy-plusplus-typed-arrays.ts'), 'utf8');
const INPUT = '[[[0, 0], [0, 1], [10, 10], [10, 11]], 2, 7]';

describe('custom runs through the queue and a judge worker', () => {
  let database: TestDatabase;
  let workers: WorkerSupervisor;
  let alice: SessionUser;
  let bob: SessionUser;
  let versionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    useAppDatabase(database);
    await ensureJudgeQueue(database.url);
    alice = await createUser(database.prisma);
    bob = await createUser(database.prisma);
    const created = await createTask(database.prisma, { sourceBytes: kmeans.limits.sourceBytes });
    versionId = (await database.prisma.taskVersion.update({ where: { id: created.version.id }, data: { judgeSlug: 'kmeans', version: kmeans.version } })).id;
    // A real worker process with the real task registry, as `npm run judge` starts it.
    workers = superviseWorkers({
      count: 1,
      entry: path.join(ROOT, 'judge', 'worker', 'worker-main.ts'),
      env: { NODE_ENV: 'test', PATH: process.env.PATH, DATABASE_URL: database.url, HOLDOUT_DATASET_SECRET: 'custom-run-worker-secret', LOG_LEVEL: 'fatal' },
      log: pino({ level: 'warn' }),
    });
  });
  afterAll(async () => {
    await workers?.stop();
    await stopJudgeQueueSender();
    await database?.drop();
  });

  async function start(user: SessionUser, code: string): Promise<string> {
    const response = await POST(
      makeRequest('/api/runs', { cookie: await sessionCookie(user.id), json: { taskVersionId: versionId, language: 'typescript', code, input: INPUT } }),
      undefined,
    );
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  async function read(user: SessionUser, id: string): Promise<Response> {
    return GET(makeRequest(`/api/runs/${id}`, { cookie: await sessionCookie(user.id) }), { params: Promise.resolve({ id }) });
  }

  async function waitForRun(user: SessionUser, id: string): Promise<CustomRunView> {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const view = (await (await read(user, id)).json()) as CustomRunView;
      if ((view.state !== 'queued' && view.state !== 'running') || Date.now() > deadline) return view;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('returns both outputs and the verdict to the author', async () => {
    const id = await start(alice, ACCEPTED_KMEANS);
    const view = await waitForRun(alice, id);

    expect(view.state).toBe('done');
    expect(view.result?.verdict).toBe('accepted');
    expect(view.result?.message).toBeNull();
    expect(view.result?.reference).toMatchObject({ status: 'returned', output: { centroids: [[0, 0.5], [10, 10.5]], labels: [0, 0, 1, 1] } });
    expect((view.result?.candidate.output as { labels: number[] }).labels).toHaveLength(4);
    expect(view.result?.candidate.cpuMs).toBeGreaterThan(0);
    expect(view.result?.reference.cpuMs).toBeGreaterThan(0);

    expect((await read(bob, id)).status).toBe(404);
  }, 120_000);

  it('returns the checker message and the console of a wrong answer', async () => {
    const code = 'export function kmeans(points: number[][]) { console.log("points", points.length); return { centroids: [[0, 0], [1, 1]], labels: points.map(() => 1) }; }';
    const view = await waitForRun(alice, await start(alice, code));

    expect(view.state).toBe('done');
    expect(view.result?.verdict).toBe('wrong_answer');
    expect(view.result?.message).toMatch(/cluster 0 has no points/);
    expect(view.result?.candidate.console).toEqual(['points 4']);
  }, 120_000);

  it('reports a run the judge cannot do as failed', async () => {
    // A version of K-means that this judge does not have: both attempts fail inside the judge.
    const created = await createTask(database.prisma);
    const missing = await database.prisma.taskVersion.update({ where: { id: created.version.id }, data: { judgeSlug: 'kmeans', version: kmeans.version + 100 } });
    const id = await enqueueCustomRun({ userId: alice.id, taskVersionId: missing.id, code: ACCEPTED_KMEANS, language: 'typescript', args: [[[0, 0]], 1, 1] });

    const view = await waitForRun(alice, id);
    expect(view).toEqual({ id, state: 'failed', result: null, rejection: null });
  }, 120_000);
});

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { enqueueJudging, stopJudgeQueueSender } from '../../../lib/judge-queue/enqueue';
import { readTrainingResult } from '../../../lib/results/read-training-result';
import type { WorkerSupervisor } from '../../../judge/worker/supervise-workers';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQueuedSubmission, startTestWorkers, waitForSubmission } from '../support/queue-fixtures';
import { MOONS_SOLUTION, MOONS_TENSOR_LEAK } from '../support/two-moons/submissions';

describe('judge worker with a training part', { timeout: 180_000 }, () => {
  let database: TestDatabase;
  let workers: WorkerSupervisor;
  let dataDir: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'holdout-worker-data-'));
    await ensureJudgeQueue(database.url);
    workers = startTestWorkers(database.url, 1, { HOLDOUT_DATA_DIR: dataDir });
  });

  afterAll(async () => {
    await workers?.stop();
    await stopJudgeQueueSender();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function judge(code: string) {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'two-moons-train', code });
    await enqueueJudging(id, { databaseUrl: database.url });
    return waitForSubmission(
      () => database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { id: 'asc' } }, tests: { orderBy: { index: 'asc' } } } }),
      (submission) => submission.status === 'judged',
      120_000,
    );
  }

  it('stores the verdict, the tests, the metrics and both loss curves', async () => {
    const submission = await judge(MOONS_SOLUTION);

    expect(submission).toMatchObject({ verdict: 'accepted', score: 100, testsTotal: 2, testsDone: 2, speedRatio: null });
    expect(submission.candidateCpuMs).toBeGreaterThan(0);
    expect(submission.referenceCpuMs).toBeGreaterThan(0);
    expect(submission.events.map((event) => event.detail)).toEqual([
      null,
      'attempt 1',
      'training the reference model on the sample dataset (first judging of this task version)',
      'training the reference model on the hidden dataset (first judging of this task version)',
      'training on the sample dataset',
      'training on the hidden dataset',
      'accepted',
    ]);

    const [sample, hidden] = submission.tests;
    expect(sample).toMatchObject({ name: 'sample', hidden: false, verdict: 'accepted' });
    expect(sample.detail).toMatchObject({ args: [], console: ['trained on 120 points with wasm'] });
    expect(hidden).toMatchObject({ name: 'hidden', hidden: true, verdict: 'accepted', message: null, detail: null });

    const metrics = submission.metrics as Record<string, unknown>;
    expect(metrics).toMatchObject({ name: { en: 'Accuracy', 'zh-CN': '准确率' }, higherIsBetter: true, backend: 'wasm' });
    expect(metrics.candidate).toBeGreaterThan(0.9);
    expect(metrics.reference).toBeGreaterThan(0.9);
    expect(metrics.baseline).toBeLessThan(0.7);
    expect(metrics.sample).toMatchObject({ candidate: expect.any(Number), reference: expect.any(Number), baseline: expect.any(Number) });
    expect((metrics.grade as Record<string, string>).en).toMatch(/reaches the bar/);
    expect(submission.lossHistory).toHaveLength(60);
    expect(submission.referenceLossHistory).toHaveLength(40);
    expect((await readdir(path.join(dataDir, 'judge-cache'))).length).toBe(2);

    const shown = readTrainingResult(submission, 'en');
    expect(shown?.lossHistory).toHaveLength(60);
    expect(shown?.referenceLossHistory).toHaveLength(40);
    expect(shown?.metric).toMatchObject({ name: 'Accuracy', higherIsBetter: true });
    expect(shown?.metric?.sample.map((metric) => metric.name)).toEqual(['candidate', 'reference', 'baseline']);
    expect(shown?.metrics.map((metric) => metric.name)).toEqual(['candidate', 'reference', 'baseline']);
  });

  it('survives a tensor leak and judges the next submission', async () => {
    const leak = await judge(MOONS_TENSOR_LEAK);
    const next = await judge(MOONS_SOLUTION);

    expect(leak.verdict).toBe('memory_limit_exceeded');
    expect(leak.score).toBe(0);
    expect(leak.tests.map((test) => test.verdict)).toEqual(['memory_limit_exceeded']);
    expect(next.verdict).toBe('accepted');
    // Warm cache: the second judging trained no reference.
    expect(next.events.some((event) => event.detail?.startsWith('training the reference'))).toBe(false);
  });
});

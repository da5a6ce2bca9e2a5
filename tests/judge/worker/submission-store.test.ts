import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgeReport, TestReport } from '../../../judge/core/judge-types';
import { finishAttempt, recordTest, startAttempt, abandonAttempt, failSubmission } from '../../../judge/worker/submission-store';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQueuedSubmission } from '../support/queue-fixtures';

const TEST: TestReport = { index: 0, name: 'sample-1', hidden: false, timed: false, verdict: 'accepted', cpuMs: 1.5, message: null, detail: { args: [1], expected: 2, actual: 2, console: [] } };
const HIDDEN_TEST: TestReport = { ...TEST, index: 1, name: 'hidden-01', hidden: true, detail: { args: [7], expected: 8, actual: 8, console: ['leak'] } };

function report(verdict: JudgeReport['verdict']): JudgeReport {
  return { verdict, score: verdict === 'accepted' ? 100 : 0, message: null, testsTotal: 1, tests: [TEST], notRun: [], speed: null, candidateCpuMs: 1.5, referenceCpuMs: null };
}

describe('submission store guards', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('rejects writes from a superseded attempt', async () => {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'sum-rows', code: 'x' });
    const first = await startAttempt(database.prisma, id, 'worker-a');
    const second = await startAttempt(database.prisma, id, 'worker-b');
    expect(first?.attempts).toBe(1);
    expect(second?.attempts).toBe(2);

    expect(await recordTest(database.prisma, id, 1, TEST, 1)).toBe(false);
    expect(await finishAttempt(database.prisma, id, 1, 'worker-a', report('wrong_answer'))).toBe(false);
    expect(await abandonAttempt(database.prisma, id, 1, 'worker-a', 'late')).toBe(false);
    expect(await recordTest(database.prisma, id, 2, TEST, 1)).toBe(true);
    expect(await finishAttempt(database.prisma, id, 2, 'worker-b', report('accepted'))).toBe(true);

    const submission = await database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { tests: true } });
    expect(submission.verdict).toBe('accepted');
    expect(submission.workerId).toBe('worker-b');
    expect(submission.tests).toHaveLength(1);
  });

  it('does not restart or fail a judged submission', async () => {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'sum-rows', code: 'x' });
    await startAttempt(database.prisma, id, 'worker-a');
    await finishAttempt(database.prisma, id, 1, 'worker-a', report('accepted'));

    expect(await startAttempt(database.prisma, id, 'worker-b')).toBeNull();
    expect(await failSubmission(database.prisma, id, 'worker-b', 'too late')).toBe(false);
    expect(await finishAttempt(database.prisma, id, 1, 'worker-a', report('wrong_answer'))).toBe(false);
    const submission = await database.prisma.submission.findUniqueOrThrow({ where: { id } });
    expect(submission.verdict).toBe('accepted');
    expect(submission.attempts).toBe(1);
  });

  it('never stores the detail of a hidden test', async () => {
    const id = await createQueuedSubmission(database.prisma, { judgeSlug: 'sum-rows', code: 'x' });
    await startAttempt(database.prisma, id, 'worker-a');
    expect(await recordTest(database.prisma, id, 1, HIDDEN_TEST, 1)).toBe(true);
    const stored = await database.prisma.testResult.findUniqueOrThrow({ where: { submissionId_index: { submissionId: id, index: 1 } } });
    expect(stored.detail).toBeNull();
  });

  it('returns null for a missing submission', async () => {
    expect(await startAttempt(database.prisma, 'missing-id', 'worker-a')).toBeNull();
  });
});

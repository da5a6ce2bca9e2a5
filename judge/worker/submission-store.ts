import type { DatasetMetrics, JudgeReport, TestReport, TrainingReport } from '../core/judge-types';
import type { Database } from '../../lib/db/client';
import { Prisma } from '../../lib/generated/prisma/client';

/**
 * The worker's writes to a submission. Each attempt at judging a submission is numbered by the
 * submission's `attempts` counter, which the attempt raises when it starts. Every later write is
 * guarded by "still running under this attempt number", so a worker that lost its job (its
 * heartbeat lapsed and another worker took over) or a duplicate job can never write a second result.
 */

export type SubmissionToJudge = Prisma.SubmissionGetPayload<{ include: { taskVersion: true } }>;

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

/**
 * Starts an attempt: marks the submission running under the next attempt number, clears test
 * results of an earlier attempt that did not finish, and records the event. Returns null when the
 * submission does not exist or was judged already.
 */
export async function startAttempt(db: Database, submissionId: string, workerId: string): Promise<SubmissionToJudge | null> {
  try {
    return await db.$transaction(async (tx) => {
      const submission = await tx.submission.update({
        where: { id: submissionId, status: { not: 'judged' } },
        data: { status: 'running', attempts: { increment: 1 }, workerId, startedAt: new Date(), testsDone: 0, testsTotal: null },
        include: { taskVersion: true },
      });
      await tx.testResult.deleteMany({ where: { submissionId } });
      await tx.submissionEvent.create({
        data: { submissionId, status: 'running', workerId, detail: `attempt ${submission.attempts}` },
      });
      return submission;
    });
  } catch (error) {
    if (isRecordNotFound(error)) return null;
    throw error;
  }
}

/** Records how many tests this attempt will run. Returns false when the attempt no longer owns the submission. */
export async function recordTestsTotal(db: Database, submissionId: string, attempt: number, testsTotal: number): Promise<boolean> {
  const updated = await db.submission.updateMany({ where: { id: submissionId, status: 'running', attempts: attempt }, data: { testsTotal } });
  return updated.count === 1;
}

/** Stores one finished test and advances testsDone. Returns false when the attempt no longer owns the submission. */
export async function recordTest(db: Database, submissionId: string, attempt: number, test: TestReport, testsDone: number): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({ where: { id: submissionId, status: 'running', attempts: attempt }, data: { testsDone } });
    if (updated.count !== 1) return false;
    await tx.testResult.create({
      data: {
        submissionId,
        index: test.index,
        name: test.name,
        hidden: test.hidden,
        verdict: test.verdict,
        cpuMs: test.cpuMs,
        message: test.message,
        // Hidden tests never store inputs or outputs.
        detail: test.hidden || test.detail === null ? Prisma.DbNull : (test.detail as unknown as Prisma.InputJsonValue),
      },
    });
    return true;
  });
}

/**
 * Stores a step of judging a training part (e.g. training the reference model) as a running event.
 * Returns false when the attempt no longer owns the submission.
 */
export async function recordPhase(db: Database, submissionId: string, attempt: number, workerId: string, detail: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const owned = await tx.submission.count({ where: { id: submissionId, status: 'running', attempts: attempt } });
    if (owned !== 1) return false;
    await tx.submissionEvent.create({ data: { submissionId, status: 'running', workerId, detail } });
    return true;
  });
}

function jsonNumber(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Builds the training columns of a submission. `metrics` holds the metric's name and direction, the
 * candidate's, reference's and baseline's values on the hidden dataset at the top level and on the
 * sample dataset under `sample`, the grade's message in both languages, and the backend. The loss
 * curves are those of the sample run (see TrainingReport). Non-finite numbers are stored as null.
 */
function trainingColumns(training: TrainingReport | undefined) {
  if (!training) return {};
  const values = (metrics: DatasetMetrics | null) =>
    metrics ? { candidate: jsonNumber(metrics.candidate), reference: jsonNumber(metrics.reference), baseline: jsonNumber(metrics.baseline) } : null;
  const hidden = values(training.hidden);
  const metrics = {
    name: training.metricName,
    higherIsBetter: training.higherIsBetter,
    candidate: hidden?.candidate ?? null,
    reference: hidden?.reference ?? null,
    baseline: hidden?.baseline ?? null,
    sample: values(training.sample),
    grade: training.grade,
    backend: training.backend,
  };
  return {
    metrics: metrics as Prisma.InputJsonValue,
    lossHistory: training.lossHistory ?? Prisma.DbNull,
    referenceLossHistory: training.referenceLossHistory ?? Prisma.DbNull,
  };
}

/**
 * Writes the final result and the judged event in one transaction, if this attempt still owns the
 * submission. Returns false otherwise, and then writes nothing.
 */
export async function finishAttempt(db: Database, submissionId: string, attempt: number, workerId: string, report: JudgeReport): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { id: submissionId, status: 'running', attempts: attempt },
      data: {
        status: 'judged',
        verdict: report.verdict,
        score: report.score,
        message: report.message,
        testsTotal: report.testsTotal,
        testsDone: report.tests.length,
        candidateCpuMs: report.candidateCpuMs,
        referenceCpuMs: report.referenceCpuMs,
        speedRatio: report.speed?.ratio ?? null,
        ...trainingColumns(report.training),
        judgedAt: new Date(),
      },
    });
    if (updated.count !== 1) return false;
    await tx.submissionEvent.create({ data: { submissionId, status: 'judged', workerId, detail: report.verdict } });
    return true;
  });
}

/**
 * Puts the submission back in the queued state after an attempt failed inside the judge, so the
 * page shows it waiting for the retry. Returns false when the attempt no longer owns the submission.
 */
export async function abandonAttempt(db: Database, submissionId: string, attempt: number, workerId: string, reason: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({ where: { id: submissionId, status: 'running', attempts: attempt }, data: { status: 'queued' } });
    if (updated.count !== 1) return false;
    await tx.submissionEvent.create({ data: { submissionId, status: 'queued', workerId, detail: `attempt ${attempt} failed: ${reason}` } });
    return true;
  });
}

/**
 * Ends a submission whose judging attempts are all used up as internal_error, unless it was
 * judged in the meantime. Returns whether it wrote the result.
 */
export async function failSubmission(db: Database, submissionId: string, workerId: string, message: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const updated = await tx.submission.updateMany({
      where: { id: submissionId, status: { not: 'judged' } },
      data: { status: 'judged', verdict: 'internal_error', score: null, message, judgedAt: new Date() },
    });
    if (updated.count !== 1) return false;
    await tx.submissionEvent.create({ data: { submissionId, status: 'judged', workerId, detail: 'internal_error: attempts used up' } });
    return true;
  });
}

import { isReviewer } from '../auth/require-user';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Language, SubmissionStatus, TaskPart, Verdict } from '../generated/prisma/enums';
import { pickLocalized, type AppLocale } from '../i18n/locales';
import { buildResultVisuals, type ResultVisuals } from '../results/build-result-visuals';
import { readTrainingResult, type TrainingResult } from '../results/read-training-result';
import { speedBand, type SpeedBand } from './speed-band';
import { speedHistogram, type HistogramBin } from './speed-histogram';

export interface TestView {
  index: number;
  name: string;
  hidden: boolean;
  verdict: Verdict;
  cpuMs: number | null;
  /** Checker message; null for hidden tests. */
  message: string | null;
  /** Sample tests only: the call's arguments, the expected output, the candidate's output and console lines. */
  detail: { args: unknown; expected: unknown; actual: unknown; console: string[] } | null;
}

export interface SubmissionView {
  id: string;
  status: SubmissionStatus;
  verdict: Verdict | null;
  score: number | null;
  message: string | null;
  testsDone: number;
  testsTotal: number | null;
  /**
   * Tests of a judged submission that did not run: judging stops at the first test that exceeds a
   * time or memory limit (judge/core/judge-submission.ts), and they count as not passed.
   */
  testsNotRun: number;
  language: Language;
  code: string;
  createdAt: string;
  judgedAt: string | null;
  author: { id: string; name: string; isViewer: boolean };
  task: { slug: string; title: string; part: TaskPart; version: number };
  tests: TestView[];
  speed: { candidateCpuMs: number; referenceCpuMs: number; ratio: number; band: SpeedBand } | null;
  /** Accepted submissions' speed ratios for this task version; present once judged. */
  histogram: HistogramBin[] | null;
  /** Pictures drawn from the sample tests only (clusters, PCA, rules); null for other tasks. */
  visuals: ResultVisuals | null;
  /** Loss curves and metrics of a training part; null until the judge stores them. */
  training: TrainingResult | null;
}

function sampleDetail(detail: unknown): TestView['detail'] {
  if (detail === null || typeof detail !== 'object') return null;
  const record = detail as Record<string, unknown>;
  const consoleLines = Array.isArray(record.console) ? record.console.filter((line): line is string => typeof line === 'string') : [];
  return { args: record.args ?? null, expected: record.expected ?? null, actual: record.actual ?? null, console: consoleLines };
}

/**
 * Loads a submission for its author, or for an interviewer or admin. Anyone else gets
 * AppError('not_found'), so the response does not reveal that the id exists. Hidden tests are
 * reduced to name, verdict and CPU time here, whatever the row holds.
 */
export async function getSubmissionView(database: Database, viewer: SessionUser, id: string, locale: AppLocale): Promise<SubmissionView> {
  const submission = await database.submission.findUnique({
    where: { id },
    include: {
      user: { select: { id: true, name: true } },
      taskVersion: { select: { id: true, part: true, version: true, judgeSlug: true, task: { select: { slug: true, titleZh: true, titleEn: true } } } },
      tests: { orderBy: { index: 'asc' } },
    },
  });
  if (!submission || (submission.userId !== viewer.id && !isReviewer(viewer))) {
    throw new AppError('not_found', { internal: `submission ${id} for viewer ${viewer.id}` });
  }

  const tests: TestView[] = submission.tests.map((test) => ({
    index: test.index,
    name: test.name,
    hidden: test.hidden,
    verdict: test.verdict,
    cpuMs: test.cpuMs,
    message: test.hidden ? null : test.message,
    detail: test.hidden ? null : sampleDetail(test.detail),
  }));

  const speed =
    submission.speedRatio !== null && submission.candidateCpuMs !== null && submission.referenceCpuMs !== null
      ? {
          candidateCpuMs: submission.candidateCpuMs,
          referenceCpuMs: submission.referenceCpuMs,
          ratio: submission.speedRatio,
          band: speedBand(submission.speedRatio),
        }
      : null;

  const visuals = buildResultVisuals(
    submission.taskVersion.judgeSlug,
    tests.filter((test) => !test.hidden && test.detail !== null),
  );
  const training = readTrainingResult(submission, locale);

  const histogram = submission.status === 'judged' ? await speedHistogram(database, submission.taskVersionId, submission.speedRatio) : null;
  const task = submission.taskVersion.task;

  return {
    id: submission.id,
    status: submission.status,
    verdict: submission.verdict,
    score: submission.score,
    message: submission.message,
    testsDone: submission.testsDone,
    testsTotal: submission.testsTotal,
    testsNotRun: submission.status === 'judged' ? Math.max(0, (submission.testsTotal ?? 0) - submission.tests.length) : 0,
    language: submission.language,
    code: submission.code,
    createdAt: submission.createdAt.toISOString(),
    judgedAt: submission.judgedAt?.toISOString() ?? null,
    author: { id: submission.user.id, name: submission.user.name, isViewer: submission.userId === viewer.id },
    task: {
      slug: task.slug,
      title: pickLocalized(locale, task.titleZh, task.titleEn),
      part: submission.taskVersion.part,
      version: submission.taskVersion.version,
    },
    tests,
    speed,
    histogram,
    visuals,
    training,
  };
}

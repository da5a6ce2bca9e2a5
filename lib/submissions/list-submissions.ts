import { REVIEWER_ROLES } from '../auth/require-user';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Language, SubmissionStatus, TaskPart, Verdict } from '../generated/prisma/enums';
import { pickLocalized, type AppLocale } from '../i18n/locales';

export interface SubmissionSummary {
  id: string;
  createdAt: Date;
  status: SubmissionStatus;
  verdict: Verdict | null;
  score: number | null;
  speedRatio: number | null;
  language: Language;
  task: { slug: string; title: string; part: TaskPart };
  author: { id: string; name: string; email: string } | null;
}

export const SUBMISSION_PAGE_SIZE = 50;

const summarySelect = {
  id: true,
  createdAt: true,
  status: true,
  verdict: true,
  score: true,
  speedRatio: true,
  language: true,
  taskVersion: { select: { part: true, task: { select: { slug: true, titleZh: true, titleEn: true } } } },
} as const;

/** Lists the user's own submissions, newest first (at most SUBMISSION_PAGE_SIZE). */
export async function listOwnSubmissions(database: Database, user: SessionUser, locale: AppLocale): Promise<SubmissionSummary[]> {
  const rows = await database.submission.findMany({
    where: { userId: user.id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SUBMISSION_PAGE_SIZE,
    select: summarySelect,
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    status: row.status,
    verdict: row.verdict,
    score: row.score,
    speedRatio: row.speedRatio,
    language: row.language,
    task: {
      slug: row.taskVersion.task.slug,
      title: pickLocalized(locale, row.taskVersion.task.titleZh, row.taskVersion.task.titleEn),
      part: row.taskVersion.part,
    },
    author: null,
  }));
}

/**
 * Lists every user's recent submissions, for interviewers and admins. Raises AppError('forbidden') for
 * any other role, whichever page or handler calls it.
 */
export async function listSubmissionsForReview(database: Database, reviewer: SessionUser, locale: AppLocale): Promise<SubmissionSummary[]> {
  if (!REVIEWER_ROLES.includes(reviewer.role)) throw new AppError('forbidden', { internal: `review list for role ${reviewer.role}` });
  const rows = await database.submission.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: SUBMISSION_PAGE_SIZE,
    select: { ...summarySelect, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    status: row.status,
    verdict: row.verdict,
    score: row.score,
    speedRatio: row.speedRatio,
    language: row.language,
    task: {
      slug: row.taskVersion.task.slug,
      title: pickLocalized(locale, row.taskVersion.task.titleZh, row.taskVersion.task.titleEn),
      part: row.taskVersion.part,
    },
    author: row.user,
  }));
}

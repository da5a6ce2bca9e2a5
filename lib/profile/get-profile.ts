import { isReviewer } from '../auth/require-user';
import type { SessionUser } from '../auth/session-user';
import { questionStatuses, rubricLength, taskStatuses } from '../bank/problem-status';
import { TOPICS } from '../bank/topics';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Role, SubmissionStatus, TaskPart, Verdict } from '../generated/prisma/enums';
import { pickLocalized, type AppLocale } from '../i18n/locales';

export interface TopicStats {
  topic: string;
  tasksTotal: number;
  tasksSolved: number;
  questionsTotal: number;
  questionsSolved: number;
  /** Code submissions to this topic's tasks. */
  attempts: number;
  acceptedSubmissions: number;
}

export type ActivityItem =
  | {
      kind: 'submission';
      id: string;
      at: string;
      taskSlug: string;
      taskTitle: string;
      part: TaskPart;
      status: SubmissionStatus;
      verdict: Verdict | null;
      score: number | null;
    }
  | { kind: 'answer'; id: string; at: string; questionSlug: string; questionTitle: string; covered: number; keyPoints: number; selfChecked: boolean };

export interface ProfileView {
  user: { id: string; name: string; role: Role; joinedAt: string };
  /** Whether the viewer is looking at their own profile; otherwise an interviewer or admin reads it. */
  isOwn: boolean;
  totals: {
    submissions: number;
    /** Judged submissions, leaving out the judge's own failures (internal_error). */
    judged: number;
    acceptedSubmissions: number;
    /** acceptedSubmissions ÷ judged; null before the first judged submission. */
    acceptedRate: number | null;
    tasksSolved: number;
    tasksAttempted: number;
    tasksTotal: number;
    questionsSolved: number;
    questionsAnswered: number;
    questionsTotal: number;
    answers: number;
  };
  /** One entry per topic of the bank, in the bank's topic order. */
  topics: TopicStats[];
  /** Latest submissions and concept answers, newest first. */
  recent: ActivityItem[];
}

/** Entries in the recent-activity list. */
export const RECENT_ACTIVITY_SIZE = 10;

function topicOrder(topic: string): number {
  const index = (TOPICS as readonly string[]).indexOf(topic);
  return index < 0 ? TOPICS.length : index;
}

/**
 * Builds the progress page of `userId`. A user may read their own profile; interviewers and admins
 * may read anyone's. Everyone else, and an unknown id, gets AppError('not_found'), so the page does
 * not reveal which accounts exist.
 */
export async function getProfile(database: Database, viewer: SessionUser, userId: string, locale: AppLocale): Promise<ProfileView> {
  const isOwn = viewer.id === userId;
  if (!isOwn && !isReviewer(viewer)) throw new AppError('not_found', { internal: `profile ${userId} for viewer ${viewer.id}` });

  const user = await database.user.findUnique({ where: { id: userId }, select: { id: true, name: true, role: true, createdAt: true } });
  if (!user) throw new AppError('not_found', { internal: `profile of missing user ${userId}` });

  const [tasks, questions, taskStatus, questionStatus, verdictGroups, answerCount, recentSubmissions, recentAnswers] = await Promise.all([
    database.task.findMany({ select: { id: true, topic: true } }),
    database.question.findMany({ select: { id: true, topic: true } }),
    taskStatuses(database, userId),
    questionStatuses(database, userId),
    database.submission.groupBy({ by: ['taskVersionId', 'status', 'verdict'], where: { userId }, _count: { _all: true } }),
    database.conceptAnswer.count({ where: { userId } }),
    database.submission.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT_ACTIVITY_SIZE,
      select: {
        id: true,
        createdAt: true,
        status: true,
        verdict: true,
        score: true,
        taskVersion: { select: { part: true, task: { select: { slug: true, titleZh: true, titleEn: true } } } },
      },
    }),
    database.conceptAnswer.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: RECENT_ACTIVITY_SIZE,
      select: {
        id: true,
        createdAt: true,
        coveredKeyPoints: true,
        selfCheckedAt: true,
        question: { select: { slug: true, titleZh: true, titleEn: true, rubric: true } },
      },
    }),
  ]);

  const versionIds = [...new Set(verdictGroups.map((group) => group.taskVersionId))];
  const versions = await database.taskVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, task: { select: { topic: true } } } });
  const topicOfVersion = new Map(versions.map((version) => [version.id, version.task.topic]));

  const byTopic = new Map<string, TopicStats>();
  const statsOf = (topic: string): TopicStats => {
    let stats = byTopic.get(topic);
    if (!stats) {
      stats = { topic, tasksTotal: 0, tasksSolved: 0, questionsTotal: 0, questionsSolved: 0, attempts: 0, acceptedSubmissions: 0 };
      byTopic.set(topic, stats);
    }
    return stats;
  };
  for (const task of tasks) {
    const stats = statsOf(task.topic);
    stats.tasksTotal++;
    if (taskStatus.get(task.id) === 'solved') stats.tasksSolved++;
  }
  for (const question of questions) {
    const stats = statsOf(question.topic);
    stats.questionsTotal++;
    if (questionStatus.get(question.id) === 'solved') stats.questionsSolved++;
  }

  let submissions = 0;
  let judged = 0;
  let acceptedSubmissions = 0;
  for (const group of verdictGroups) {
    const count = group._count._all;
    const stats = statsOf(topicOfVersion.get(group.taskVersionId) ?? 'unknown');
    submissions += count;
    stats.attempts += count;
    // The judge's own failures are not the candidate's fault, so they do not lower the rate.
    if (group.status === 'judged' && group.verdict !== 'internal_error') judged += count;
    if (group.verdict === 'accepted') {
      acceptedSubmissions += count;
      stats.acceptedSubmissions += count;
    }
  }

  const topics = [...byTopic.values()].sort((a, b) => topicOrder(a.topic) - topicOrder(b.topic) || a.topic.localeCompare(b.topic));
  const solvedCount = (statuses: Map<string, string>) => [...statuses.values()].filter((status) => status === 'solved').length;

  const recent: ActivityItem[] = [
    ...recentSubmissions.map((row) => ({
      kind: 'submission' as const,
      id: row.id,
      at: row.createdAt.toISOString(),
      taskSlug: row.taskVersion.task.slug,
      taskTitle: pickLocalized(locale, row.taskVersion.task.titleZh, row.taskVersion.task.titleEn),
      part: row.taskVersion.part,
      status: row.status,
      verdict: row.verdict,
      score: row.score,
    })),
    ...recentAnswers.map((row) => ({
      kind: 'answer' as const,
      id: row.id,
      at: row.createdAt.toISOString(),
      questionSlug: row.question.slug,
      questionTitle: pickLocalized(locale, row.question.titleZh, row.question.titleEn),
      covered: row.coveredKeyPoints.length,
      keyPoints: rubricLength(row.question.rubric),
      selfChecked: row.selfCheckedAt !== null,
    })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, RECENT_ACTIVITY_SIZE);

  return {
    user: { id: user.id, name: user.name, role: user.role, joinedAt: user.createdAt.toISOString() },
    isOwn,
    totals: {
      submissions,
      judged,
      acceptedSubmissions,
      acceptedRate: judged > 0 ? acceptedSubmissions / judged : null,
      tasksSolved: solvedCount(taskStatus),
      tasksAttempted: taskStatus.size,
      tasksTotal: tasks.length,
      questionsSolved: solvedCount(questionStatus),
      questionsAnswered: questionStatus.size,
      questionsTotal: questions.length,
      answers: answerCount,
    },
    topics,
    recent,
  };
}

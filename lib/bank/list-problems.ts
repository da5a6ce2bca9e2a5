import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import type { Prisma } from '../generated/prisma/client';
import { pickLocalized, type AppLocale } from '../i18n/locales';
import type { ProblemFilters } from './problem-filters';
import { questionStatuses, taskStatuses } from './problem-status';
import type { ProblemKind, ProblemStatus } from './topics';

export interface ProblemListItem {
  kind: ProblemKind;
  slug: string;
  title: string;
  topic: string;
  difficulty: string;
  tags: string[];
  position: number;
  /** The viewer's progress; null for a visitor who is not signed in. */
  status: ProblemStatus | null;
  /** Coding tasks whose every part is still waiting for its judge. */
  comingSoon: boolean;
  /** Whether the viewer bookmarked this concept question; always false for tasks and visitors. */
  bookmarked: boolean;
}

function textMatch(fields: string[], q: string) {
  return fields.map((field) => ({ [field]: { contains: q, mode: 'insensitive' as const } }));
}

async function listQuestions(database: Database, filters: ProblemFilters, viewer: SessionUser | null) {
  const where: Prisma.QuestionWhereInput = {
    ...(filters.bookmarked && viewer ? { bookmarks: { some: { userId: viewer.id } } } : {}),
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.difficulty ? { difficulty: filters.difficulty } : {}),
    ...(filters.q
      ? { OR: [...textMatch(['slug', 'titleZh', 'titleEn', 'promptZh', 'promptEn'], filters.q), { tags: { has: filters.q.toLowerCase() } }] }
      : {}),
  };
  return database.question.findMany({
    where,
    select: { id: true, slug: true, titleZh: true, titleEn: true, topic: true, difficulty: true, tags: true, position: true },
  });
}

async function listTasks(database: Database, filters: ProblemFilters) {
  const where: Prisma.TaskWhereInput = {
    ...(filters.topic ? { topic: filters.topic } : {}),
    ...(filters.difficulty ? { difficulty: filters.difficulty } : {}),
    ...(filters.q ? { OR: [...textMatch(['slug', 'titleZh', 'titleEn'], filters.q), { tags: { has: filters.q.toLowerCase() } }] } : {}),
  };
  return database.task.findMany({
    where,
    select: {
      id: true,
      slug: true,
      titleZh: true,
      titleEn: true,
      topic: true,
      difficulty: true,
      tags: true,
      position: true,
      versions: { select: { judgeStatus: true } },
    },
  });
}

const KIND_ORDER: Record<ProblemKind, number> = { concept: 0, coding: 1 };

/** Bank order: by position, and within one position the concept question first. */
function compareBankOrder(a: ProblemListItem, b: ProblemListItem): number {
  return a.position - b.position || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * Lists concept questions and coding tasks matching the filters, in bank order (each topic's
 * question before its task). Text search matches slugs, titles, prompts (questions) and tags
 * in both languages, ignoring case.
 */
export async function listProblems(
  database: Database,
  viewer: SessionUser | null,
  filters: ProblemFilters,
  locale: AppLocale,
): Promise<ProblemListItem[]> {
  const wantConcept = filters.kind !== 'coding';
  // Only questions can be bookmarked, so the bookmark filter leaves the tasks out.
  const wantCoding = filters.kind !== 'concept' && !filters.bookmarked;
  // A visitor has no progress and no bookmarks, so those filters match nothing for them.
  if ((filters.status || filters.bookmarked) && !viewer) return [];

  const [questions, tasks, answered, submitted, bookmarks] = await Promise.all([
    wantConcept ? listQuestions(database, filters, viewer) : [],
    wantCoding ? listTasks(database, filters) : [],
    viewer && wantConcept ? questionStatuses(database, viewer.id) : new Map<string, ProblemStatus>(),
    viewer && wantCoding ? taskStatuses(database, viewer.id) : new Map<string, ProblemStatus>(),
    viewer && wantConcept ? database.bookmark.findMany({ where: { userId: viewer.id }, select: { questionId: true } }) : [],
  ]);
  const bookmarked = new Set(bookmarks.map((bookmark) => bookmark.questionId));

  const items: ProblemListItem[] = [
    ...questions.map((question) => ({
      kind: 'concept' as const,
      slug: question.slug,
      title: pickLocalized(locale, question.titleZh, question.titleEn),
      topic: question.topic,
      difficulty: question.difficulty,
      tags: question.tags,
      position: question.position,
      status: viewer ? (answered.get(question.id) ?? 'new') : null,
      comingSoon: false,
      bookmarked: bookmarked.has(question.id),
    })),
    ...tasks.map((task) => ({
      kind: 'coding' as const,
      slug: task.slug,
      title: pickLocalized(locale, task.titleZh, task.titleEn),
      topic: task.topic,
      difficulty: task.difficulty,
      tags: task.tags,
      position: task.position,
      status: viewer ? (submitted.get(task.id) ?? 'new') : null,
      comingSoon: task.versions.length > 0 && task.versions.every((version) => version.judgeStatus === 'coming_soon'),
      bookmarked: false,
    })),
  ];

  return items.filter((item) => !filters.status || item.status === filters.status).sort(compareBankOrder);
}

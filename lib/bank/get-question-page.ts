import { isReviewer } from '../auth/require-user';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import { pickLocalized, type AppLocale } from '../i18n/locales';

export interface OwnAnswer {
  id: string;
  body: string;
  coveredKeyPoints: number[];
  /** When the author last saved the self-check of this answer; null before the first one. */
  selfCheckedAt: Date | null;
  createdAt: Date;
}

export interface QuestionPage {
  slug: string;
  title: string;
  prompt: string;
  topic: string;
  difficulty: string;
  tags: string[];
  /** The viewer's own answers, newest first; empty for visitors. */
  answers: OwnAnswer[];
  /**
   * The rubric's key points, present once the viewer has answered (or for interviewers and admins),
   * so that the self-check comes after writing an answer.
   */
  rubric: string[] | null;
  /**
   * The reference answer, present once the viewer has self-checked one of their answers (or for
   * interviewers and admins), so that nobody reads the model answer before judging their own.
   */
  referenceAnswer: string | null;
  /** Whether the viewer bookmarked the question; false for visitors. */
  bookmarked: boolean;
  /** The viewer's private note; null for visitors and when there is none. */
  note: { body: string; updatedAt: Date } | null;
  /** Slug of the coding task on the same subject, when there is one. */
  relatedTaskSlug: string | null;
}

/** Loads a concept question for display. Unknown slugs raise AppError('not_found'). */
export async function getQuestionPage(database: Database, viewer: SessionUser | null, slug: string, locale: AppLocale): Promise<QuestionPage> {
  const question = await database.question.findUnique({ where: { slug } });
  if (!question) throw new AppError('not_found', { internal: `question ${slug}` });

  // Only the viewer's own answers, bookmark and note are ever loaded: another user's work never
  // reaches this page.
  const own = { questionId: question.id, userId: viewer?.id ?? '' };
  const [answers, bookmark, note] = viewer
    ? await Promise.all([
        database.conceptAnswer.findMany({
          where: own,
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          select: { id: true, body: true, coveredKeyPoints: true, selfCheckedAt: true, createdAt: true },
        }),
        database.bookmark.findUnique({ where: { userId_questionId: own }, select: { createdAt: true } }),
        database.questionNote.findUnique({ where: { userId_questionId: own }, select: { body: true, updatedAt: true } }),
      ])
    : [[], null, null];

  const reviewer = isReviewer(viewer);
  const storedRubric = Array.isArray(question.rubric) ? (question.rubric as { zh?: string; en?: string }[]) : [];
  const rubric =
    answers.length > 0 || reviewer ? storedRubric.map((point) => pickLocalized(locale, point.zh ?? '', point.en ?? '')) : null;
  const selfChecked = answers.some((answer) => answer.selfCheckedAt !== null);
  const referenceAnswer = selfChecked || reviewer ? pickLocalized(locale, question.referenceAnswerZh, question.referenceAnswerEn) : null;

  const relatedTask = await database.task.findFirst({
    where: { topic: question.topic, position: question.position },
    select: { slug: true },
  });

  return {
    slug: question.slug,
    title: pickLocalized(locale, question.titleZh, question.titleEn),
    prompt: pickLocalized(locale, question.promptZh, question.promptEn),
    topic: question.topic,
    difficulty: question.difficulty,
    tags: question.tags,
    answers,
    rubric,
    referenceAnswer,
    bookmarked: bookmark !== null,
    note,
    relatedTaskSlug: relatedTask?.slug ?? null,
  };
}

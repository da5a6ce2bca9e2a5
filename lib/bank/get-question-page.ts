import { isReviewer } from '../auth/require-user';
import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import { pickLocalized, type AppLocale } from '../i18n/locales';

export interface OwnAnswer {
  id: string;
  body: string;
  coveredKeyPoints: number[];
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
   * The reference answer and rubric, present once the viewer has answered (or for interviewers
   * and admins), so that nobody reads the model answer before writing their own.
   */
  reveal: { referenceAnswer: string; rubric: string[] } | null;
  /** Slug of the coding task on the same subject, when there is one. */
  relatedTaskSlug: string | null;
}

/** Loads a concept question for display. Unknown slugs raise AppError('not_found'). */
export async function getQuestionPage(database: Database, viewer: SessionUser | null, slug: string, locale: AppLocale): Promise<QuestionPage> {
  const question = await database.question.findUnique({ where: { slug } });
  if (!question) throw new AppError('not_found', { internal: `question ${slug}` });

  // Only the viewer's own answers are ever loaded: another user's work never reaches this page.
  const answers = viewer
    ? await database.conceptAnswer.findMany({
        where: { questionId: question.id, userId: viewer.id },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        select: { id: true, body: true, coveredKeyPoints: true, createdAt: true },
      })
    : [];

  const rubric = Array.isArray(question.rubric) ? (question.rubric as { zh?: string; en?: string }[]) : [];
  const reveal =
    answers.length > 0 || isReviewer(viewer)
      ? {
          referenceAnswer: pickLocalized(locale, question.referenceAnswerZh, question.referenceAnswerEn),
          rubric: rubric.map((point) => pickLocalized(locale, point.zh ?? '', point.en ?? '')),
        }
      : null;

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
    reveal,
    relatedTaskSlug: relatedTask?.slug ?? null,
  };
}

import type { SessionUser } from '../auth/session-user';
import { MAX_CONCEPT_ANSWER_CHARS } from '../config/limits';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Stores the user's answer to a concept question. An empty answer raises
 * AppError('invalid_input') and one over MAX_CONCEPT_ANSWER_CHARS raises AppError('too_large');
 * neither stores anything.
 */
export async function submitConceptAnswer(
  database: Database,
  user: SessionUser,
  input: { slug: string; body: unknown },
): Promise<{ id: string }> {
  if (typeof input.body !== 'string' || input.body.trim() === '') {
    throw new AppError('invalid_input', { internal: 'empty concept answer', fields: { body: 'answer_empty' } });
  }
  if (input.body.length > MAX_CONCEPT_ANSWER_CHARS) {
    throw new AppError('too_large', {
      internal: `concept answer of ${input.body.length} characters`,
      values: { limit: MAX_CONCEPT_ANSWER_CHARS },
      fields: { body: 'answer_too_long' },
    });
  }

  const question = await database.question.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (!question) throw new AppError('not_found', { internal: `question ${input.slug}` });

  return database.conceptAnswer.create({
    data: { userId: user.id, questionId: question.id, body: input.body, coveredKeyPoints: [] },
    select: { id: true },
  });
}

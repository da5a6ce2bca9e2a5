import type { SessionUser } from '../auth/session-user';
import { MAX_QUESTION_NOTE_CHARS } from '../config/limits';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Saves the user's private note on the concept question `slug`; a blank note deletes it. A note over
 * MAX_QUESTION_NOTE_CHARS raises AppError('too_large') and stores nothing; an unknown slug raises
 * AppError('not_found'). Returns the saved time, or null after a deletion.
 */
export async function saveQuestionNote(database: Database, user: SessionUser, input: { slug: string; body: unknown }): Promise<{ savedAt: Date | null }> {
  if (typeof input.body !== 'string') throw new AppError('invalid_input', { internal: 'note body is not a string', fields: { body: 'note_invalid' } });
  if (input.body.length > MAX_QUESTION_NOTE_CHARS) {
    throw new AppError('too_large', {
      internal: `note of ${input.body.length} characters`,
      values: { limit: MAX_QUESTION_NOTE_CHARS },
      fields: { body: 'note_too_long' },
    });
  }

  if (typeof input.slug !== 'string') throw new AppError('invalid_input', { internal: 'question slug is not a string' });
  const question = await database.question.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (!question) throw new AppError('not_found', { internal: `note on question ${input.slug}` });

  const key = { userId: user.id, questionId: question.id };
  if (input.body.trim() === '') {
    await database.questionNote.deleteMany({ where: key });
    return { savedAt: null };
  }
  const note = await database.questionNote.upsert({
    where: { userId_questionId: key },
    create: { ...key, body: input.body },
    update: { body: input.body },
    select: { updatedAt: true },
  });
  return { savedAt: note.updatedAt };
}

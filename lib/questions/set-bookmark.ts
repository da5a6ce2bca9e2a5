import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';

/**
 * Bookmarks the concept question `slug` for the user, or removes the bookmark. Setting the state it
 * already has changes nothing. An unknown slug raises AppError('not_found').
 */
export async function setBookmark(database: Database, user: SessionUser, input: { slug: string; bookmarked: boolean }): Promise<void> {
  if (typeof input.slug !== 'string') throw new AppError('invalid_input', { internal: 'question slug is not a string' });
  const question = await database.question.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (!question) throw new AppError('not_found', { internal: `bookmark of question ${input.slug}` });

  const key = { userId: user.id, questionId: question.id };
  if (input.bookmarked) {
    await database.bookmark.upsert({ where: { userId_questionId: key }, create: key, update: {} });
  } else {
    await database.bookmark.deleteMany({ where: key });
  }
}

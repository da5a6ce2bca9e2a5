import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../lib/auth/session-user';
import { getQuestionPage } from '../../../lib/bank/get-question-page';
import { listProblems } from '../../../lib/bank/list-problems';
import { MAX_QUESTION_NOTE_CHARS } from '../../../lib/config/limits';
import { AppError } from '../../../lib/errors/app-error';
import { saveQuestionNote } from '../../../lib/questions/save-question-note';
import { setBookmark } from '../../../lib/questions/set-bookmark';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQuestion, createTask, createUser } from '../../helpers/fixtures';

const ALICE_NOTE = 'Alice remembers: inertia never increases.';

describe('bookmarks and notes', () => {
  let database: TestDatabase;
  let alice: SessionUser;
  let bob: SessionUser;
  let interviewer: SessionUser;
  let first: { slug: string };
  let second: { slug: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    alice = await createUser(database.prisma);
    bob = await createUser(database.prisma);
    interviewer = await createUser(database.prisma, { role: 'interviewer' });
    first = await createQuestion(database.prisma, { slug: 'bookmark-first', position: 1 });
    second = await createQuestion(database.prisma, { slug: 'bookmark-second', position: 2 });
    await createTask(database.prisma, { slug: 'bookmark-task', position: 1 });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('bookmarks a question for its owner only', async () => {
    await setBookmark(database.prisma, alice, { slug: first.slug, bookmarked: true });

    expect((await getQuestionPage(database.prisma, alice, first.slug, 'en')).bookmarked).toBe(true);
    expect((await getQuestionPage(database.prisma, alice, second.slug, 'en')).bookmarked).toBe(false);
    expect((await getQuestionPage(database.prisma, bob, first.slug, 'en')).bookmarked).toBe(false);
    expect((await getQuestionPage(database.prisma, interviewer, first.slug, 'en')).bookmarked).toBe(false);
    expect((await getQuestionPage(database.prisma, null, first.slug, 'en')).bookmarked).toBe(false);
  });

  it('bookmarks idempotently and removes the bookmark', async () => {
    await setBookmark(database.prisma, bob, { slug: second.slug, bookmarked: true });
    await setBookmark(database.prisma, bob, { slug: second.slug, bookmarked: true });
    expect(await database.prisma.bookmark.count({ where: { userId: bob.id } })).toBe(1);

    await setBookmark(database.prisma, bob, { slug: second.slug, bookmarked: false });
    await setBookmark(database.prisma, bob, { slug: second.slug, bookmarked: false });
    expect(await database.prisma.bookmark.count({ where: { userId: bob.id } })).toBe(0);
  });

  it('filters the problem list to the viewer’s bookmarks', async () => {
    const aliceList = await listProblems(database.prisma, alice, { bookmarked: true }, 'en');
    expect(aliceList.map((item) => item.slug)).toEqual([first.slug]);
    expect(aliceList[0].bookmarked).toBe(true);

    expect(await listProblems(database.prisma, bob, { bookmarked: true }, 'en')).toEqual([]);
    expect(await listProblems(database.prisma, null, { bookmarked: true }, 'en')).toEqual([]);

    const all = await listProblems(database.prisma, alice, {}, 'en');
    expect(all.filter((item) => item.bookmarked).map((item) => item.slug)).toEqual([first.slug]);
    expect(all.some((item) => item.kind === 'coding')).toBe(true);
  });

  it('keeps a note private to its author', async () => {
    const saved = await saveQuestionNote(database.prisma, alice, { slug: first.slug, body: ALICE_NOTE });
    expect(saved.savedAt).toBeInstanceOf(Date);

    expect((await getQuestionPage(database.prisma, alice, first.slug, 'en')).note?.body).toBe(ALICE_NOTE);
    for (const viewer of [bob, interviewer, null]) {
      const page = await getQuestionPage(database.prisma, viewer, first.slug, 'en');
      expect(page.note).toBeNull();
      expect(JSON.stringify(page)).not.toContain(ALICE_NOTE);
    }
  });

  it('updates a note and deletes it when blank', async () => {
    await saveQuestionNote(database.prisma, alice, { slug: first.slug, body: 'updated' });
    expect((await getQuestionPage(database.prisma, alice, first.slug, 'en')).note?.body).toBe('updated');

    expect((await saveQuestionNote(database.prisma, alice, { slug: first.slug, body: '  \n ' })).savedAt).toBeNull();
    expect((await getQuestionPage(database.prisma, alice, first.slug, 'en')).note).toBeNull();
    expect(await database.prisma.questionNote.count({ where: { userId: alice.id } })).toBe(0);
  });

  it('rejects a note over the limit and keeps the old one', async () => {
    await saveQuestionNote(database.prisma, bob, { slug: first.slug, body: 'kept' });
    const error = await saveQuestionNote(database.prisma, bob, { slug: first.slug, body: 'x'.repeat(MAX_QUESTION_NOTE_CHARS + 1) }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('too_large');
    expect((error as AppError).fields.body).toBe('note_too_long');
    expect((await getQuestionPage(database.prisma, bob, first.slug, 'en')).note?.body).toBe('kept');

    await saveQuestionNote(database.prisma, bob, { slug: first.slug, body: 'y'.repeat(MAX_QUESTION_NOTE_CHARS) });
    expect((await getQuestionPage(database.prisma, bob, first.slug, 'en')).note?.body.length).toBe(MAX_QUESTION_NOTE_CHARS);
  });

  it('rejects unknown questions and non-text notes', async () => {
    const codeOf = (promise: Promise<unknown>) => promise.then(() => 'none', (error: unknown) => (error as AppError).code);
    expect(await codeOf(setBookmark(database.prisma, alice, { slug: 'no-such-question', bookmarked: true }))).toBe('not_found');
    expect(await codeOf(saveQuestionNote(database.prisma, alice, { slug: 'no-such-question', body: 'x' }))).toBe('not_found');
    expect(await codeOf(saveQuestionNote(database.prisma, alice, { slug: first.slug, body: null }))).toBe('invalid_input');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../lib/auth/session-user';
import { getTaskPage } from '../../../lib/bank/get-task-page';
import { MAX_DRAFT_BYTES } from '../../../lib/config/limits';
import { saveDraft } from '../../../lib/drafts/save-draft';
import { AppError } from '../../../lib/errors/app-error';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createTask, createUser } from '../../helpers/fixtures';

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('editor drafts', () => {
  let database: TestDatabase;
  let alice: SessionUser;
  let bob: SessionUser;
  let task: Awaited<ReturnType<typeof createTask>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    alice = await createUser(database.prisma);
    bob = await createUser(database.prisma);
    task = await createTask(database.prisma, { slug: 'drafts-kmeans' });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('opens the starter code without a draft', async () => {
    const page = await getTaskPage(database.prisma, alice, task.task.slug, 'en');
    expect(page.parts[0].initialCode).toBe('export function kmeans() {}');
    expect(page.parts[0].initialSource).toBe('starter');
    expect(page.parts[0].draftSavedAt).toBeNull();
    expect(page.parts[0].starterCode).toBe('export function kmeans() {}');
  });

  it('restores the saved draft and its language', async () => {
    const saved = await saveDraft(database.prisma, alice, { taskVersionId: task.version.id, language: 'javascript', code: 'export function kmeans() { return 1; }' });

    const page = await getTaskPage(database.prisma, alice, task.task.slug, 'en');
    expect(page.parts[0].initialCode).toBe('export function kmeans() { return 1; }');
    expect(page.parts[0].initialLanguage).toBe('javascript');
    expect(page.parts[0].initialSource).toBe('draft');
    expect(page.parts[0].draftSavedAt).toBe(saved.savedAt.toISOString());
  });

  it('replaces the draft on a second save', async () => {
    await saveDraft(database.prisma, alice, { taskVersionId: task.version.id, language: 'typescript', code: 'second version' });

    expect(await database.prisma.draft.count({ where: { userId: alice.id } })).toBe(1);
    const page = await getTaskPage(database.prisma, alice, task.task.slug, 'en');
    expect(page.parts[0].initialCode).toBe('second version');
    expect(page.parts[0].initialLanguage).toBe('typescript');
  });

  it('prefers the draft over the latest submission', async () => {
    await database.prisma.submission.create({ data: { userId: alice.id, taskVersionId: task.version.id, language: 'typescript', code: 'submitted code' } });
    expect((await getTaskPage(database.prisma, alice, task.task.slug, 'en')).parts[0].initialCode).toBe('second version');
  });

  it('falls back to the latest submission without a draft', async () => {
    await database.prisma.submission.create({ data: { userId: bob.id, taskVersionId: task.version.id, language: 'javascript', code: 'bob submitted' } });
    const page = await getTaskPage(database.prisma, bob, task.task.slug, 'en');
    expect(page.parts[0].initialCode).toBe('bob submitted');
    expect(page.parts[0].initialSource).toBe('submission');
  });

  it('keeps one user’s draft away from another', async () => {
    await saveDraft(database.prisma, bob, { taskVersionId: task.version.id, language: 'typescript', code: 'bob draft' });

    const alicePage = await getTaskPage(database.prisma, alice, task.task.slug, 'en');
    const bobPage = await getTaskPage(database.prisma, bob, task.task.slug, 'en');
    expect(alicePage.parts[0].initialCode).toBe('second version');
    expect(bobPage.parts[0].initialCode).toBe('bob draft');
    expect(JSON.stringify(bobPage)).not.toContain('second version');
  });

  it('shows a visitor the starter code only', async () => {
    const page = await getTaskPage(database.prisma, null, task.task.slug, 'en');
    expect(page.parts[0].initialCode).toBe('export function kmeans() {}');
    expect(page.parts[0].initialSource).toBe('starter');
    expect(JSON.stringify(page)).not.toContain('second version');
    expect(JSON.stringify(page)).not.toContain('bob draft');
  });

  it('stores an empty draft', async () => {
    const other = await createTask(database.prisma);
    await saveDraft(database.prisma, alice, { taskVersionId: other.version.id, language: 'typescript', code: '' });
    const page = await getTaskPage(database.prisma, alice, other.task.slug, 'en');
    expect(page.parts[0].initialCode).toBe('');
    expect(page.parts[0].initialSource).toBe('draft');
  });

  it('rejects invalid input and stores nothing', async () => {
    const before = await database.prisma.draft.count();

    expect((await errorOf(saveDraft(database.prisma, alice, { taskVersionId: '', language: 'typescript', code: 'x' }))).code).toBe('invalid_input');
    expect((await errorOf(saveDraft(database.prisma, alice, { taskVersionId: task.version.id, language: 'python', code: 'x' }))).fields.language).toBe('language_invalid');
    expect((await errorOf(saveDraft(database.prisma, alice, { taskVersionId: task.version.id, language: 'typescript', code: 42 }))).code).toBe('invalid_input');
    expect((await errorOf(saveDraft(database.prisma, alice, { taskVersionId: 'no-such-version', language: 'typescript', code: 'x' }))).code).toBe('not_found');

    const tooLarge = await errorOf(saveDraft(database.prisma, alice, { taskVersionId: task.version.id, language: 'typescript', code: 'é'.repeat(MAX_DRAFT_BYTES / 2 + 1) }));
    expect(tooLarge.code).toBe('too_large');
    expect(tooLarge.values.limit).toBe(MAX_DRAFT_BYTES);

    expect(await database.prisma.draft.count()).toBe(before);
    expect((await getTaskPage(database.prisma, alice, task.task.slug, 'en')).parts[0].initialCode).toBe('second version');
  });

  it('accepts a draft of exactly the maximum size', async () => {
    const code = 'a'.repeat(MAX_DRAFT_BYTES);
    await saveDraft(database.prisma, bob, { taskVersionId: task.version.id, language: 'typescript', code });
    expect((await database.prisma.draft.findFirstOrThrow({ where: { userId: bob.id, taskId: task.task.id } })).code.length).toBe(MAX_DRAFT_BYTES);
  });
});

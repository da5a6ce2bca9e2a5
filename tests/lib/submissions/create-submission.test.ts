import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../lib/errors/app-error';
import { createSubmission } from '../../../lib/submissions/create-submission';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createTask, createUser } from '../../helpers/fixtures';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('createSubmission', () => {
  let database: TestDatabase;
  const queued: string[] = [];
  const enqueue = async (id: string) => {
    queued.push(id);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('stores a queued submission with its event and enqueues it', async () => {
    const user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma);

    const { id } = await createSubmission(database.prisma, user, { taskVersionId: version.id, language: 'typescript', code: 'export const kmeans = 1;' }, enqueue);

    const row = await database.prisma.submission.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(row.status).toBe('queued');
    expect(row.userId).toBe(user.id);
    expect(row.events.map((event) => event.status)).toEqual(['queued']);
    expect(queued).toContain(id);
  });

  it('rejects code over the task limit in UTF-8 bytes and stores nothing', async () => {
    const user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma, { sourceBytes: 100 });
    // 34 three-byte characters: 34 JavaScript characters but 102 UTF-8 bytes.
    const code = '中'.repeat(34);

    const error = await createSubmission(database.prisma, user, { taskVersionId: version.id, language: 'typescript', code }, enqueue).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('too_large');
    expect((error as AppError).values.limit).toBe(100);
    expect(await database.prisma.submission.count({ where: { userId: user.id } })).toBe(0);
  });

  it('accepts code exactly at the limit', async () => {
    const user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma, { sourceBytes: 100 });
    await createSubmission(database.prisma, user, { taskVersionId: version.id, language: 'javascript', code: 'x'.repeat(100) }, enqueue);
    expect(await database.prisma.submission.count({ where: { userId: user.id } })).toBe(1);
  });

  it('rejects a part whose judge is coming soon', async () => {
    const user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma, { judgeStatus: 'coming_soon' });
    expect(await codeOf(createSubmission(database.prisma, user, { taskVersionId: version.id, language: 'typescript', code: 'x' }, enqueue))).toBe('not_ready');
    expect(await database.prisma.submission.count({ where: { userId: user.id } })).toBe(0);
  });

  it('rejects empty code, unknown languages and unknown versions', async () => {
    const user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma);
    expect(await codeOf(createSubmission(database.prisma, user, { taskVersionId: version.id, language: 'typescript', code: '  \n' }, enqueue))).toBe('invalid_input');
    expect(await codeOf(createSubmission(database.prisma, user, { taskVersionId: version.id, language: 'python', code: 'x' }, enqueue))).toBe('invalid_input');
    expect(await codeOf(createSubmission(database.prisma, user, { taskVersionId: 'missing', language: 'typescript', code: 'x' }, enqueue))).toBe('not_found');
    expect(await codeOf(createSubmission(database.prisma, user, { taskVersionId: 42, language: 'typescript', code: 'x' }, enqueue))).toBe('invalid_input');
    expect(await database.prisma.submission.count({ where: { userId: user.id } })).toBe(0);
  });

  it('ends as internal_error when the queue is down', async () => {
    const user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma);
    const failing = async () => {
      throw new Error('queue unavailable');
    };

    expect(await codeOf(createSubmission(database.prisma, user, { taskVersionId: version.id, language: 'typescript', code: 'x' }, failing))).toBe('internal');

    const row = await database.prisma.submission.findFirstOrThrow({ where: { userId: user.id }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(row.status).toBe('judged');
    expect(row.verdict).toBe('internal_error');
    expect(row.events.map((event) => event.status)).toEqual(['queued', 'judged']);
  });

  it('limits submissions per user', async () => {
    const user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma);
    const input = { taskVersionId: version.id, language: 'typescript', code: 'x' };
    for (let index = 0; index < 30; index++) await createSubmission(database.prisma, user, input, enqueue);

    expect(await codeOf(createSubmission(database.prisma, user, input, enqueue))).toBe('rate_limited');
    expect(await database.prisma.submission.count({ where: { userId: user.id } })).toBe(30);
  });
});

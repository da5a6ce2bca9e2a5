import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { submitConceptAnswer } from '../../../lib/answers/submit-concept-answer';
import { saveSelfCheck } from '../../../lib/answers/save-self-check';
import type { SessionUser } from '../../../lib/auth/session-user';
import { listProblems } from '../../../lib/bank/list-problems';
import { parseProblemFilters, problemFiltersToQuery } from '../../../lib/bank/problem-filters';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQuestion, createTask, createUser } from '../../helpers/fixtures';

describe('parseProblemFilters', () => {
  it('keeps known values and drops unknown ones', () => {
    expect(parseProblemFilters({ topic: 'clustering', kind: 'poetry', difficulty: ['hard', 'easy'], status: 'solved', q: '  k-means  ' })).toEqual({
      topic: 'clustering',
      kind: undefined,
      difficulty: 'hard',
      status: 'solved',
      q: 'k-means',
    });
  });

  it('round-trips through the query string', () => {
    const filters = parseProblemFilters({ topic: 'attention', kind: 'coding', q: '注意力' });
    const query = new URLSearchParams(problemFiltersToQuery(filters).slice(1));
    expect(parseProblemFilters(Object.fromEntries(query))).toEqual(filters);
  });

  it('caps the search text', () => {
    expect(parseProblemFilters({ q: 'x'.repeat(500) }).q).toHaveLength(100);
  });
});

describe('listProblems', () => {
  let database: TestDatabase;
  let user: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    user = await createUser(database.prisma);
    await createQuestion(database.prisma, { slug: 'kmeans-principles', topic: 'clustering', position: 1 });
    await createQuestion(database.prisma, { slug: 'attention-principles', topic: 'attention', position: 2 });
    await createTask(database.prisma, { slug: 'kmeans', topic: 'clustering', position: 1 });
    await createTask(database.prisma, { slug: 'self-attention', topic: 'attention', position: 2, judgeStatus: 'coming_soon' });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('lists both kinds in bank order', async () => {
    const items = await listProblems(database.prisma, null, {}, 'en');
    expect(items.map((item) => `${item.kind}:${item.slug}`)).toEqual([
      'concept:kmeans-principles',
      'coding:kmeans',
      'concept:attention-principles',
      'coding:self-attention',
    ]);
    expect(items.every((item) => item.status === null)).toBe(true);
    expect(items.find((item) => item.slug === 'self-attention')?.comingSoon).toBe(true);
  });

  it('filters by topic and kind', async () => {
    const clustering = await listProblems(database.prisma, null, { topic: 'clustering' }, 'en');
    expect(clustering.map((item) => item.slug)).toEqual(['kmeans-principles', 'kmeans']);
    const coding = await listProblems(database.prisma, null, { kind: 'coding' }, 'en');
    expect(coding.map((item) => item.slug)).toEqual(['kmeans', 'self-attention']);
  });

  it('searches titles in both languages, ignoring case', async () => {
    expect((await listProblems(database.prisma, null, { q: 'K-MEANS' }, 'zh-CN')).length).toBe(4);
    expect((await listProblems(database.prisma, null, { q: '实现' }, 'en')).map((item) => item.kind)).toEqual(['coding', 'coding']);
    expect(await listProblems(database.prisma, null, { q: 'no such words' }, 'en')).toEqual([]);
  });

  it('tracks progress per user', async () => {
    const fresh = await listProblems(database.prisma, user, { status: 'new' }, 'en');
    expect(fresh).toHaveLength(4);

    const answer = await submitConceptAnswer(database.prisma, user, { slug: 'kmeans-principles', body: 'my answer' });
    expect((await listProblems(database.prisma, user, { status: 'attempted' }, 'en')).map((item) => item.slug)).toEqual(['kmeans-principles']);

    await saveSelfCheck(database.prisma, user, { answerId: answer.id, covered: [0, 1, 2] });
    expect((await listProblems(database.prisma, user, { status: 'solved' }, 'en')).map((item) => item.slug)).toEqual(['kmeans-principles']);

    const version = await database.prisma.taskVersion.findFirstOrThrow({ where: { task: { slug: 'kmeans' } } });
    await database.prisma.submission.create({ data: { userId: user.id, taskVersionId: version.id, language: 'typescript', code: 'x', status: 'judged', verdict: 'wrong_answer' } });
    expect((await listProblems(database.prisma, user, { status: 'attempted' }, 'en')).map((item) => item.slug)).toEqual(['kmeans']);

    await database.prisma.submission.create({ data: { userId: user.id, taskVersionId: version.id, language: 'typescript', code: 'y', status: 'judged', verdict: 'accepted' } });
    expect((await listProblems(database.prisma, user, { status: 'solved' }, 'en')).map((item) => item.slug)).toEqual(['kmeans-principles', 'kmeans']);
  });

  it('matches no status for a visitor', async () => {
    expect(await listProblems(database.prisma, null, { status: 'new' }, 'en')).toEqual([]);
  });
});

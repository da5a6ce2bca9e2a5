import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../lib/auth/session-user';
import type { Database } from '../../../lib/db/client';
import { AppError } from '../../../lib/errors/app-error';
import type { SubmissionStatus, Verdict } from '../../../lib/generated/prisma/enums';
import { getProfile } from '../../../lib/profile/get-profile';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQuestion, createTask, createUser } from '../../helpers/fixtures';

function at(minute: number): Date {
  return new Date(Date.UTC(2026, 11, 1, 10, minute));
}

async function submit(database: Database, userId: string, taskVersionId: string, minute: number, verdict: Verdict | null, status: SubmissionStatus = 'judged') {
  return database.submission.create({
    data: { userId, taskVersionId, language: 'typescript', code: `// ${minute}`, status, verdict, score: verdict === 'accepted' ? 100 : 0, createdAt: at(minute) },
  });
}

describe('profile statistics', () => {
  let database: TestDatabase;
  let candidate: SessionUser;
  let other: SessionUser;
  let interviewer: SessionUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    const prisma = database.prisma;
    candidate = await createUser(prisma);
    other = await createUser(prisma);
    interviewer = await createUser(prisma, { role: 'interviewer' });

    const clustering = await createTask(prisma, { slug: 'profile-kmeans', topic: 'clustering', position: 1 });
    const reduction = await createTask(prisma, { slug: 'profile-pca', topic: 'dimensionality-reduction', position: 2 });
    await createTask(prisma, { slug: 'profile-dbscan', topic: 'clustering', position: 3 });
    const solvedQuestion = await createQuestion(prisma, { slug: 'profile-q1', topic: 'clustering', position: 1 });
    const answeredQuestion = await createQuestion(prisma, { slug: 'profile-q2', topic: 'dimensionality-reduction', position: 2 });

    // K-means: wrong, then accepted twice. PCA: a compile error, a judge failure and one still queued.
    await submit(prisma, candidate.id, clustering.version.id, 1, 'wrong_answer');
    await submit(prisma, candidate.id, clustering.version.id, 2, 'accepted');
    await submit(prisma, candidate.id, clustering.version.id, 3, 'accepted');
    await submit(prisma, candidate.id, reduction.version.id, 4, 'compile_error');
    await submit(prisma, candidate.id, reduction.version.id, 5, 'internal_error');
    await submit(prisma, candidate.id, reduction.version.id, 6, null, 'queued');
    // Someone else's work must not count.
    await submit(prisma, other.id, reduction.version.id, 7, 'accepted');

    await prisma.conceptAnswer.create({
      data: { userId: candidate.id, questionId: solvedQuestion.id, body: 'complete', coveredKeyPoints: [0, 1, 2], selfCheckedAt: at(8), createdAt: at(8) },
    });
    await prisma.conceptAnswer.create({ data: { userId: candidate.id, questionId: answeredQuestion.id, body: 'partial', coveredKeyPoints: [], createdAt: at(9) } });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('counts totals from the user’s own submissions and answers', async () => {
    const profile = await getProfile(database.prisma, candidate, candidate.id, 'en');

    expect(profile.isOwn).toBe(true);
    expect(profile.totals).toEqual({
      submissions: 6,
      // Four judged verdicts: the judge's internal error and the queued submission are left out.
      judged: 4,
      acceptedSubmissions: 2,
      acceptedRate: 0.5,
      tasksSolved: 1,
      tasksAttempted: 2,
      tasksTotal: 3,
      questionsSolved: 1,
      questionsAnswered: 2,
      questionsTotal: 2,
      answers: 2,
    });
  });

  it('breaks progress down by topic in bank order', async () => {
    const profile = await getProfile(database.prisma, candidate, candidate.id, 'en');

    expect(profile.topics).toEqual([
      { topic: 'clustering', tasksTotal: 2, tasksSolved: 1, questionsTotal: 1, questionsSolved: 1, attempts: 3, acceptedSubmissions: 2 },
      { topic: 'dimensionality-reduction', tasksTotal: 1, tasksSolved: 0, questionsTotal: 1, questionsSolved: 0, attempts: 3, acceptedSubmissions: 0 },
    ]);
  });

  it('lists recent activity newest first', async () => {
    const profile = await getProfile(database.prisma, candidate, candidate.id, 'en');

    expect(profile.recent.map((item) => item.at)).toEqual([9, 8, 6, 5, 4, 3, 2, 1].map((minute) => at(minute).toISOString()));
    expect(profile.recent[0]).toMatchObject({ kind: 'answer', questionSlug: 'profile-q2', selfChecked: false, covered: 0, keyPoints: 3 });
    expect(profile.recent[1]).toMatchObject({ kind: 'answer', questionSlug: 'profile-q1', selfChecked: true, covered: 3 });
    expect(profile.recent[2]).toMatchObject({ kind: 'submission', taskSlug: 'profile-pca', status: 'queued', verdict: null });
  });

  it('has no accepted rate before a judged submission', async () => {
    const profile = await getProfile(database.prisma, interviewer, interviewer.id, 'en');
    expect(profile.totals.acceptedRate).toBeNull();
    expect(profile.totals.submissions).toBe(0);
    expect(profile.recent).toEqual([]);
  });

  it('lets an interviewer read a candidate’s profile', async () => {
    const profile = await getProfile(database.prisma, interviewer, candidate.id, 'en');
    expect(profile.isOwn).toBe(false);
    expect(profile.user.id).toBe(candidate.id);
    expect(profile.totals.submissions).toBe(6);
  });

  it('hides a profile from another candidate', async () => {
    const error = await getProfile(database.prisma, other, candidate.id, 'en').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
  });

  it('reports an unknown user as not found', async () => {
    const error = await getProfile(database.prisma, interviewer, 'no-such-user', 'en').catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('not_found');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSelfCheck } from '../../lib/answers/save-self-check';
import { submitConceptAnswer } from '../../lib/answers/submit-concept-answer';
import type { SessionUser } from '../../lib/auth/session-user';
import { getQuestionPage } from '../../lib/bank/get-question-page';
import { getTaskPage } from '../../lib/bank/get-task-page';
import { listProblems } from '../../lib/bank/list-problems';
import { AppError } from '../../lib/errors/app-error';
import { getSubmissionView } from '../../lib/submissions/get-submission-view';
import { listOwnSubmissions, listSubmissionsForReview } from '../../lib/submissions/list-submissions';
import { listUsers } from '../../lib/users/list-users';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { createQuestion, createTask, createUser } from '../helpers/fixtures';

// Values that exist only in hidden test rows; none of them may appear in any payload.
const HIDDEN_MARKERS = ['HIDDEN-INPUT-7391', 'HIDDEN-EXPECTED-7392', 'HIDDEN-ACTUAL-7393', 'HIDDEN-MESSAGE-7394'];
const ALICE_ANSWER = 'Alice private answer 5521';
const ALICE_CODE = 'export function kmeans() { /* alice secret code 8812 */ }';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('data access between users', () => {
  let database: TestDatabase;
  let alice: SessionUser;
  let bob: SessionUser;
  let interviewer: SessionUser;
  let questionSlug: string;
  let taskSlug: string;
  let submissionId: string;
  let aliceAnswerId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    alice = await createUser(database.prisma);
    bob = await createUser(database.prisma);
    interviewer = await createUser(database.prisma, { role: 'interviewer' });
    const question = await createQuestion(database.prisma, { position: 1 });
    questionSlug = question.slug;
    const { task, version } = await createTask(database.prisma, { position: 1 });
    taskSlug = task.slug;

    aliceAnswerId = (await submitConceptAnswer(database.prisma, alice, { slug: questionSlug, body: ALICE_ANSWER })).id;
    const submission = await database.prisma.submission.create({
      data: {
        userId: alice.id,
        taskVersionId: version.id,
        language: 'typescript',
        code: ALICE_CODE,
        status: 'judged',
        verdict: 'wrong_answer',
        score: 25,
        testsTotal: 2,
        testsDone: 2,
        judgedAt: new Date(),
        tests: {
          create: [
            {
              index: 0,
              name: 'sample-1',
              hidden: false,
              verdict: 'accepted',
              cpuMs: 1.5,
              message: 'ok',
              detail: { args: [[[0, 0]], 1, 1], expected: { labels: [0] }, actual: { labels: [0] } },
            },
            {
              // A worker bug that stored hidden data must still not leak through the site.
              index: 1,
              name: 'hidden-01',
              hidden: true,
              verdict: 'wrong_answer',
              cpuMs: 3.2,
              message: HIDDEN_MARKERS[3],
              detail: { args: [HIDDEN_MARKERS[0]], expected: HIDDEN_MARKERS[1], actual: HIDDEN_MARKERS[2] },
            },
          ],
        },
      },
    });
    submissionId = submission.id;
  });

  afterAll(async () => {
    await database.drop();
  });

  it('hides another user’s answers on the question page', async () => {
    const page = await getQuestionPage(database.prisma, bob, questionSlug, 'en');
    expect(page.answers).toEqual([]);
    expect(page.rubric).toBeNull();
    expect(page.referenceAnswer).toBeNull();
    expect(JSON.stringify(page)).not.toContain(ALICE_ANSWER);
  });

  it('refuses a self-check on another user’s answer', async () => {
    expect(await codeOf(saveSelfCheck(database.prisma, bob, { answerId: aliceAnswerId, covered: [0] }))).toBe('not_found');
    expect((await database.prisma.conceptAnswer.findUniqueOrThrow({ where: { id: aliceAnswerId } })).coveredKeyPoints).toEqual([]);
  });

  it('refuses another candidate’s submission as not found', async () => {
    expect(await codeOf(getSubmissionView(database.prisma, bob, submissionId, 'en'))).toBe('not_found');
  });

  it('keeps another user’s code out of the task page', async () => {
    const page = await getTaskPage(database.prisma, bob, taskSlug, 'en');
    expect(JSON.stringify(page)).not.toContain('alice secret code');
    expect(page.parts[0].initialCode).toBe('export function kmeans() {}');
    const own = await getTaskPage(database.prisma, alice, taskSlug, 'en');
    expect(own.parts[0].initialCode).toBe(ALICE_CODE);
  });

  it('lists only the user’s own submissions', async () => {
    expect(await listOwnSubmissions(database.prisma, bob, 'en')).toEqual([]);
    expect((await listOwnSubmissions(database.prisma, alice, 'en')).map((row) => row.id)).toEqual([submissionId]);
  });

  it('computes progress from the viewer’s own work only', async () => {
    const forBob = await listProblems(database.prisma, bob, {}, 'en');
    expect(forBob.every((item) => item.status === 'new')).toBe(true);
    const forAlice = await listProblems(database.prisma, alice, {}, 'en');
    expect(forAlice.map((item) => item.status)).toEqual(['attempted', 'attempted']);
  });

  it('keeps the review list and the user list from candidates', async () => {
    expect(await codeOf(listSubmissionsForReview(database.prisma, bob, 'en'))).toBe('forbidden');
    expect(await codeOf(listUsers(database.prisma, bob))).toBe('forbidden');
    expect(await codeOf(listUsers(database.prisma, interviewer))).toBe('forbidden');
  });

  it('shows interviewers every submission', async () => {
    const rows = await listSubmissionsForReview(database.prisma, interviewer, 'en');
    expect(rows.map((row) => row.id)).toContain(submissionId);
    const view = await getSubmissionView(database.prisma, interviewer, submissionId, 'en');
    expect(view.author).toEqual({ id: alice.id, name: alice.name, isViewer: false });
    expect(view.code).toBe(ALICE_CODE);
  });

  it('strips hidden test data from every submission payload', async () => {
    for (const viewer of [alice, interviewer]) {
      const view = await getSubmissionView(database.prisma, viewer, submissionId, 'en');
      const payload = JSON.stringify(view);
      for (const marker of HIDDEN_MARKERS) expect(payload).not.toContain(marker);

      const hidden = view.tests.find((test) => test.hidden);
      expect(hidden).toMatchObject({ name: 'hidden-01', verdict: 'wrong_answer', cpuMs: 3.2, message: null, detail: null });
      const sample = view.tests.find((test) => !test.hidden);
      expect(sample?.detail).toEqual({ args: [[[0, 0]], 1, 1], expected: { labels: [0] }, actual: { labels: [0] }, console: [] });
    }
  });
});

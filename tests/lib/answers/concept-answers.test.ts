import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveSelfCheck } from '../../../lib/answers/save-self-check';
import { submitConceptAnswer } from '../../../lib/answers/submit-concept-answer';
import { getQuestionPage } from '../../../lib/bank/get-question-page';
import { MAX_CONCEPT_ANSWER_CHARS } from '../../../lib/config/limits';
import { AppError } from '../../../lib/errors/app-error';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createQuestion, createUser } from '../../helpers/fixtures';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe('concept answers', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('shows the rubric after answering and the reference after a self-check', async () => {
    const user = await createUser(database.prisma);
    const question = await createQuestion(database.prisma);

    const before = await getQuestionPage(database.prisma, user, question.slug, 'en');
    expect(before.rubric).toBeNull();
    expect(before.referenceAnswer).toBeNull();
    expect(JSON.stringify(before)).not.toContain('Reference answer');
    expect(JSON.stringify(before)).not.toContain('Point one');

    const answer = await submitConceptAnswer(database.prisma, user, { slug: question.slug, body: 'Assign points to the nearest centroid, then move centroids.' });

    const answered = await getQuestionPage(database.prisma, user, question.slug, 'en');
    expect(answered.rubric).toEqual(['Point one', 'Point two', 'Point three']);
    expect(answered.referenceAnswer).toBeNull();
    expect(answered.answers[0].selfCheckedAt).toBeNull();
    expect(JSON.stringify(answered)).not.toContain('Reference answer');

    // Ticking no key point is a self-check too: the answer covered none of them.
    await saveSelfCheck(database.prisma, user, { answerId: answer.id, covered: [] });

    const checked = await getQuestionPage(database.prisma, user, question.slug, 'en');
    expect(checked.referenceAnswer).toBe('Reference answer');
    expect(checked.answers[0].selfCheckedAt).toBeInstanceOf(Date);
  });

  it('shows the reference answer to interviewers without answering', async () => {
    const interviewer = await createUser(database.prisma, { role: 'interviewer' });
    const question = await createQuestion(database.prisma);
    const page = await getQuestionPage(database.prisma, interviewer, question.slug, 'zh-CN');
    expect(page.referenceAnswer).toBe('参考答案');
    expect(page.rubric).toEqual(['要点一', '要点二', '要点三']);
  });

  it('lists past answers newest first', async () => {
    const user = await createUser(database.prisma);
    const question = await createQuestion(database.prisma);
    for (const body of ['first', 'second', 'third']) await submitConceptAnswer(database.prisma, user, { slug: question.slug, body });

    const page = await getQuestionPage(database.prisma, user, question.slug, 'en');
    expect(page.answers.map((answer) => answer.body)).toEqual(['third', 'second', 'first']);
  });

  it('rejects an empty answer and stores nothing', async () => {
    const user = await createUser(database.prisma);
    const question = await createQuestion(database.prisma);
    expect(await codeOf(submitConceptAnswer(database.prisma, user, { slug: question.slug, body: ' \n\t ' }))).toBe('invalid_input');
    expect(await codeOf(submitConceptAnswer(database.prisma, user, { slug: question.slug, body: null }))).toBe('invalid_input');
    expect(await database.prisma.conceptAnswer.count({ where: { userId: user.id } })).toBe(0);
  });

  it('rejects an answer over the limit and accepts one at it', async () => {
    const user = await createUser(database.prisma);
    const question = await createQuestion(database.prisma);

    const error = await submitConceptAnswer(database.prisma, user, { slug: question.slug, body: 'a'.repeat(MAX_CONCEPT_ANSWER_CHARS + 1) }).catch((caught: unknown) => caught);
    expect((error as AppError).code).toBe('too_large');
    expect((error as AppError).fields.body).toBe('answer_too_long');
    expect(await database.prisma.conceptAnswer.count({ where: { userId: user.id } })).toBe(0);

    await submitConceptAnswer(database.prisma, user, { slug: question.slug, body: 'a'.repeat(MAX_CONCEPT_ANSWER_CHARS) });
    expect(await database.prisma.conceptAnswer.count({ where: { userId: user.id } })).toBe(1);
  });

  it('rejects an unknown question', async () => {
    const user = await createUser(database.prisma);
    expect(await codeOf(submitConceptAnswer(database.prisma, user, { slug: 'no-such-question', body: 'text' }))).toBe('not_found');
    expect(await codeOf(getQuestionPage(database.prisma, user, 'no-such-question', 'en'))).toBe('not_found');
  });

  it('saves a self-check with valid key point indexes only', async () => {
    const user = await createUser(database.prisma);
    const question = await createQuestion(database.prisma);
    const answer = await submitConceptAnswer(database.prisma, user, { slug: question.slug, body: 'answer' });

    await saveSelfCheck(database.prisma, user, { answerId: answer.id, covered: [2, 0, 2] });
    expect((await database.prisma.conceptAnswer.findUniqueOrThrow({ where: { id: answer.id } })).coveredKeyPoints).toEqual([0, 2]);

    expect(await codeOf(saveSelfCheck(database.prisma, user, { answerId: answer.id, covered: [3] }))).toBe('invalid_input');
    expect(await codeOf(saveSelfCheck(database.prisma, user, { answerId: answer.id, covered: [0.5] }))).toBe('invalid_input');
    expect((await database.prisma.conceptAnswer.findUniqueOrThrow({ where: { id: answer.id } })).coveredKeyPoints).toEqual([0, 2]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../lib/auth/session-user';
import { getSubmissionView } from '../../../lib/submissions/get-submission-view';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createTask, createUser } from '../../helpers/fixtures';

const HIDDEN_POINT = 987654.321;

describe('submission view pictures', () => {
  let database: TestDatabase;
  let user: SessionUser;
  let submissionId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    user = await createUser(database.prisma);
    const { version } = await createTask(database.prisma, { slug: 'kmeans' });
    const submission = await database.prisma.submission.create({
      data: {
        userId: user.id,
        taskVersionId: version.id,
        language: 'typescript',
        code: 'x',
        status: 'judged',
        verdict: 'wrong_answer',
        lossHistory: [0.9, 0.5],
        referenceLossHistory: [0.8, 0.4],
        metrics: { accuracy: 0.75 },
      },
    });
    submissionId = submission.id;
    const points = [
      [0, 0],
      [0, 1],
      [5, 5],
    ];
    await database.prisma.testResult.createMany({
      data: [
        {
          submissionId,
          index: 0,
          name: 'sample-1',
          hidden: false,
          verdict: 'wrong_answer',
          detail: { args: [points, 2, 1], expected: { labels: [0, 0, 1] }, actual: { labels: [0, 0, 0] }, console: ['hello'] },
        },
        // A worker never stores a hidden test's data; the view must ignore it even if one did.
        {
          submissionId,
          index: 1,
          name: 'hidden-01',
          hidden: true,
          verdict: 'wrong_answer',
          detail: { args: [[[HIDDEN_POINT, 1]], 1, 1], expected: { labels: [0] }, actual: { labels: [0] } },
        },
      ],
    });
  });
  afterAll(async () => {
    await database.drop();
  });

  it('draws sample tests only', async () => {
    const view = await getSubmissionView(database.prisma, user, submissionId, 'en');

    expect(view.visuals?.kind).toBe('clusters');
    const pictures = view.visuals?.kind === 'clusters' ? view.visuals.pictures : [];
    expect(pictures.map((picture) => picture.test)).toEqual(['sample-1']);
    expect(pictures[0].differing).toBe(1);
    expect(JSON.stringify(view)).not.toContain(String(HIDDEN_POINT));
    expect(view.tests[0].detail?.console).toEqual(['hello']);
  });

  it('carries stored loss curves and metrics', async () => {
    const view = await getSubmissionView(database.prisma, user, submissionId, 'en');
    expect(view.training).toEqual({ lossHistory: [0.9, 0.5], referenceLossHistory: [0.8, 0.4], metrics: [{ name: 'accuracy', value: 0.75 }] });
  });
});

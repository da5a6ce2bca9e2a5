import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../lib/auth/password';
import { createDatabase, type Database } from '../../lib/db/client';
import { seriousViolations } from './support/axe';
import { openBrowser, screenshot, signIn, type BrowserSession } from './support/browser';

const PASSWORD = 'role-test-password';

describe('interviewer and admin paths', () => {
  let database: Database;
  let submissionId: string;
  let reviewerEmail: string;
  let otherEmail: string;

  beforeAll(async () => {
    database = createDatabase(inject('e2eDatabaseUrl'), { max: 1 });
    const passwordHash = await hashPassword(PASSWORD);
    const stamp = Date.now();
    reviewerEmail = `reviewer-${stamp}@example.com`;
    otherEmail = `other-${stamp}@example.com`;
    await database.user.create({ data: { email: reviewerEmail, name: 'Temporary Interviewer', role: 'interviewer', passwordHash } });
    await database.user.create({ data: { email: otherEmail, name: 'Other Candidate', role: 'candidate', passwordHash } });

    const candidate = await database.user.findUniqueOrThrow({ where: { email: 'candidate@holdout.test' } });
    const version = await database.taskVersion.findFirstOrThrow({ where: { task: { slug: 'kmeans' } } });
    const submission = await database.submission.create({
      data: {
        userId: candidate.id,
        taskVersionId: version.id,
        language: 'typescript',
        code: 'export function kmeans() { /* demo candidate code */ }',
        status: 'judged',
        verdict: 'compile_error',
        score: 0,
        message: 'line 1, column 10: demo compile error',
        judgedAt: new Date(),
      },
    });
    submissionId = submission.id;
  });
  afterAll(async () => {
    await database?.$disconnect();
  });

  it('lets an interviewer open a candidate’s submission', async () => {
    const session: BrowserSession = await openBrowser(inject('e2eBaseUrl'));
    try {
      await signIn(session.page, reviewerEmail, PASSWORD);
      await session.page.goto('/review');
      await session.page.locator(`a[href="/submissions/${submissionId}"]`).click();
      await session.page.waitForURL(`**/submissions/${submissionId}`);
      expect(await session.page.locator('.code-view').textContent()).toContain('demo candidate code');
      expect(await session.page.locator('.judge-message').first().textContent()).toContain('line 1, column 10');
      await screenshot(session.page, 'interviewer-submission');
    } finally {
      await session.close();
    }
  });

  it('hides one candidate’s submission from another', async () => {
    const session = await openBrowser(inject('e2eBaseUrl'));
    try {
      await signIn(session.page, otherEmail, PASSWORD);
      const page = await session.page.goto(`/submissions/${submissionId}`);
      expect(page?.status()).toBe(404);
      expect(await session.page.locator('body').textContent()).not.toContain('demo candidate code');

      const api = await session.page.request.get(`/api/submissions/${submissionId}`);
      expect(api.status()).toBe(404);
      expect((await session.page.goto('/review'))?.status()).toBe(404);
      expect(await session.page.title()).not.toMatch(/Review|审阅/);
      expect((await session.page.goto('/admin/users'))?.status()).toBe(404);
      expect(await session.page.title()).not.toMatch(/Users|用户/);
    } finally {
      await session.close();
    }
  });

  it('lets an interviewer read a candidate’s profile', async () => {
    const candidate = await database.user.findUniqueOrThrow({ where: { email: 'candidate@holdout.test' } });
    const session = await openBrowser(inject('e2eBaseUrl'));
    try {
      await signIn(session.page, reviewerEmail, PASSWORD);
      await session.page.goto('/review');
      await session.page.locator('td a[href^="/profile/"]', { hasText: 'candidate@holdout.test' }).first().click();
      await session.page.waitForURL(/\/profile\/[a-z0-9]+$/);
      expect(await session.page.locator('h1').textContent()).toContain(candidate.name);
      expect(await session.page.locator('.profile .muted').first().textContent()).toMatch(/read-only|只读/);
      expect(await session.page.locator('.stat-tile').count()).toBe(5);
      expect(await seriousViolations(session.page)).toEqual([]);
      await screenshot(session.page, 'interviewer-profile');
    } finally {
      await session.close();
    }
  });

  it('hides a candidate’s profile from another candidate', async () => {
    const candidate = await database.user.findUniqueOrThrow({ where: { email: 'candidate@holdout.test' } });
    const session = await openBrowser(inject('e2eBaseUrl'));
    try {
      await signIn(session.page, otherEmail, PASSWORD);
      expect((await session.page.goto(`/profile/${candidate.id}`))?.status()).toBe(404);
      expect((await session.page.goto('/profile'))?.status()).toBe(200);
    } finally {
      await session.close();
    }
  });

  it('lets an admin demote an interviewer, effective at once', async () => {
    const reviewer = await openBrowser(inject('e2eBaseUrl'));
    const admin = await openBrowser(inject('e2eBaseUrl'));
    try {
      await signIn(reviewer.page, reviewerEmail, PASSWORD);
      expect((await reviewer.page.goto('/review'))?.status()).toBe(200);

      await signIn(admin.page, 'admin@holdout.test', inject('e2eDemoPassword'));
      await admin.page.goto('/admin/users');
      const row = admin.page.locator('tr', { hasText: reviewerEmail });
      await row.locator('select[name="role"]').selectOption('candidate');
      await row.locator('button[type="submit"]').click();
      await row.locator('.form-success').waitFor();
      await screenshot(admin.page, 'admin-users');

      // The reviewer's session cookie is unchanged, but the role is re-read on every request.
      expect((await reviewer.page.goto('/review'))?.status()).toBe(404);
      expect((await database.user.findUniqueOrThrow({ where: { email: reviewerEmail } })).role).toBe('candidate');
    } finally {
      await reviewer.close();
      await admin.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../../lib/db/client';
import { openBrowser, screenshot, type BrowserSession } from './support/browser';
import { editorContent } from './support/editor';

// One candidate's first visit, step by step; each test continues where the previous one ended.
describe('new candidate', () => {
  const email = `candidate-${Date.now()}@example.com`;
  let session: BrowserSession;
  let database: Database;

  beforeAll(async () => {
    session = await openBrowser(inject('e2eBaseUrl'));
    database = createDatabase(inject('e2eDatabaseUrl'), { max: 1 });
  });
  afterAll(async () => {
    await session?.close();
    await database?.$disconnect();
  });

  it('signs up in Chinese by default', async () => {
    const { page } = session;
    await page.goto('/sign-up');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('注册账号');

    await page.locator('input[name="name"]').fill('Lin Wei');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill('a strong password');
    await page.locator('form button[type="submit"]').click();

    await page.waitForURL('**/problems');
    await page.locator('.account-name', { hasText: 'Lin Wei' }).waitFor();
    expect((await database.user.findUniqueOrThrow({ where: { email } })).role).toBe('candidate');
  });

  it('shows a clear message for a duplicate sign-up', async () => {
    const other = await openBrowser(inject('e2eBaseUrl'));
    try {
      await other.page.goto('/sign-up');
      await other.page.locator('input[name="name"]').fill('Someone');
      await other.page.locator('input[name="email"]').fill(email);
      await other.page.locator('input[name="password"]').fill('another password');
      await other.page.locator('form button[type="submit"]').click();
      await other.page.locator('.form-error', { hasText: '该邮箱已注册' }).waitFor();
      expect(await database.user.count({ where: { email } })).toBe(1);
    } finally {
      await other.close();
    }
  });

  it('rejects a wrong password with a generic message', async () => {
    const other = await openBrowser(inject('e2eBaseUrl'));
    try {
      await other.page.goto('/sign-in');
      await other.page.locator('input[name="email"]').fill(email);
      await other.page.locator('input[name="password"]').fill('not the password');
      await other.page.locator('form button[type="submit"]').click();
      await other.page.locator('.form-error', { hasText: '邮箱或密码不正确' }).waitFor();
      expect(new URL(other.page.url()).pathname).toBe('/sign-in');
    } finally {
      await other.close();
    }
  });

  it('switches the language to English', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Problems');
    expect((await database.user.findUniqueOrThrow({ where: { email } })).locale).toBe('en');

    // The choice is stored, so a fresh page load keeps it.
    await page.reload();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('filters the list to clustering', async () => {
    const { page } = session;
    await page.locator('select[name="topic"]').selectOption('clustering');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/topic=clustering/);

    const rows = page.locator('.problem-row');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    for (const row of await rows.all()) expect(await row.locator('.chip').first().textContent()).toBe('Clustering');
    expect(await page.locator('.problem-row .kind', { hasText: 'Concept' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.problem-row .kind', { hasText: 'Coding' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'problem-list-clustering');
  });

  it('opens the K-means task', async () => {
    const { page } = session;
    await page.locator('a[href="/tasks/kmeans"]').click();
    await page.waitForURL('**/tasks/kmeans');

    await page.locator('.markdown .katex').first().waitFor();
    await editorContent(page).waitFor();
    expect(await editorContent(page).textContent()).toContain('export function kmeans');
    expect(await page.locator('.sample').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Submit' }).count()).toBe(1);
    await screenshot(page, 'task-kmeans');
  });

  it('shows parts whose judge is not ready as coming soon', async () => {
    const { page } = session;
    const waiting = await database.task.findFirst({ where: { versions: { every: { judgeStatus: 'coming_soon' } } }, select: { slug: true } });
    if (waiting) {
      await page.goto(`/tasks/${waiting.slug}`);
      await page.locator('.notice', { hasText: 'coming soon' }).first().waitFor();
      expect(await page.locator('.code-workspace').count()).toBe(0);
    }

    // A task with a judged part and a waiting one opens on the judged part.
    const mixed = await database.task.findFirst({
      where: { AND: [{ versions: { some: { judgeStatus: 'ready' } } }, { versions: { some: { judgeStatus: 'coming_soon' } } }] },
      select: { slug: true, versions: { where: { judgeStatus: 'coming_soon' }, select: { part: true } } },
    });
    if (mixed) {
      await page.goto(`/tasks/${mixed.slug}`);
      await editorContent(page).waitFor();
      expect(await page.locator('.part-link[aria-current="page"]').count()).toBe(1);
      await page.goto(`/tasks/${mixed.slug}?part=${mixed.versions[0].part}`);
      await page.locator('.notice', { hasText: 'coming soon' }).first().waitFor();
      expect(await page.locator('.code-workspace').count()).toBe(0);
    }

    const missing = await page.goto('/tasks/no-such-task');
    expect(missing?.status()).toBe(404);
    expect(await page.locator('h1').textContent()).toBe('Page not found');
    await page.goto('/tasks/kmeans');
  });

  it('answers the K-means concept question', async () => {
    const { page } = session;
    await page.locator('a[href="/questions/kmeans-principles"]').click();
    await page.waitForURL('**/questions/kmeans-principles');
    expect(await page.locator('#reference-heading').count()).toBe(0);
    expect(await page.locator('#self-check-heading').count()).toBe(0);

    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.locator('.form-error', { hasText: 'The answer is empty.' }).waitFor();

    // 1.2 million characters: past the server actions' body limit, so only the form can reject them.
    await page.locator('textarea[name="body"]').fill('x'.repeat(1_200_000));
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await page.locator('.form-error', { hasText: /The answer is too long: at most 20,?000 characters\./ }).waitFor();
    expect((await page.locator('textarea[name="body"]').inputValue()).length).toBe(1_200_000);

    const answer = 'K-means alternates assigning points to the nearest centroid and moving each centroid to the mean of its points.';
    await page.locator('textarea[name="body"]').fill(answer);
    await page.getByRole('button', { name: 'Submit answer' }).click();

    // The rubric comes first; the reference answer only after the self-check is saved.
    await page.locator('#self-check-heading').waitFor();
    expect(await page.locator('.self-check input[type="checkbox"]').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('#reference-heading').count()).toBe(0);
    expect(await page.locator('.past-answers li').first().textContent()).toContain(answer);
    await page.getByRole('button', { name: 'Save and show the reference answer' }).click();
    await page.locator('#reference-heading').waitFor();
    expect(await page.locator('.reveal .markdown').textContent()).toMatch(/centroid/i);
    await screenshot(page, 'question-kmeans');
  });

  it('fits a phone screen', async () => {
    const phone = await openBrowser(inject('e2eBaseUrl'), { width: 390, height: 844 });
    try {
      for (const route of ['/problems', '/tasks/kmeans', '/questions/kmeans-principles']) {
        await phone.page.goto(route);
        const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, route).toBeLessThanOrEqual(0);
      }
      await phone.page.goto('/problems');
      await screenshot(phone.page, 'problem-list-phone');
    } finally {
      await phone.close();
    }
  });
});

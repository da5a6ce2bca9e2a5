import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, type Database } from '../../lib/db/client';
import { seriousViolations } from './support/axe';
import { openBrowser, screenshot, signIn, type BrowserSession } from './support/browser';
import { editorContent, setEditorCode, waitForServerDraft } from './support/editor';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'judge', 'fixtures', 'kmeans');
const PASSWORD = 'workspace journey password';
const DRAFT_MARKER = '// draft marker 42';
const JUDGE_TIMEOUT_MS = 150_000;

/** The first K-means fixture that the judge's own tests expect to be accepted. */
function acceptedKmeans(): string {
  const file = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .find((name) => readFileSync(path.join(FIXTURES, name), 'utf8').startsWith('// expected: accepted'));
  if (!file) throw new Error(`no accepted TypeScript fixture in ${FIXTURES}`);
  return readFileSync(path.join(FIXTURES, file), 'utf8');
}

/** Waits on a submission page until the verdict replaces the progress line, and returns it. */
async function finalVerdict(page: Page): Promise<string> {
  const verdict = page.locator('.result .verdict:not(.verdict-pending)');
  await verdict.waitFor({ timeout: JUDGE_TIMEOUT_MS });
  return (await verdict.getAttribute('class')) ?? '';
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

// One candidate's whole journey through the workspace, at desktop size (1280×800); each test
// continues where the previous one ended.
describe.runIf(inject('e2eJudgeRunning'))('candidate workspace', () => {
  const email = `workspace-${Date.now()}@example.com`;
  let session: BrowserSession;
  let database: Database;
  const submissionIds: string[] = [];

  /** Reads the account's server-side draft of the K-means task, or '' before the first save. */
  async function serverDraft(): Promise<string> {
    const draft = await database.draft.findFirst({ where: { user: { email }, task: { slug: 'kmeans' } }, select: { code: true } });
    return draft?.code ?? '';
  }

  beforeAll(async () => {
    session = await openBrowser(inject('e2eBaseUrl'), { width: 1280, height: 800 });
    database = createDatabase(inject('e2eDatabaseUrl'), { max: 1 });
  });
  afterAll(async () => {
    await session?.close();
    await database?.$disconnect();
  });

  it('keeps a visitor’s draft in the browser', async () => {
    const { page } = session;
    await page.goto('/tasks/kmeans');
    await editorContent(page).waitFor();
    await editorContent(page).click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type(`${DRAFT_MARKER}\n`);

    await page.locator('.draft-status', { hasText: '草稿已于' }).waitFor();
    expect(await page.locator('.draft-status').textContent()).toContain('浏览器');
    expect(await page.getByRole('link', { name: '登录后提交' }).count()).toBe(1);
  });

  it('moves the visitor’s draft to the new account', async () => {
    const { page } = session;
    await page.goto('/sign-up?callbackUrl=%2Ftasks%2Fkmeans');
    await page.locator('input[name="name"]').fill('Workspace Tester');
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(PASSWORD);
    await page.locator('form button[type="submit"]').click();
    await page.waitForURL('**/tasks/kmeans');

    await waitForServerDraft(page);
    expect((await serverDraft()).startsWith(DRAFT_MARKER)).toBe(true);
  });

  it('restores the draft after a reload', async () => {
    const { page } = session;
    // Continue in English; the choice is stored on the account.
    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('html[lang="en"]').waitFor();

    await editorContent(page).click();
    await page.keyboard.press('ControlOrMeta+Home');
    await page.keyboard.type('// typed after sign-up\n');
    await expect.poll(serverDraft, { timeout: 15_000 }).toContain('typed after sign-up');

    await page.reload();
    await editorContent(page).waitFor();
    const text = await editorContent(page).textContent();
    expect(text).toContain('typed after sign-up');
    expect(text).toContain(DRAFT_MARKER);
    expect(await page.locator('.draft-status').textContent()).toMatch(/Restored your draft/);
  });

  it('resets to the starter code after confirmation', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Reset to starter code' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await editorContent(page).textContent()).toContain(DRAFT_MARKER);

    await page.getByRole('button', { name: 'Reset to starter code' }).click();
    await page.locator('dialog[open]').getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(serverDraft, { timeout: 15_000 }).toContain('Placeholder: one cluster at the first point');
    expect(await editorContent(page).textContent()).not.toContain(DRAFT_MARKER);
    expect(await editorContent(page).textContent()).toContain('Placeholder: one cluster at the first point');
  });

  it('submits with the keyboard only', async () => {
    const { page } = session;
    await page.reload();
    await editorContent(page).waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

    let escapedEditor = false;
    for (let step = 0; step < 80; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          editor: element?.classList.contains('cm-content') ?? false,
          submit: element?.classList.contains('submit-button') ?? false,
          outline: element ? getComputedStyle(element).outlineStyle : 'none',
        };
      });
      if (focused.editor) {
        // Tab indents inside the editor, and Escape then Tab moves on, as the help line explains.
        await page.keyboard.press('Escape');
        escapedEditor = true;
        continue;
      }
      if (focused.submit) {
        expect(focused.outline).not.toBe('none');
        break;
      }
    }
    expect(escapedEditor).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('submit-button'))).toBe(true);

    await page.keyboard.press('Enter');
    await page.waitForURL(/\/submissions\/[a-z0-9]+$/);
    submissionIds.push(page.url().split('/').at(-1) as string);
  });

  it('shows the placeholder’s wrong answer with pictures', async () => {
    const { page } = session;
    expect(await finalVerdict(page)).toContain('verdict-wrong_answer');
    await page.locator('.cluster-scatter').first().waitFor();
    // The reference's clusters and the placeholder's single cluster, side by side.
    expect(await page.locator('.cluster-scatter').first().locator('.recharts-wrapper > svg').count()).toBe(2);
    expect(await page.locator('.cluster-scatter figcaption').first().textContent()).toMatch(/coloured differently/);
  });

  it('gets a correct K-means accepted with pictures and speed', async () => {
    const { page } = session;
    await page.goto('/tasks/kmeans');
    await editorContent(page).waitFor();
    await setEditorCode(page, acceptedKmeans());
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.waitForURL((url) => url.pathname.startsWith('/submissions/') && !submissionIds.includes(url.pathname.split('/').at(-1) as string));
    submissionIds.push(page.url().split('/').at(-1) as string);

    expect(await finalVerdict(page)).toContain('verdict-accepted');
    expect(await page.locator('.tests-table tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('.tests-table tbody tr', { hasText: 'hidden' }).count()).toBeGreaterThan(0);
    await page.locator('.band').waitFor();
    expect(await page.locator('.band').textContent()).toMatch(/×\d/);
    await page.locator('.histogram svg').waitFor();

    const scatters = page.locator('.cluster-scatter');
    expect(await scatters.count()).toBeGreaterThanOrEqual(3);
    // The third sample has three dimensions, drawn on its first two principal components.
    expect(await page.locator('.cluster-scatter figcaption', { hasText: 'principal components' }).count()).toBeGreaterThan(0);
    // Samples with duplicate points may be split differently and still be accepted.
    expect(await page.locator('.cluster-scatter figcaption', { hasText: 'every point has the reference' }).count()).toBeGreaterThan(0);
    await screenshot(page, 'workspace-submission-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps rejected code in the editor with a message', async () => {
    const { page } = session;
    await page.goto('/tasks/kmeans');
    await editorContent(page).waitFor();
    const huge = `// ${'x'.repeat(70_000)}\n`;
    await setEditorCode(page, huge);
    await page.getByRole('button', { name: /^Submit/ }).click();
    await page.locator('.form-error', { hasText: /too large/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/tasks/kmeans');
    expect(await editorContent(page).textContent()).toContain('xxxxxxxx');
    await setEditorCode(page, acceptedKmeans());
    await expect.poll(serverDraft, { timeout: 15_000 }).toBe(acceptedKmeans());
  });

  it('compares two submissions in the history', async () => {
    const { page } = session;
    await page.goto(`/submissions/${submissionIds[1]}`);
    await page.getByRole('link', { name: 'Compare with your other submissions' }).click();
    await page.waitForURL(/tab=history/);

    const historyTab = page.getByRole('tab', { name: /My submissions/ });
    expect(await historyTab.getAttribute('aria-selected')).toBe('true');
    const rows = page.locator('.history tbody tr');
    expect(await rows.count()).toBe(2);
    await rows.nth(0).locator('input[type="checkbox"]').check();
    await rows.nth(1).locator('input[type="checkbox"]').check();
    await page.getByRole('button', { name: /Compare \(2 of 2/ }).click();

    await page.locator('table.code-diff').waitFor();
    expect(await page.locator('.code-diff .diff-added').count()).toBeGreaterThan(5);
    expect(await page.locator('.code-diff .diff-removed').count()).toBeGreaterThan(0);
    expect(await page.locator('.code-diff caption').textContent()).toMatch(/lines? added/);
    await screenshot(page, 'workspace-history-diff-desktop');
    expect(await seriousViolations(page)).toEqual([]);

    // The statement tab comes back with the arrow keys.
    await historyTab.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: 'Statement' }).getAttribute('aria-selected')).toBe('true');
    await screenshot(page, 'workspace-task-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('answers a concept question with a self-check, bookmark and note', async () => {
    const { page } = session;
    await page.goto('/questions/kmeans-principles');
    await page.locator('textarea[name="body"]').fill('Assign each point to its nearest centroid, move each centroid to its mean, repeat until nothing changes.');
    await page.getByRole('button', { name: 'Submit answer' }).click();

    await page.locator('#self-check-heading').waitFor();
    expect(await page.locator('#reference-heading').count()).toBe(0);
    const points = page.locator('.self-check input[type="checkbox"]');
    await points.nth(0).check();
    await points.nth(1).check();
    await page.getByRole('button', { name: 'Save and show the reference answer' }).click();
    await page.locator('#reference-heading').waitFor();

    const bookmark = page.getByRole('button', { name: 'Bookmark' });
    await bookmark.click();
    await page.locator('.bookmark-button[aria-pressed="true"]').waitFor();

    await page.locator('.note-form textarea').fill('Mention k-means++ seeding and the elbow method.');
    await page.getByRole('button', { name: 'Save note' }).click();
    await page.locator('.note-form .form-success').waitFor();

    await page.reload();
    expect(await page.locator('.bookmark-button').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('.note-form textarea').inputValue()).toContain('elbow method');
    expect(await page.locator('.past-answers').textContent()).toContain('self-check: 2 of');
    await screenshot(page, 'workspace-question-desktop');
    expect(await seriousViolations(page)).toEqual([]);

    const user = await database.user.findUniqueOrThrow({ where: { email } });
    expect(await database.bookmark.count({ where: { userId: user.id } })).toBe(1);

    await page.goto('/problems?bookmarked=1');
    expect(await page.locator('.problem-row').count()).toBe(1);
    expect(await page.locator('.problem-row a').getAttribute('href')).toBe('/questions/kmeans-principles');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the progress on the profile', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL('**/profile');

    const tiles = page.locator('.stat-tile');
    expect(await tiles.filter({ hasText: 'Coding tasks solved' }).locator('dd').textContent()).toMatch(/^1 \/ \d+$/);
    expect(await tiles.filter({ hasText: 'Code submissions' }).locator('dd').textContent()).toBe('2');
    expect(await tiles.filter({ hasText: 'Accepted rate' }).locator('dd').textContent()).toBe('50%');
    await page.locator('.topic-chart .recharts-wrapper > svg').waitFor();
    expect(await page.locator('.topic-table tbody tr', { hasText: 'Clustering' }).locator('td').first().textContent()).toMatch(/^1 \/ \d+$/);
    expect(await page.locator('.activity li').count()).toBe(3);
    await screenshot(page, 'workspace-profile-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('restores the language and works at phone width in a new browser', async () => {
    const phone = await openBrowser(inject('e2eBaseUrl'), { width: 390, height: 844 });
    try {
      const { page } = phone;
      await page.goto('/problems');
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      await signIn(page, email, PASSWORD);
      await page.goto('/tasks/kmeans');
      // The account's language wins over this browser's default.
      expect(await page.locator('html').getAttribute('lang')).toBe('en');

      await editorContent(page).waitFor();
      const statement = await page.locator('.workspace-info').boundingBox();
      const editor = await page.locator('.workspace-editor').boundingBox();
      if (!statement || !editor) throw new Error('the workspace columns are not rendered');
      expect(editor.y).toBeGreaterThanOrEqual(statement.y + statement.height);
      expect(editor.width).toBeGreaterThan(340);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'workspace-task-phone');
      expect(await seriousViolations(page)).toEqual([]);

      for (const [route, name] of [
        [`/submissions/${submissionIds[1]}`, 'workspace-submission-phone'],
        ['/questions/kmeans-principles', 'workspace-question-phone'],
        ['/profile', 'workspace-profile-phone'],
        ['/tasks/kmeans?tab=history', 'workspace-history-phone'],
      ]) {
        await page.goto(route);
        expect(await horizontalOverflow(page), route).toBeLessThanOrEqual(0);
        await screenshot(page, name);
      }
    } finally {
      await phone.close();
    }
  });
});

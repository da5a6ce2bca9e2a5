import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, screenshot, signIn, type BrowserSession } from './support/browser';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'judge', 'fixtures', 'kmeans');

/** The first K-means fixture the judge's own tests expect to be accepted. */
function acceptedKmeans(): string {
  const file = readdirSync(FIXTURES)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .find((name) => readFileSync(path.join(FIXTURES, name), 'utf8').startsWith('// expected: accepted'));
  if (!file) throw new Error(`no accepted TypeScript fixture in ${FIXTURES}`);
  return readFileSync(path.join(FIXTURES, file), 'utf8');
}

describe.runIf(inject('e2eJudgeRunning'))('candidate submits code', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser(inject('e2eBaseUrl'));
    await signIn(session.page, 'candidate@holdout.test', inject('e2eDemoPassword'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('gets a correct K-means accepted with a speed ratio', async () => {
    const { page } = session;
    await page.goto('/tasks/kmeans');
    await page.locator('textarea[name="code"]').fill(acceptedKmeans());
    await page.locator('form.code-form button[type="submit"]').click();
    await page.waitForURL(/\/submissions\/[a-z0-9]+$/);

    // The page polls while the judge works; the verdict replaces the progress line.
    const verdict = page.locator('.result .verdict');
    await page.locator('.result .verdict-accepted, .result .verdict:not(.verdict-pending)').first().waitFor({ timeout: 110_000 });
    expect(await verdict.first().getAttribute('class')).toContain('verdict-accepted');

    await page.locator('.band').waitFor();
    expect(await page.locator('.band').textContent()).toMatch(/×\d/);
    await page.locator('.histogram svg').waitFor();
    expect(await page.locator('table.table tbody tr').count()).toBeGreaterThan(1);
    await screenshot(page, 'submission-accepted');
  }, 120_000);

  it('keeps rejected code in the editor with a message', async () => {
    const { page } = session;
    await page.goto('/tasks/kmeans');
    const huge = `// ${'x'.repeat(70_000)}\n`;
    await page.locator('textarea[name="code"]').fill(huge);
    await page.locator('form.code-form button[type="submit"]').click();
    await page.locator('.form-error').waitFor();
    expect(await page.locator('.form-error').textContent()).toMatch(/代码太长|too large/);
    expect((await page.locator('textarea[name="code"]').inputValue()).length).toBe(huge.length);
  });
});

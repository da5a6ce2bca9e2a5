import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { openBrowser, screenshot, signIn, type BrowserSession } from './support/browser';

const FIXTURES = path.resolve(import.meta.dirname, '..', 'judge', 'fixtures', 'kmeans');
const ACCEPTED_KMEANS = readFileSync(path.join(FIXTURES, 'accepted-greedy-plusplus-typed-arrays.ts'), 'utf8');
const INFINITE_KMEANS = readFileSync(path.join(FIXTURES, 'time-limit-infinite-loop.ts'), 'utf8');

describe.runIf(inject('e2eJudgeRunning'))('candidate runs code on their own input', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser(inject('e2eBaseUrl'));
    await signIn(session.page, 'candidate@holdout.test', inject('e2eDemoPassword'));
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads a sample, runs it and sees both outputs with the verdict', async () => {
    const { page } = session;
    await page.goto('/tasks/kmeans');

    // Replaces the editor's code in one input event, so that CodeMirror adds no brackets or indentation.
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(ACCEPTED_KMEANS);

    const input = page.locator('.run-input');
    await input.fill('[]');
    await page.locator('.run-samples button').first().click();
    const args = JSON.parse(await input.inputValue()) as unknown[];
    expect(args).toHaveLength(3);

    await page.locator('.run-button').click();
    const result = page.locator('.run-result');
    await result.waitFor({ timeout: 110_000 });

    expect(await result.locator('.verdict').getAttribute('class')).toContain('verdict-accepted');
    expect(await result.locator('.run-output-candidate pre').textContent()).toContain('"labels"');
    expect(await result.locator('.run-output-reference pre').textContent()).toContain('"centroids"');
    expect(await result.locator('.run-output-candidate h4').textContent()).toMatch(/CPU [\d.]+ ms/);
    expect(await result.locator('.run-output-reference h4').textContent()).toMatch(/CPU [\d.]+ ms/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'custom-run-accepted');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'custom-run-accepted-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  }, 120_000);

  it('runs with the keyboard shortcut and shows the console output', async () => {
    const { page } = session;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText('export function kmeans(points: number[][], k: number) {\n  console.log("points", points.length);\n  return { centroids: [], labels: [] };\n}\n');
    await page.locator('.run-input').fill('[[[0, 0], [0, 1], [10, 10], [10, 11]], 2, 7]');

    await page.locator('.run-input').press("Control+'");
    const candidate = page.locator('.run-result .run-output-candidate pre');
    await page.locator('.run-console').waitFor({ timeout: 110_000 });

    expect(await page.locator('.run-result .verdict').getAttribute('class')).toContain('verdict-wrong_answer');
    expect(await page.locator('.run-console').textContent()).toBe('points 4');
    expect(await candidate.textContent()).toContain('"centroids": []');
    expect(await page.locator('.run-result .judge-message').textContent()).toBe('labels has length 0, expected 4');
  }, 120_000);

  it('explains invalid JSON and invalid arguments without running', async () => {
    const { page } = session;
    const input = page.locator('.run-input');

    await input.fill('[[[0, 0]], 1,');
    expect(await page.locator('.run-panel .hint-error').textContent()).toMatch(/JSON/);
    await page.locator('.run-button').click();
    expect(await page.locator('.run-panel .form-error').textContent()).toMatch(/JSON/);

    await input.fill('[[[0, 0], [1, 1]], 5, 7]');
    await page.locator('.run-button').click();
    await page.locator('.run-panel .form-error', { hasText: 'k = 5' }).waitFor();
    expect(await page.locator('.run-panel .form-error').textContent()).toMatch(/^(参数无效：|Invalid arguments: )k = 5, expected at most 2/);
  }, 60_000);

  it('shows not-run tests after a time limit', async () => {
    const { page } = session;
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.insertText(INFINITE_KMEANS);
    await page.locator('.submit-button').click();
    await page.waitForURL(/\/submissions\/[a-z0-9]+$/);

    const notRun = page.locator('.tests-not-run');
    await notRun.waitFor({ timeout: 110_000 });
    expect(await page.locator('.result .verdict').first().getAttribute('class')).toContain('verdict-time_limit_exceeded');
    expect(await page.locator('.tests-table tbody tr').count()).toBe(2);
    expect(await notRun.textContent()).toMatch(/^(其余 \d+ 个测试|\d+ more tests)(未运行|not run)—$/);
  }, 120_000);
});

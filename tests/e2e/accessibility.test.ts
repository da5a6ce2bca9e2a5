import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser, type BrowserSession } from './support/browser';

const PAGES = ['/', '/problems', '/problems?topic=clustering', '/tasks/kmeans', '/questions/kmeans-principles', '/sign-in', '/sign-up'];

describe('accessibility of public pages', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await openBrowser(inject('e2eBaseUrl'));
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const route of PAGES) {
    it(`has no serious axe violations on ${route}`, async () => {
      await session.page.goto(route);
      const results = await new AxeBuilder({ page: session.page }).withTags(['wcag2a', 'wcag2aa']).analyze();
      const serious = results.violations
        .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
        .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
      expect(serious).toEqual([]);
    });
  }
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { openBrowser, type BrowserSession } from './support/browser';

const PAGES = ['/', '/problems', '/problems?topic=clustering', '/tasks/kmeans', '/tasks/self-attention', '/questions/kmeans-principles', '/sign-in', '/sign-up'];
const DARK_PAGES = ['/', '/problems', '/tasks/kmeans', '/questions/kmeans-principles'];

async function visit(session: BrowserSession, route: string): Promise<void> {
  await session.page.goto(route);
  // The editor loads after the page; check the page as the user meets it, with CodeMirror.
  if (route === '/tasks/kmeans') await session.page.locator('.cm-content').waitFor();
}

for (const colorScheme of ['light', 'dark'] as const) {
  describe(`accessibility of public pages in the ${colorScheme} theme`, () => {
    let session: BrowserSession;
    beforeAll(async () => {
      session = await openBrowser(inject('e2eBaseUrl'), { colorScheme });
    });
    afterAll(async () => {
      await session?.close();
    });

    for (const route of colorScheme === 'light' ? PAGES : DARK_PAGES) {
      it(`has no serious axe violations on ${route}`, async () => {
        await visit(session, route);
        expect(await seriousViolations(session.page)).toEqual([]);
      });
    }
  });
}

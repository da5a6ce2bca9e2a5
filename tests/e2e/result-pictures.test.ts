import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../lib/auth/password';
import { createDatabase, type Database } from '../../lib/db/client';
import type { Prisma } from '../../lib/generated/prisma/client';
import { seriousViolations } from './support/axe';
import { openBrowser, screenshot, signIn, type BrowserSession } from './support/browser';

const PASSWORD = 'pictures test password';

interface StoredSample {
  name: string;
  args: Prisma.InputJsonValue[];
  expected: Record<string, Prisma.InputJsonValue>;
}

interface StoredRule {
  antecedent: string[];
  consequent: string[];
  support: number;
  confidence: number;
  lift: number;
}

// Results stored straight in the database, as a worker would write them, so that the pictures of
// PCA, Apriori and a training part are drawn without running the judge.
describe('result pictures for PCA, Apriori and training', () => {
  const email = `pictures-${Date.now()}@example.com`;
  let database: Database;
  let session: BrowserSession;
  const ids: Record<'pca' | 'apriori' | 'training', string> = { pca: '', apriori: '', training: '' };

  async function judgedSubmission(userId: string, taskSlug: string, tests: { sample: StoredSample; actual: Prisma.InputJsonValue }[], extra: Prisma.SubmissionUncheckedCreateInput | object = {}) {
    const version = await database.taskVersion.findFirstOrThrow({ where: { task: { slug: taskSlug } }, orderBy: { version: 'desc' } });
    const submission = await database.submission.create({
      data: { userId, taskVersionId: version.id, language: 'typescript', code: `// ${taskSlug}`, status: 'judged', verdict: 'wrong_answer', score: 0, testsTotal: tests.length, testsDone: tests.length, judgedAt: new Date(), ...extra },
    });
    await database.testResult.createMany({
      data: tests.map(({ sample, actual }, index) => ({
        submissionId: submission.id,
        index,
        name: sample.name,
        hidden: false,
        verdict: 'wrong_answer' as const,
        cpuMs: 1,
        detail: { args: sample.args, expected: sample.expected, actual, console: [] },
      })),
    });
    return submission.id;
  }

  beforeAll(async () => {
    database = createDatabase(inject('e2eDatabaseUrl'), { max: 1 });
    const user = await database.user.create({ data: { email, name: 'Pictures Tester', passwordHash: await hashPassword(PASSWORD), locale: 'en' } });
    const samplesOf = async (slug: string) =>
      (await database.taskVersion.findFirstOrThrow({ where: { task: { slug } }, orderBy: { version: 'desc' } })).samples as unknown as StoredSample[];

    // PCA: the candidate flips the second component and halves the second variance.
    const pcaSample = (await samplesOf('pca')).find((sample) => sample.name === 'sample-2') ?? (await samplesOf('pca'))[0];
    const expected = pcaSample.expected as { explainedVariance: number[]; projected: number[][] };
    const pcaActual = {
      ...pcaSample.expected,
      explainedVariance: expected.explainedVariance.map((value, index) => (index === 1 ? value / 2 : value)),
      projected: expected.projected.map((row) => row.map((value, index) => (index === 1 ? -value : value))),
    };
    ids.pca = await judgedSubmission(user.id, 'pca', [{ sample: pcaSample, actual: pcaActual }]);

    // Apriori: one rule missing and one confidence off.
    const ruleCount = (sample: StoredSample) => (sample.expected.rules as unknown as StoredRule[]).length;
    const aprioriSample = (await samplesOf('apriori')).sort((a, b) => ruleCount(b) - ruleCount(a))[0];
    const rules = aprioriSample.expected.rules as unknown as StoredRule[];
    const aprioriActual = { ...aprioriSample.expected, rules: rules.slice(1).map((rule, index) => (index === 0 ? { ...rule, confidence: rule.confidence / 2 } : rule)) } as unknown as Prisma.InputJsonValue;
    ids.apriori = await judgedSubmission(user.id, 'apriori', [{ sample: aprioriSample, actual: aprioriActual }]);

    // A training part as the judge will store it: loss per epoch for both models.
    ids.training = await judgedSubmission(user.id, 'kmeans', [], {
      lossHistory: [2.3, 1.1, 0.7, 0.5, 0.42],
      referenceLossHistory: [2.2, 0.9, 0.55, 0.4, 0.33],
      metrics: { accuracy: 0.91, referenceAccuracy: 0.94 },
    });

    session = await openBrowser(inject('e2eBaseUrl'), { width: 1280, height: 800 });
    await signIn(session.page, email, PASSWORD);
  });
  afterAll(async () => {
    await session?.close();
    await database?.$disconnect();
  });

  it('draws the PCA scree plot and projections', async () => {
    const { page } = session;
    await page.goto(`/submissions/${ids.pca}`);
    await page.locator('.pca-picture').first().waitFor();
    // Scree plot, expected projection and the candidate's.
    expect(await page.locator('.pca-picture .recharts-wrapper > svg').count()).toBe(3);
    expect(await page.locator('.pca-picture figcaption').textContent()).toMatch(/expected variances .*; yours/);
    await screenshot(page, 'pictures-pca-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sorts the Apriori rules and marks the differences', async () => {
    const { page } = session;
    await page.goto(`/submissions/${ids.apriori}`);
    const table = page.locator('.rules-table');
    await table.waitFor();
    expect(await table.locator('tr.rule-missing').count()).toBe(1);
    expect(await table.locator('tr.rule-differs').count()).toBe(1);
    expect(await table.locator('td.cell-differs').count()).toBe(1);
    // Missing rules sort first by default.
    expect(await table.locator('tbody tr').first().getAttribute('class')).toBe('rule-missing');

    const confidence = table.locator('th', { hasText: 'Confidence' });
    await confidence.getByRole('button').click();
    expect(await confidence.getAttribute('aria-sort')).toBe('descending');
    const values = await table.locator('tbody tr td:nth-child(3) .metric-pair > span:first-child').allTextContents();
    const numbers = values.map((text) => Number(text.replace(/[^\d.]/g, '')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

    await confidence.getByRole('button').click();
    expect(await confidence.getAttribute('aria-sort')).toBe('ascending');
    await screenshot(page, 'pictures-apriori-desktop');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('draws loss curves when the submission stores them', async () => {
    const { page } = session;
    await page.goto(`/submissions/${ids.training}`);
    await page.locator('.loss-curves .recharts-wrapper > svg').waitFor();
    expect(await page.locator('.loss-curves figcaption').textContent()).toMatch(/5 epochs: your model ends at 0\.42, the reference model at 0\.33/);
    expect(await page.locator('.metrics-table tr', { hasText: 'accuracy' }).first().textContent()).toContain('0.91');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('fits the pictures on a phone', async () => {
    const phone = await openBrowser(inject('e2eBaseUrl'), { width: 390, height: 844 });
    try {
      await signIn(phone.page, email, PASSWORD);
      for (const kind of ['pca', 'apriori'] as const) {
        await phone.page.goto(`/submissions/${ids[kind]}`);
        await phone.page.locator('.result-pictures').waitFor();
        expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await screenshot(phone.page, `pictures-${kind}-phone`);
        expect(await seriousViolations(phone.page)).toEqual([]);
      }
    } finally {
      await phone.close();
    }
  });
});

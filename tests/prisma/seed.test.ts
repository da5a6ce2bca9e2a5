import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taskCatalog } from '../../judge/tasks/catalog';
import { findTask } from '../../judge/tasks/registry';
import { findTrainingTask } from '../../judge/tasks/training-registry';
import { verifyPassword } from '../../lib/auth/password';
import { conceptQuestions } from '../../prisma/seed/content/questions';
import { DEMO_ACCOUNTS, seedDatabase, type SeedReport } from '../../prisma/seed';
import { stableStringify } from '../../prisma/seed/stable-json';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

const DEMO_PASSWORD = 'demo-password-for-tests';

async function rowCounts(database: TestDatabase) {
  const prisma = database.prisma;
  return {
    questions: await prisma.question.count(),
    tasks: await prisma.task.count(),
    taskVersions: await prisma.taskVersion.count(),
    users: await prisma.user.count(),
  };
}

async function updateTimes(database: TestDatabase) {
  const questions = await database.prisma.question.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
  const tasks = await database.prisma.task.findMany({ select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
  return { questions, tasks };
}

describe('seedDatabase', () => {
  let database: TestDatabase;
  let first: SeedReport;

  beforeAll(async () => {
    database = await createTestDatabase();
    first = await seedDatabase(database.prisma, { demoPassword: DEMO_PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await database.drop();
  });

  it('creates the 30-item bank', async () => {
    expect(first.questions.created).toBe(15);
    expect(first.tasks.created).toBe(15);
    expect(first.taskVersions.created).toBe(taskCatalog.length);
    const counts = await rowCounts(database);
    expect(counts.questions + counts.tasks).toBe(30);
    expect(counts.taskVersions).toBe(taskCatalog.length);
  });

  it('stores both languages of every question', async () => {
    const questions = await database.prisma.question.findMany();
    expect(questions.map((question) => question.slug).sort()).toEqual(conceptQuestions.map((question) => question.slug).sort());
    for (const question of questions) {
      for (const text of [question.titleZh, question.titleEn, question.promptZh, question.promptEn, question.referenceAnswerZh, question.referenceAnswerEn]) {
        expect(text.trim().length, question.slug).toBeGreaterThan(0);
      }
      const rubric = question.rubric as { zh: string; en: string }[];
      expect(rubric.length, question.slug).toBeGreaterThanOrEqual(4);
      for (const point of rubric) {
        expect(point.zh.trim().length, question.slug).toBeGreaterThan(0);
        expect(point.en.trim().length, question.slug).toBeGreaterThan(0);
      }
    }
    expect(questions.some((question) => /[\u4e00-\u9fff]/.test(question.promptZh))).toBe(true);
  });

  it('stores both languages of every task version', async () => {
    const versions = await database.prisma.taskVersion.findMany({ include: { task: true } });
    for (const version of versions) {
      expect(version.task.titleZh.trim().length).toBeGreaterThan(0);
      expect(version.task.titleEn.trim().length).toBeGreaterThan(0);
      expect(version.statementZh.trim().length, version.judgeSlug).toBeGreaterThan(0);
      expect(version.statementEn.trim().length, version.judgeSlug).toBeGreaterThan(0);
      expect(version.starterCode.trim().length, version.judgeSlug).toBeGreaterThan(0);
    }
  });

  it('marks readiness and stores samples with reference outputs', async () => {
    for (const part of taskCatalog) {
      const version = await database.prisma.taskVersion.findFirstOrThrow({ where: { judgeSlug: part.slug, part: part.part, version: part.version } });
      const samples = version.samples as { name: string; args: unknown[]; expected: unknown }[];
      if (!part.ready) {
        expect(version.judgeStatus, part.slug).toBe('coming_soon');
        expect(samples).toEqual([]);
        continue;
      }
      expect(version.judgeStatus, part.slug).toBe('ready');
      if (part.part === 'train') {
        // Training parts are graded on datasets described in the statement, not on sample calls.
        expect(findTrainingTask(part.slug), part.slug).toBeDefined();
        expect(samples, part.slug).toEqual([]);
        continue;
      }
      const definition = findTask(part.slug);
      expect(definition, part.slug).toBeDefined();
      const expected = definition!.samples();
      expect(samples.map((sample) => sample.name)).toEqual(expected.map((test) => test.name));
      for (const [index, sample] of samples.entries()) {
        // Prisma stores Json numbers with 16 significant digits, so compare at that precision.
        expect(stableStringify(sample.args)).toBe(stableStringify(expected[index].args));
        expect(stableStringify(sample.expected)).toBe(stableStringify(definition!.reference(...expected[index].args)));
      }
    }
  });

  it('creates one demo account per role on a fresh database', async () => {
    expect(first.demoAccountsCreated).toBe(true);
    const users = await database.prisma.user.findMany({ orderBy: { email: 'asc' } });
    expect(users.map((user) => [user.email, user.role])).toEqual(
      [...DEMO_ACCOUNTS].sort((a, b) => a.email.localeCompare(b.email)).map((account) => [account.email, account.role]),
    );
    for (const user of users) expect(await verifyPassword(user.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
  });

  it('changes and duplicates nothing on a second run', async () => {
    const countsBefore = await rowCounts(database);
    const timesBefore = await updateTimes(database);

    const second = await seedDatabase(database.prisma, { demoPassword: DEMO_PASSWORD });

    expect(second.questions).toEqual({ created: 0, updated: 0, unchanged: 15 });
    expect(second.tasks).toEqual({ created: 0, updated: 0, unchanged: 15 });
    expect(second.taskVersions).toEqual({ created: 0, updated: 0, unchanged: taskCatalog.length });
    expect(second.demoAccountsCreated).toBe(false);
    expect(await rowCounts(database)).toEqual(countsBefore);
    expect(await updateTimes(database)).toEqual(timesBefore);
  }, 60_000);

  it('restores a row edited in the database', async () => {
    const slug = conceptQuestions[0].slug;
    await database.prisma.question.update({ where: { slug }, data: { titleEn: 'edited by hand' } });

    const report = await seedDatabase(database.prisma);

    expect(report.questions).toEqual({ created: 0, updated: 1, unchanged: 14 });
    expect((await database.prisma.question.findUniqueOrThrow({ where: { slug } })).titleEn).toBe(conceptQuestions[0].title.en);
  }, 60_000);
});

describe('demo accounts', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('are not added to a database that has users', async () => {
    await database.prisma.user.create({ data: { email: 'owner@example.com', name: 'Owner' } });
    const report = await seedDatabase(database.prisma, { demoPassword: DEMO_PASSWORD });
    expect(report.demoAccountsCreated).toBe(false);
    expect(await database.prisma.user.count()).toBe(1);
  }, 120_000);

  it('are not created without a demo password', async () => {
    await database.prisma.user.deleteMany();
    const report = await seedDatabase(database.prisma);
    expect(report.demoAccountsCreated).toBe(false);
    expect(await database.prisma.user.count()).toBe(0);
  }, 60_000);
});

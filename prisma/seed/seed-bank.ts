import type { Database } from '../../lib/db/client';
import type { Prisma } from '../../lib/generated/prisma/client';
import { taskCatalog } from '../../judge/tasks/catalog';
import { isTrainingTask, type JudgedTask } from '../../judge/core/judged-task';
import { findJudgedTask } from '../../judge/tasks/training-registry';
import type { Json, Localized, TaskDefinition, TaskMetadata } from '../../judge/tasks/types';
import { conceptQuestions, type ConceptQuestionSeed } from './content/questions';
import { stableStringify } from './stable-json';

export type SeedLog = (line: string) => void;

/** Number of rows one seeding run created, updated and left unchanged. */
export interface SeedCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface BankSeedReport {
  questions: SeedCounts;
  tasks: SeedCounts;
  taskVersions: SeedCounts;
}

/** The five tasks with exact contracts and a judge today; every other task is a neural one. */
const CLASSICAL_TASKS = new Set(['kmeans', 'pca', 'apriori', 'dbscan', 'agglomerative']);

function emptyCounts(): SeedCounts {
  return { created: 0, updated: 0, unchanged: 0 };
}

/** True when every field of `desired` equals the same field of `existing`, compared as data. */
function sameFields(existing: Record<string, unknown>, desired: Record<string, unknown>): boolean {
  return Object.keys(desired).every((key) => stableStringify(existing[key]) === stableStringify(desired[key]));
}

function questionData(question: ConceptQuestionSeed) {
  return {
    topic: question.topic,
    difficulty: question.difficulty,
    tags: question.tags,
    position: question.position,
    titleZh: question.title['zh-CN'],
    titleEn: question.title.en,
    promptZh: question.prompt['zh-CN'],
    promptEn: question.prompt.en,
    referenceAnswerZh: question.referenceAnswer['zh-CN'],
    referenceAnswerEn: question.referenceAnswer.en,
    rubric: question.rubric.map((point) => ({ zh: point['zh-CN'], en: point.en })),
  };
}

function assertFiniteJson(value: Json, where: string): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`${where} contains ${value}, which PostgreSQL's jsonb cannot store`);
  }
  if (Array.isArray(value)) value.forEach((item, index) => assertFiniteJson(item, `${where}[${index}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertFiniteJson(item, `${where}.${key}`);
  }
}

/**
 * Visible sample tests of a judged task part, with expected outputs computed by its reference on
 * this machine.
 */
function sampleTests(definition: TaskDefinition<Json>): Json[] {
  return definition.samples().map((test) => {
    const sample: Json = { name: test.name, args: test.args, expected: definition.reference(...test.args) as Json };
    assertFiniteJson(sample, `sample ${test.name} of ${definition.slug}`);
    return sample;
  });
}

async function seedQuestions(database: Database, log: SeedLog): Promise<SeedCounts> {
  const counts = emptyCounts();
  for (const question of conceptQuestions) {
    const data = questionData(question);
    const existing = await database.question.findUnique({ where: { slug: question.slug } });
    if (!existing) {
      await database.question.create({ data: { slug: question.slug, ...data } });
      counts.created++;
    } else if (!sameFields(existing, data)) {
      await database.question.update({ where: { slug: question.slug }, data });
      counts.updated++;
      log(`  question ${question.slug}: updated`);
    } else {
      counts.unchanged++;
    }
  }
  return counts;
}

/** Groups the catalogue's parts by the site's task, keeping catalogue order. */
function tasksInOrder(): { slug: string; parts: TaskMetadata[] }[] {
  const bySlug = new Map<string, TaskMetadata[]>();
  for (const part of taskCatalog) {
    const parts = bySlug.get(part.taskSlug) ?? [];
    parts.push(part);
    bySlug.set(part.taskSlug, parts);
  }
  return [...bySlug].map(([slug, parts]) => ({ slug, parts }));
}

/** Text before the first colon (ASCII or full-width), trimmed. */
function beforeColon(text: string): string {
  return text.split(/[:：]/)[0].trim();
}

/**
 * Title of a task on the list. The catalogue titles each part; a task with several parts names
 * them "<task>: <part>" (e.g. "Implement self-attention: multi-head attention from scratch"), so
 * the task takes the text before the colon.
 */
function taskTitle(parts: TaskMetadata[]): Localized {
  const first = parts[0].title;
  if (parts.length === 1) return first;
  return { 'zh-CN': beforeColon(first['zh-CN']), en: beforeColon(first.en) };
}

/**
 * The judge's definition of a part marked ready, or undefined for a part that is not. A part marked
 * ready that neither registry lists cannot be judged, because the worker looks tasks up in the same
 * registries. It is seeded as coming soon with a warning instead of stopping the site.
 */
function judgedDefinition(part: TaskMetadata, log: SeedLog): JudgedTask | undefined {
  if (!part.ready) return undefined;
  const definition = findJudgedTask(part.slug);
  if (!definition) log(`  warning: task part ${part.slug} is marked ready but no task registry lists it; seeded as coming soon`);
  return definition;
}

/** Sample tests to store: a training part has datasets instead, described in its statement. */
function storedSamples(definition: JudgedTask | undefined): Json[] {
  if (!definition || isTrainingTask(definition)) return [];
  return sampleTests(definition);
}

async function seedTaskVersion(database: Database, taskId: string, part: TaskMetadata, counts: SeedCounts, log: SeedLog): Promise<void> {
  const definition = judgedDefinition(part, log);
  const data = {
    judgeSlug: part.slug,
    judgeStatus: definition ? ('ready' as const) : ('coming_soon' as const),
    functionName: part.functionName,
    statementZh: part.statement['zh-CN'],
    statementEn: part.statement.en,
    starterCode: part.starterCode,
    limits: part.limits as unknown as Prisma.InputJsonValue,
    samples: storedSamples(definition) as Prisma.InputJsonValue,
  };
  const key = { taskId_part_version: { taskId, part: part.part, version: part.version } };
  const existing = await database.taskVersion.findUnique({ where: key });
  const label = `${part.taskSlug}/${part.part} v${part.version}`;

  if (!existing) {
    await database.taskVersion.create({ data: { taskId, part: part.part, version: part.version, ...data } });
    counts.created++;
  } else if (!sameFields(existing, data)) {
    // NOTE: a version is meant to be immutable once submissions are judged against it. A change
    // that alters verdicts needs a version bump in the task's metadata. Edits in place are for
    // wording and readiness, and old verdicts keep pointing at this row.
    await database.taskVersion.update({ where: key, data });
    counts.updated++;
    log(`  task version ${label}: updated in place (bump metadata.version when tests or limits change)`);
  } else {
    counts.unchanged++;
  }
}

async function seedTasks(database: Database, log: SeedLog): Promise<{ tasks: SeedCounts; taskVersions: SeedCounts }> {
  const tasks = emptyCounts();
  const taskVersions = emptyCounts();

  for (const [index, { slug, parts }] of tasksInOrder().entries()) {
    const first = parts[0];
    const title = taskTitle(parts);
    const data = {
      topic: first.topic,
      kind: CLASSICAL_TASKS.has(slug) ? ('classical' as const) : ('neural' as const),
      difficulty: first.difficulty,
      tags: first.tags,
      position: index + 1,
      titleZh: title['zh-CN'],
      titleEn: title.en,
    };
    const existing = await database.task.findUnique({ where: { slug } });
    let taskId: string;
    if (!existing) {
      taskId = (await database.task.create({ data: { slug, ...data } })).id;
      tasks.created++;
    } else {
      taskId = existing.id;
      if (!sameFields(existing, data)) {
        await database.task.update({ where: { slug }, data });
        tasks.updated++;
        log(`  task ${slug}: updated`);
      } else {
        tasks.unchanged++;
      }
    }

    for (const part of parts) await seedTaskVersion(database, taskId, part, taskVersions, log);
  }
  return { tasks, taskVersions };
}

/**
 * Upserts the question bank by slug: the concept questions and every coding task part in the
 * catalogue. Rows that already hold the same content are left untouched, so a second run
 * changes nothing and creates nothing.
 */
export async function seedBank(database: Database, log: SeedLog = () => {}): Promise<BankSeedReport> {
  const questions = await seedQuestions(database, log);
  const { tasks, taskVersions } = await seedTasks(database, log);
  return { questions, tasks, taskVersions };
}

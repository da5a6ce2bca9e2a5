import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { JudgeStatus, Language, TaskKind, TaskPart } from '../generated/prisma/enums';
import { pickLocalized, type AppLocale } from '../i18n/locales';
import { readTaskLimits, type StoredTaskLimits } from './task-limits';

export interface SampleTest {
  name: string;
  args: unknown[];
  expected: unknown;
}

export interface TaskPartView {
  taskVersionId: string;
  part: TaskPart;
  version: number;
  judgeStatus: JudgeStatus;
  functionName: string;
  /** Markdown with KaTeX math and GFM tables. */
  statement: string;
  /**
   * Code the editor opens with: the viewer's saved draft for this part, else their latest
   * submission, else the starter code.
   */
  initialCode: string;
  initialLanguage: Language;
  /** Source of initialCode. */
  initialSource: 'draft' | 'submission' | 'starter';
  /** When the viewer's draft was last saved (ISO 8601); null without a draft. */
  draftSavedAt: string | null;
  starterCode: string;
  limits: StoredTaskLimits;
  samples: SampleTest[];
}

export interface TaskPage {
  slug: string;
  title: string;
  topic: string;
  kind: TaskKind;
  difficulty: string;
  tags: string[];
  parts: TaskPartView[];
  relatedQuestionSlug: string | null;
}

const PART_ORDER: TaskPart[] = ['main', 'scratch', 'train'];

function readSamples(samples: unknown): SampleTest[] {
  if (!Array.isArray(samples)) return [];
  return samples.map((sample, index) => {
    const record = (sample ?? {}) as Record<string, unknown>;
    return {
      name: typeof record.name === 'string' ? record.name : `sample-${index + 1}`,
      args: Array.isArray(record.args) ? record.args : [],
      expected: record.expected ?? null,
    };
  });
}

/**
 * Loads a coding task with the newest version of each part. Unknown slugs raise
 * AppError('not_found'). Samples are the public tests stored by the seed; hidden tests exist only
 * inside the judge.
 */
export async function getTaskPage(database: Database, viewer: SessionUser | null, slug: string, locale: AppLocale): Promise<TaskPage> {
  const task = await database.task.findUnique({
    where: { slug },
    include: { versions: { orderBy: { version: 'desc' } } },
  });
  if (!task) throw new AppError('not_found', { internal: `task ${slug}` });

  const newest = new Map<TaskPart, (typeof task.versions)[number]>();
  for (const version of task.versions) if (!newest.has(version.part)) newest.set(version.part, version);

  const drafts = viewer
    ? await database.draft.findMany({ where: { userId: viewer.id, taskId: task.id }, select: { part: true, code: true, language: true, updatedAt: true } })
    : [];

  const parts: TaskPartView[] = [];
  for (const part of PART_ORDER) {
    const version = newest.get(part);
    if (!version) continue;
    const draft = drafts.find((candidate) => candidate.part === part);
    const latest =
      viewer && !draft
        ? await database.submission.findFirst({
            where: { userId: viewer.id, taskVersion: { taskId: task.id, part } },
            orderBy: { createdAt: 'desc' },
            select: { code: true, language: true },
          })
        : null;
    const initial = draft ?? latest;
    let initialSource: TaskPartView['initialSource'] = 'starter';
    if (draft) initialSource = 'draft';
    else if (latest) initialSource = 'submission';
    parts.push({
      taskVersionId: version.id,
      part,
      version: version.version,
      judgeStatus: version.judgeStatus,
      functionName: version.functionName,
      statement: pickLocalized(locale, version.statementZh, version.statementEn),
      initialCode: initial?.code ?? version.starterCode,
      initialLanguage: initial?.language ?? 'typescript',
      initialSource,
      draftSavedAt: draft?.updatedAt.toISOString() ?? null,
      starterCode: version.starterCode,
      limits: readTaskLimits(version.limits),
      samples: readSamples(version.samples),
    });
  }

  const relatedQuestion = await database.question.findFirst({
    where: { topic: task.topic, position: task.position },
    select: { slug: true },
  });

  return {
    slug: task.slug,
    title: pickLocalized(locale, task.titleZh, task.titleEn),
    topic: task.topic,
    kind: task.kind,
    difficulty: task.difficulty,
    tags: task.tags,
    parts,
    relatedQuestionSlug: relatedQuestion?.slug ?? null,
  };
}

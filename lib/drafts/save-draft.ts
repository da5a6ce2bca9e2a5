import type { SessionUser } from '../auth/session-user';
import { MAX_DRAFT_BYTES } from '../config/limits';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import { LANGUAGES } from '../submissions/create-submission';

export interface DraftInput {
  taskVersionId: unknown;
  language: unknown;
  code: unknown;
}

/**
 * Stores the editor's content for the task and part of `taskVersionId`, replacing the user's
 * previous draft there. Empty code is a valid draft (the candidate cleared the editor). Raises
 * AppError('invalid_input') for a missing version id, an unknown language or non-string code,
 * AppError('too_large') over MAX_DRAFT_BYTES, and AppError('not_found') for an unknown version.
 */
export async function saveDraft(database: Database, user: SessionUser, input: DraftInput): Promise<{ savedAt: Date }> {
  if (typeof input.taskVersionId !== 'string' || input.taskVersionId === '') {
    throw new AppError('invalid_input', { internal: 'draft without taskVersionId', fields: { taskVersionId: 'task_version_missing' } });
  }
  const language = LANGUAGES.find((candidate) => candidate === input.language);
  if (!language) throw new AppError('invalid_input', { internal: `draft language ${String(input.language)}`, fields: { language: 'language_invalid' } });
  if (typeof input.code !== 'string') throw new AppError('invalid_input', { internal: 'draft code is not a string', fields: { code: 'code_empty' } });

  const size = Buffer.byteLength(input.code, 'utf8');
  if (size > MAX_DRAFT_BYTES) {
    throw new AppError('too_large', { internal: `draft of ${size} bytes`, values: { limit: MAX_DRAFT_BYTES }, fields: { code: 'draft_too_large' } });
  }

  const version = await database.taskVersion.findUnique({ where: { id: input.taskVersionId }, select: { taskId: true, part: true } });
  if (!version) throw new AppError('not_found', { internal: `draft for task version ${input.taskVersionId}` });

  const key = { userId: user.id, taskId: version.taskId, part: version.part };
  const draft = await database.draft.upsert({
    where: { userId_taskId_part: key },
    create: { ...key, language, code: input.code },
    update: { language, code: input.code },
    select: { updatedAt: true },
  });
  return { savedAt: draft.updatedAt };
}

import type { SessionUser } from '../auth/session-user';
import { SUBMISSIONS_PER_USER } from '../config/limits';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Language } from '../generated/prisma/enums';
import { readTaskLimits } from '../bank/task-limits';
import { logger } from '../log/logger';
import { consumeRateLimit } from '../rate-limit/consume-rate-limit';

export const LANGUAGES: readonly Language[] = ['typescript', 'javascript'];

export interface SubmissionInput {
  taskVersionId: unknown;
  language: unknown;
  code: unknown;
}

/** Puts a submission on the judge's queue; lib/judge-queue's enqueueJudging in production. */
export type Enqueue = (submissionId: string) => Promise<unknown>;

/**
 * Creates a queued submission with its first event and hands it to the judge. Input problems
 * raise AppError before anything is stored: an unknown task version (not_found), a part whose
 * judge is not ready (not_ready), empty code (invalid_input), code over the task's
 * limits.sourceBytes in UTF-8 (too_large), or too many submissions (rate_limited).
 */
export async function createSubmission(database: Database, user: SessionUser, input: SubmissionInput, enqueue: Enqueue): Promise<{ id: string }> {
  if (typeof input.taskVersionId !== 'string' || input.taskVersionId === '') {
    throw new AppError('invalid_input', { internal: 'missing taskVersionId', fields: { taskVersionId: 'task_version_missing' } });
  }
  const language = LANGUAGES.find((candidate) => candidate === input.language);
  if (!language) throw new AppError('invalid_input', { internal: `language ${String(input.language)}`, fields: { language: 'language_invalid' } });
  if (typeof input.code !== 'string' || input.code.trim() === '') {
    throw new AppError('invalid_input', { internal: 'empty code', fields: { code: 'code_empty' } });
  }

  const version = await database.taskVersion.findUnique({ where: { id: input.taskVersionId }, select: { id: true, judgeStatus: true, limits: true } });
  if (!version) throw new AppError('not_found', { internal: `task version ${input.taskVersionId}` });
  if (version.judgeStatus !== 'ready') throw new AppError('not_ready', { internal: `task version ${version.id} is ${version.judgeStatus}` });

  const { sourceBytes } = readTaskLimits(version.limits);
  const size = Buffer.byteLength(input.code, 'utf8');
  if (size > sourceBytes) {
    throw new AppError('too_large', { internal: `code of ${size} bytes`, values: { limit: sourceBytes }, fields: { code: 'code_too_large' } });
  }

  const limit = await consumeRateLimit(database, { key: `submit:user:${user.id}`, ...SUBMISSIONS_PER_USER });
  if (!limit.allowed) throw new AppError('rate_limited', { internal: `submission limit for user ${user.id}`, values: { seconds: limit.retryAfterSeconds } });

  const submission = await database.$transaction(async (transaction) => {
    const created = await transaction.submission.create({
      data: { userId: user.id, taskVersionId: version.id, language, code: input.code as string, status: 'queued' },
      select: { id: true },
    });
    await transaction.submissionEvent.create({ data: { submissionId: created.id, status: 'queued' } });
    return created;
  });

  try {
    await enqueue(submission.id);
  } catch (error) {
    // Without a queued job no worker will ever pick the submission up, so it ends here as the
    // judge's failure (internal_error), never as the candidate's.
    logger.error({ err: error, submissionId: submission.id }, 'could not enqueue submission');
    await database.$transaction([
      database.submission.update({
        where: { id: submission.id },
        data: { status: 'judged', verdict: 'internal_error', message: 'The judge queue is unavailable. Please submit again.', judgedAt: new Date() },
      }),
      database.submissionEvent.create({ data: { submissionId: submission.id, status: 'judged', detail: 'enqueue failed' } }),
    ]);
    throw new AppError('internal', { internal: `enqueue failed for submission ${submission.id}`, cause: error });
  }

  logger.info({ submissionId: submission.id, userId: user.id, taskVersionId: version.id, bytes: size }, 'submission queued');
  return submission;
}

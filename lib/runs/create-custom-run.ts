import type { SessionUser } from '../auth/session-user';
import { readTaskLimits } from '../bank/task-limits';
import { CUSTOM_RUNS_PER_USER, MAX_RUN_INPUT_BYTES } from '../config/limits';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { CustomRunJobData } from '../judge-queue/queue-config';
import { logger } from '../log/logger';
import { consumeRateLimit } from '../rate-limit/consume-rate-limit';
import { LANGUAGES } from '../submissions/create-submission';
import type { FindJudgeTask } from './load-judge-task';

export interface CustomRunInput {
  taskVersionId: unknown;
  language: unknown;
  code: unknown;
  /** The JSON text of the argument list, as typed in the Run panel. */
  input: unknown;
}

export interface CustomRunDependencies {
  /** Puts the run on the custom-run queue and returns the job id; enqueueCustomRun in production. */
  enqueue: (data: CustomRunJobData) => Promise<string>;
  findTask: FindJudgeTask;
}

/**
 * Reads the argument list from the input's JSON text: the array of arguments itself, or an object
 * with that array under "args" (the shape of a stored sample). Raises AppError('invalid_input')
 * naming the JSON error otherwise.
 */
export function parseRunInput(text: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new AppError('invalid_input', { internal: `run input is not JSON: ${detail}`, values: { detail }, fields: { input: 'run_input_json_invalid' } });
  }
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object' && Array.isArray((value as { args?: unknown }).args)) return (value as { args: unknown[] }).args;
  throw new AppError('invalid_input', { internal: 'run input is not an argument list', fields: { input: 'run_input_not_array' } });
}

/**
 * Validates a custom run and queues it for the judge workers; returns the run's job id. The web app
 * only validates, because the code and the reference run in the judge's sandbox. Each problem
 * raises AppError before anything is queued:
 * - missing fields, input that is not JSON or fails the task's validateArgs: invalid_input, with
 *   the JSON error or the task's message;
 * - an unknown task version: not_found;
 * - a part that is not judged yet or trains a model: not_ready;
 * - code over the task's size limit or input over MAX_RUN_INPUT_BYTES: too_large;
 * - more runs than CUSTOM_RUNS_PER_USER allows: rate_limited.
 */
export async function createCustomRun(database: Database, user: SessionUser, input: CustomRunInput, dependencies: CustomRunDependencies): Promise<{ id: string }> {
  if (typeof input.taskVersionId !== 'string' || input.taskVersionId === '') {
    throw new AppError('invalid_input', { internal: 'missing taskVersionId', fields: { taskVersionId: 'task_version_missing' } });
  }
  const language = LANGUAGES.find((candidate) => candidate === input.language);
  if (!language) throw new AppError('invalid_input', { internal: `language ${String(input.language)}`, fields: { language: 'language_invalid' } });
  if (typeof input.code !== 'string' || input.code.trim() === '') {
    throw new AppError('invalid_input', { internal: 'empty code', fields: { code: 'code_empty' } });
  }
  if (typeof input.input !== 'string' || input.input.trim() === '') {
    throw new AppError('invalid_input', { internal: 'missing run input', fields: { input: 'run_input_missing' } });
  }

  const version = await database.taskVersion.findUnique({
    where: { id: input.taskVersionId },
    select: { id: true, part: true, version: true, judgeSlug: true, judgeStatus: true, limits: true },
  });
  if (!version) throw new AppError('not_found', { internal: `task version ${input.taskVersionId}` });
  if (version.judgeStatus !== 'ready') throw new AppError('not_ready', { internal: `custom run on task version ${version.id}, which is ${version.judgeStatus}` });
  // Training parts export train(), which runs on the task's datasets, not on arguments.
  if (version.part === 'train') {
    throw new AppError('not_ready', { internal: `custom run on training part ${version.id}`, fields: { input: 'run_training_part' } });
  }

  const { sourceBytes } = readTaskLimits(version.limits);
  const codeBytes = Buffer.byteLength(input.code, 'utf8');
  if (codeBytes > sourceBytes) {
    throw new AppError('too_large', { internal: `code of ${codeBytes} bytes`, values: { limit: sourceBytes }, fields: { code: 'code_too_large' } });
  }
  const inputBytes = Buffer.byteLength(input.input, 'utf8');
  if (inputBytes > MAX_RUN_INPUT_BYTES) {
    throw new AppError('too_large', { internal: `run input of ${inputBytes} bytes`, values: { limit: MAX_RUN_INPUT_BYTES }, fields: { input: 'run_input_too_large' } });
  }
  const args = parseRunInput(input.input);

  const task = await dependencies.findTask(version.judgeSlug);
  if (!task || task.version !== version.version) {
    throw new AppError('not_ready', { internal: `the task registry has no version ${version.version} of "${version.judgeSlug}"` });
  }
  const problem = task.validateArgs(args);
  if (problem !== null) {
    throw new AppError('invalid_input', { internal: `run input rejected: ${problem}`, values: { detail: problem }, fields: { input: 'run_args_invalid' } });
  }

  const limit = await consumeRateLimit(database, { key: `run:user:${user.id}`, ...CUSTOM_RUNS_PER_USER });
  if (!limit.allowed) {
    throw new AppError('rate_limited', {
      internal: `custom run limit for user ${user.id}`,
      values: { seconds: limit.retryAfterSeconds, limit: CUSTOM_RUNS_PER_USER.limit },
      fields: { input: 'runs_rate_limited' },
    });
  }

  let id: string;
  try {
    id = await dependencies.enqueue({ userId: user.id, taskVersionId: version.id, code: input.code, language, args });
  } catch (error) {
    throw new AppError('internal', { internal: `enqueueing a custom run for user ${user.id} failed`, cause: error });
  }
  logger.info({ runId: id, userId: user.id, taskVersionId: version.id, codeBytes, inputBytes }, 'custom run queued');
  return { id };
}

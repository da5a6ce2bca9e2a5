import type { Queue } from 'pg-boss';
import type { CustomRunResult } from '../../judge/core/custom-run-types';

/** The queue the web app sends submissions to and judge workers take them from. */
export const JUDGE_QUEUE = 'judge-submission';

/** Dead-letter queue: pg-boss moves a judging job here once its attempts are used up, and workers then record internal_error. */
export const JUDGE_DEAD_LETTER_QUEUE = 'judge-submission-failed';

/** The payload of a judging job: the submission's id and nothing else, so no code travels twice. */
export interface JudgeJobData {
  submissionId: string;
}

/** How many times a judging job is retried after its first attempt failed or its worker died. */
export const JUDGE_RETRY_LIMIT = 2;

/** Total attempts per submission: the first one plus the retries. */
export const JUDGE_ATTEMPTS = JUDGE_RETRY_LIMIT + 1;

/**
 * Queue settings. A worker refreshes its job's heartbeat while it judges. When the heartbeat is
 * older than heartbeatSeconds (pg-boss's minimum is 10), a supervising pg-boss instance fails the
 * attempt, so a job whose worker died is retried by another worker. expireInSeconds bounds one
 * attempt however alive its worker looks.
 */
export const JUDGE_QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  retryLimit: JUDGE_RETRY_LIMIT,
  retryDelay: 1,
  heartbeatSeconds: 10,
  expireInSeconds: 30 * 60,
  deadLetter: JUDGE_DEAD_LETTER_QUEUE,
  // Wakes listening workers at once instead of at their next poll.
  notify: true,
};

export const JUDGE_DEAD_LETTER_QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  retryLimit: 5,
  retryDelay: 5,
  expireInSeconds: 60,
  notify: true,
};

export function isJudgeJobData(data: unknown): data is JudgeJobData {
  return typeof data === 'object' && data !== null && typeof (data as JudgeJobData).submissionId === 'string' && (data as JudgeJobData).submissionId !== '';
}

/**
 * The queue of custom runs: a candidate's code and the reference on input the candidate wrote,
 * started from the task page. Workers take these in a loop of their own, beside submissions.
 */
export const CUSTOM_RUN_QUEUE = 'custom-run';

/** The payload of a custom run. The job's output is a CustomRunJobOutput. */
export interface CustomRunJobData {
  /** The user who started the run; only they may read its state and output. */
  userId: string;
  taskVersionId: string;
  code: string;
  language: 'typescript' | 'javascript';
  /** The argument list, parsed from the candidate's JSON; the worker validates it again. */
  args: unknown[];
}

/**
 * Output of a completed custom run, as the worker stores it: the result, or the reason the input
 * was rejected. The web app validates input before queueing it, so a rejection here means that this
 * worker's task definition differs from the web app's.
 */
export type CustomRunJobOutput = { kind: 'result'; result: CustomRunResult } | { kind: 'invalid_input'; message: string };

/**
 * Settings of the custom-run queue. A run is interactive and short (two compile steps and two runs
 * under the task's limits, at most about a minute), so an attempt expires after 2 minutes and one
 * retry covers a worker that died. A run that no worker took within 10 minutes is dropped, since
 * the Run panel stops polling after 150 s, and finished runs are deleted after an hour.
 */
export const CUSTOM_RUN_QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  retryLimit: 1,
  retryDelay: 0,
  heartbeatSeconds: 10,
  expireInSeconds: 120,
  retentionSeconds: 10 * 60,
  deleteAfterSeconds: 60 * 60,
  notify: true,
};

export function isCustomRunJobData(data: unknown): data is CustomRunJobData {
  if (typeof data !== 'object' || data === null) return false;
  const run = data as Partial<Record<keyof CustomRunJobData, unknown>>;
  return (
    typeof run.userId === 'string' &&
    typeof run.taskVersionId === 'string' &&
    typeof run.code === 'string' &&
    (run.language === 'typescript' || run.language === 'javascript') &&
    Array.isArray(run.args)
  );
}

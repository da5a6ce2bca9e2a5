import type { Queue } from 'pg-boss';

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

/**
 * A failure of the judge itself (the sandbox process cannot start, the reference fails, a task is
 * missing). It never becomes a verdict against the candidate: the worker retries the job, and once
 * the attempts run out the submission ends as internal_error.
 */
export class JudgeInternalError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JudgeInternalError';
  }
}

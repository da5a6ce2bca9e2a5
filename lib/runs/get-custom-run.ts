import type { CustomRunResult } from '../../judge/core/custom-run-types';
import type { SessionUser } from '../auth/session-user';
import { AppError } from '../errors/app-error';
import type { CustomRunJob } from '../judge-queue/custom-runs';

/**
 * State of a custom run: waiting for a worker, running, done (with its result), rejected by the
 * worker's validation (with the reason), or failed because the judge failed on every attempt.
 */
export type CustomRunState = 'queued' | 'running' | 'done' | 'rejected' | 'failed';

/** Body of GET /api/runs/{id}: the state and, once done, the result. Never the code or the input. */
export interface CustomRunView {
  id: string;
  state: CustomRunState;
  result: CustomRunResult | null;
  /** The worker's reason for rejecting the input; null unless the state is rejected. */
  rejection: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a completed job's output, written by judge/worker/custom-run-job.ts; anything else reads as a failure. */
function completedView(id: string, output: unknown): CustomRunView {
  if (isRecord(output) && output.kind === 'result' && isRecord(output.result) && typeof output.result.verdict === 'string') {
    return { id, state: 'done', result: output.result as unknown as CustomRunResult, rejection: null };
  }
  if (isRecord(output) && output.kind === 'invalid_input' && typeof output.message === 'string') {
    return { id, state: 'rejected', result: null, rejection: output.message };
  }
  return { id, state: 'failed', result: null, rejection: null };
}

/**
 * Returns the state of a custom run to the user who started it. Anyone else, and any id that
 * names no run (malformed, unknown, or deleted an hour after it finished), gets
 * AppError('not_found'), so the response does not reveal whether the run exists.
 */
export async function getCustomRun(user: SessionUser, id: string, findJob: (id: string) => Promise<CustomRunJob | null>): Promise<CustomRunView> {
  const job = await findJob(id);
  if (!job || job.userId !== user.id) throw new AppError('not_found', { internal: `custom run ${id} for user ${user.id}` });

  switch (job.state) {
    case 'created':
    case 'retry':
      return { id: job.id, state: 'queued', result: null, rejection: null };
    case 'active':
      return { id: job.id, state: 'running', result: null, rejection: null };
    case 'completed':
      return completedView(job.id, job.output);
    default:
      // failed or cancelled: pg-boss's output then contains the judge's error, which stays in the log.
      return { id: job.id, state: 'failed', result: null, rejection: null };
  }
}

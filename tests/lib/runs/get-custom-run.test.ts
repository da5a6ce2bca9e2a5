import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../lib/auth/session-user';
import { isAppError } from '../../../lib/errors/app-error';
import type { CustomRunJob } from '../../../lib/judge-queue/custom-runs';
import { getCustomRun } from '../../../lib/runs/get-custom-run';

const OWNER: SessionUser = { id: 'owner', email: 'owner@example.com', name: 'Owner', role: 'candidate', locale: 'en' };
const RESULT = { verdict: 'accepted', message: null, candidate: { output: [1], cpuMs: 1, console: [] }, reference: { output: [1], cpuMs: 1, status: 'returned' } };

function job(state: string, output: unknown = null, userId = OWNER.id): (id: string) => Promise<CustomRunJob | null> {
  return async (id) => ({ id, userId, state, output });
}

describe('getCustomRun', () => {
  it.each([
    ['created', 'queued'],
    ['retry', 'queued'],
    ['active', 'running'],
    ['failed', 'failed'],
    ['cancelled', 'failed'],
  ])('maps pg-boss state %s to %s', async (state, expected) => {
    const view = await getCustomRun(OWNER, 'run-1', job(state, { message: 'Error: sandbox exited', stack: 'at secret/place.ts' }));

    expect(view).toEqual({ id: 'run-1', state: expected, result: null, rejection: null });
  });

  it('returns the result of a completed run', async () => {
    const view = await getCustomRun(OWNER, 'run-1', job('completed', { kind: 'result', result: RESULT }));

    expect(view).toEqual({ id: 'run-1', state: 'done', result: RESULT, rejection: null });
  });

  it('returns the reason of a rejected input', async () => {
    const view = await getCustomRun(OWNER, 'run-1', job('completed', { kind: 'invalid_input', message: 'k = 9, expected at most 2' }));

    expect(view).toEqual({ id: 'run-1', state: 'rejected', result: null, rejection: 'k = 9, expected at most 2' });
  });

  it('reads a malformed output as a failure', async () => {
    const view = await getCustomRun(OWNER, 'run-1', job('completed', { kind: 'result' }));

    expect(view.state).toBe('failed');
  });

  it.each([
    ['another user', job('completed', { kind: 'result', result: RESULT }, 'someone-else')],
    ['a missing run', async () => null],
  ])('raises not_found for %s', async (_name, findJob) => {
    const error: unknown = await getCustomRun(OWNER, 'run-1', findJob).catch((caught: unknown) => caught);

    expect(isAppError(error)).toBe(true);
    expect((error as { code?: string }).code).toBe('not_found');
  });
});

import { requireUser } from '@/lib/auth/require-user';
import { apiRoute } from '@/lib/http/api-route';
import { findCustomRunJob } from '@/lib/judge-queue/custom-runs';
import { getCustomRun } from '@/lib/runs/get-custom-run';

type Context = { params: Promise<{ id: string }> };

/**
 * Returns a custom run's state, and its result once done; the Run panel polls it. Only the user who
 * started the run can read it, and everyone else gets 404.
 */
export const GET = apiRoute<Context>(async (request, context) => {
  const user = await requireUser(request);
  const { id } = await context.params;

  const run = await getCustomRun(user, id, (jobId) => findCustomRunJob(jobId));

  return Response.json(run, { headers: { 'cache-control': 'no-store' } });
});

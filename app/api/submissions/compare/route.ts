import { requireUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { apiRoute } from '@/lib/http/api-route';
import { diffSubmissions } from '@/lib/submissions/diff-submissions';

/**
 * Returns the line diff of two submissions' code: `?from=<id>&to=<id>`. Only the author (or an
 * interviewer or admin) gets it; for anyone else the response is 404, as for a missing id.
 */
export const GET = apiRoute(async (request: Request) => {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;

  const diff = await diffSubmissions(db(), user, { from: params.get('from'), to: params.get('to') });

  return Response.json(diff, { headers: { 'cache-control': 'no-store' } });
});

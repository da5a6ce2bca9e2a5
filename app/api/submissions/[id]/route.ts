import { requireUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { apiRoute } from '@/lib/http/api-route';
import { getSubmissionView } from '@/lib/submissions/get-submission-view';

type Context = { params: Promise<{ id: string }> };

/**
 * The submission page polls this while the judge works. Only the author, interviewers and admins
 * get an answer; everyone else gets 404. Hidden tests carry verdict and CPU time only.
 */
export const GET = apiRoute<Context>(async (request, context) => {
  const user = await requireUser(request);
  const { id } = await context.params;

  const view = await getSubmissionView(db(), user, id, user.locale);

  return Response.json(view, { headers: { 'cache-control': 'no-store' } });
});

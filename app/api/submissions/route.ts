import { requireUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/read-json-body';
import { enqueueJudging } from '@/lib/judge-queue/enqueue';
import { createSubmission } from '@/lib/submissions/create-submission';

// Code is capped by each task's limits.sourceBytes (64 KiB for every task today); this bound only
// stops a huge body before it is parsed. JSON escaping can double the size of the code.
const MAX_BODY_BYTES = 512 * 1024;

/** Submits code: `{ taskVersionId, language, code }` → 201 `{ id }` of the queued submission. */
export const POST = apiRoute(async (request: Request) => {
  const user = await requireUser(request);
  const body = (await readJsonBody(request, MAX_BODY_BYTES)) as Record<string, unknown> | null;

  const submission = await createSubmission(
    db(),
    user,
    { taskVersionId: body?.taskVersionId, language: body?.language, code: body?.code },
    enqueueJudging,
  );

  return Response.json({ id: submission.id }, { status: 201 });
});

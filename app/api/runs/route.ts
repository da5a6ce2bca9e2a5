import { requireUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/read-json-body';
import { enqueueCustomRun } from '@/lib/judge-queue/custom-runs';
import { createCustomRun } from '@/lib/runs/create-custom-run';
import { findJudgeTask } from '@/lib/runs/load-judge-task';

// createCustomRun checks the code (at most a task's sourceBytes) and the input text (at most
// MAX_RUN_INPUT_BYTES). This bound only stops a huge body before it is parsed, and it is larger
// because JSON escaping of the input text's quotes and backslashes can double its size.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Starts a custom run: `{ taskVersionId, language, code, input }`, where input is the JSON text of
 * the argument list → 202 `{ id }`. The judge workers run it; GET /api/runs/{id} reports it.
 */
export const POST = apiRoute(async (request: Request) => {
  const user = await requireUser(request);
  const body = (await readJsonBody(request, MAX_BODY_BYTES)) as Record<string, unknown> | null;

  const run = await createCustomRun(
    db(),
    user,
    { taskVersionId: body?.taskVersionId, language: body?.language, code: body?.code, input: body?.input },
    { enqueue: enqueueCustomRun, findTask: findJudgeTask },
  );

  return Response.json({ id: run.id }, { status: 202 });
});

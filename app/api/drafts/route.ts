import { requireUser } from '@/lib/auth/require-user';
import { MAX_DRAFT_BYTES } from '@/lib/config/limits';
import { db } from '@/lib/db/client';
import { saveDraft } from '@/lib/drafts/save-draft';
import { apiRoute } from '@/lib/http/api-route';
import { readJsonBody } from '@/lib/http/read-json-body';

// JSON escaping can double the size of the code; the draft itself is checked against MAX_DRAFT_BYTES.
const MAX_BODY_BYTES = 2 * MAX_DRAFT_BYTES + 4096;

/**
 * Autosaves the editor: `{ taskVersionId, language, code }` → 200 `{ savedAt }`. The draft belongs
 * to the signed-in user and to the task and part of the version; a visitor gets 401.
 */
export const PUT = apiRoute(async (request: Request) => {
  const user = await requireUser(request);
  const body = (await readJsonBody(request, MAX_BODY_BYTES)) as Record<string, unknown> | null;

  const draft = await saveDraft(db(), user, { taskVersionId: body?.taskVersionId, language: body?.language, code: body?.code });

  return Response.json({ savedAt: draft.savedAt.toISOString() }, { headers: { 'cache-control': 'no-store' } });
});

/**
 * The browser's copy of editor drafts (localStorage). It is the only copy for a visitor who has not
 * signed in, and a fallback for a signed-in user when the server cannot be reached. Keys carry the
 * user id, so two accounts on one browser never see each other's drafts. A visitor's draft moves
 * to the account when the visitor signs in and opens that task.
 */

export interface LocalDraft {
  code: string;
  language: 'typescript' | 'javascript';
  /** ISO 8601 time of the last change. */
  savedAt: string;
}

const PREFIX = 'holdout:draft';

export function localDraftKey(userId: string | null, taskSlug: string, part: string): string {
  return `${PREFIX}:${userId ?? 'visitor'}:${taskSlug}:${part}`;
}

export function readLocalDraft(key: string): LocalDraft | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
    if (value === null || typeof value !== 'object') return null;
    const draft = value as Record<string, unknown>;
    if (typeof draft.code !== 'string' || typeof draft.savedAt !== 'string') return null;
    if (draft.language !== 'typescript' && draft.language !== 'javascript') return null;
    return { code: draft.code, language: draft.language, savedAt: draft.savedAt };
  } catch {
    // Storage disabled (private mode, blocked cookies) or a value this code did not write.
    return null;
  }
}

/** Stores the draft; returns false when the browser refuses (storage disabled or full). */
export function writeLocalDraft(key: string, draft: LocalDraft): boolean {
  try {
    window.localStorage.setItem(key, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function removeLocalDraft(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // Nothing to remove when storage is disabled.
  }
}

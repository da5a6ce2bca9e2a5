'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { localDraftKey, readLocalDraft, removeLocalDraft, writeLocalDraft, type LocalDraft } from './local-drafts';

type Language = LocalDraft['language'];

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  /** Kept in this browser only: the user is a visitor, or the server did not store the draft. */
  | { kind: 'local'; at: string; reason: 'visitor' | 'failed' | 'too_large' };

/** Pause after the last keystroke before a draft is saved. */
export const AUTOSAVE_DELAY_MS = 800;

interface Options {
  userId: string | null;
  taskSlug: string;
  part: string;
  taskVersionId: string;
  initialCode: string;
  initialLanguage: Language;
  /** When the server's draft was saved; null without one. */
  draftSavedAt: string | null;
}

async function putDraft(taskVersionId: string, draft: LocalDraft, keepalive = false): Promise<SaveState> {
  try {
    const response = await fetch('/api/drafts', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ taskVersionId, language: draft.language, code: draft.code }),
      keepalive,
    });
    if (response.status === 413) return { kind: 'local', at: draft.savedAt, reason: 'too_large' };
    if (!response.ok) return { kind: 'local', at: draft.savedAt, reason: 'failed' };
    const body = (await response.json()) as { savedAt?: string };
    return { kind: 'saved', at: body.savedAt ?? draft.savedAt };
  } catch {
    return { kind: 'local', at: draft.savedAt, reason: 'failed' };
  }
}

/**
 * Keeps the editor's code and language, and saves them a moment after each change: always to the
 * browser's localStorage, and for a signed-in user to the server's Draft table too. On the first
 * render in the browser it restores a browser copy that is newer than what the server sent, and
 * moves a draft written before sign-in to the account.
 */
export function useDraftAutosave(options: Options) {
  const { userId, taskSlug, part, taskVersionId, initialCode, initialLanguage, draftSavedAt } = options;
  const [code, setCodeState] = useState(initialCode);
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'idle' });
  const [restoredLocal, setRestoredLocal] = useState(false);

  const ownKey = localDraftKey(userId, taskSlug, part);
  const pending = useRef<LocalDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(
    async (draft: LocalDraft, keepalive = false) => {
      writeLocalDraft(ownKey, draft);
      if (!userId) {
        setSaveState({ kind: 'local', at: draft.savedAt, reason: 'visitor' });
        return;
      }
      setSaveState({ kind: 'saving' });
      setSaveState(await putDraft(taskVersionId, draft, keepalive));
    },
    [ownKey, taskVersionId, userId],
  );

  const schedule = useCallback(
    (draft: LocalDraft) => {
      pending.current = draft;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        pending.current = null;
        void save(draft);
      }, AUTOSAVE_DELAY_MS);
    },
    [save],
  );

  /** Saves a change that is still waiting for its delay, e.g. right before submitting. */
  const flush = useCallback(async (keepalive = false) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const draft = pending.current;
    pending.current = null;
    if (draft) await save(draft, keepalive);
  }, [save]);

  const setCode = (next: string) => {
    setCodeState(next);
    schedule({ code: next, language, savedAt: new Date().toISOString() });
  };
  const setLanguage = (next: Language) => {
    setLanguageState(next);
    schedule({ code, language: next, savedAt: new Date().toISOString() });
  };

  // Restores the newest browser copy once, after hydration, since localStorage exists only there.
  useEffect(() => {
    const serverTime = draftSavedAt ? Date.parse(draftSavedAt) : 0;
    const visitorKey = localDraftKey(null, taskSlug, part);
    const candidates = [readLocalDraft(ownKey), userId ? readLocalDraft(visitorKey) : null].filter(
      (draft): draft is LocalDraft => draft !== null && Date.parse(draft.savedAt) > serverTime && draft.code !== initialCode,
    );
    candidates.sort((a, b) => Date.parse(b.savedAt) - Date.parse(a.savedAt));
    const newest = candidates[0];
    if (userId) removeLocalDraft(visitorKey);
    if (!newest) return;

    setCodeState(newest.code);
    setLanguageState(newest.language);
    setRestoredLocal(true);
    void save(newest);
    // Runs once: the props it reads describe the page as the server rendered it.
  }, []);

  // A change still waiting for its delay is sent when the page goes away. Browsers cap keepalive
  // request bodies at 64 KiB, so a larger draft may not arrive. It is in localStorage already and
  // is restored from there on the next visit.
  useEffect(() => {
    const onPageHide = () => void flush(true);
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [flush]);

  return { code, language, setCode, setLanguage, saveState, restoredLocal, flush };
}

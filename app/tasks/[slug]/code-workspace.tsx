'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { CodeEditor } from '@/components/code-editor/code-editor';
import type { SampleTest } from '@/lib/bank/get-task-page';
import { RunSlot, type CustomRunHandle } from './run-slot';
import { useDraftAutosave, type SaveState } from './use-draft-autosave';
import { usePlatformModifier } from './use-platform-modifier';

type Language = 'typescript' | 'javascript';

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string> };
}

export interface CodeWorkspaceProps {
  taskSlug: string;
  part: string;
  taskVersionId: string;
  starterCode: string;
  initialCode: string;
  initialLanguage: Language;
  initialSource: 'draft' | 'submission' | 'starter';
  draftSavedAt: string | null;
  sourceBytes: number;
  /** Public sample tests, which the Run panel offers as inputs. */
  samples: SampleTest[];
  /** The signed-in user's id; null for a visitor, whose draft stays in the browser. */
  userId: string | null;
  signInHref: string;
}

const encoder = new TextEncoder();

/**
 * The editing half of the task page: CodeMirror, language, reset to the starter code, draft
 * autosave, Submit with Ctrl/Cmd+Enter and the Run panel for one's own input with Ctrl/Cmd+'.
 * Rejected code stays in the editor.
 */
export function CodeWorkspace(props: CodeWorkspaceProps) {
  const t = useTranslations('workspace');
  const format = useFormatter();
  const router = useRouter();
  const modifier = usePlatformModifier();
  const helpId = useId();
  const resetDialog = useRef<HTMLDialogElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const runPanel = useRef<CustomRunHandle>(null);

  const draft = useDraftAutosave({
    userId: props.userId,
    taskSlug: props.taskSlug,
    part: props.part,
    taskVersionId: props.taskVersionId,
    initialCode: props.initialCode,
    initialLanguage: props.initialLanguage,
    draftSavedAt: props.draftSavedAt,
  });
  const bytes = encoder.encode(draft.code).length;

  async function submit() {
    if (pending) return;
    if (!props.userId) {
      router.push(props.signInHref);
      return;
    }
    setPending(true);
    setError(null);
    try {
      await draft.flush();
      const response = await fetch('/api/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ taskVersionId: props.taskVersionId, language: draft.language, code: draft.code }),
      });
      const body = (await response.json().catch(() => ({}))) as ErrorBody & { id?: string };
      if (response.status === 401) {
        router.push(props.signInHref);
        return;
      }
      if (!response.ok || !body.id) {
        setError(body.error?.fields?.code ?? body.error?.message ?? t('submitFailed'));
        return;
      }
      router.push(`/submissions/${body.id}`);
    } catch {
      setError(t('submitFailed'));
    } finally {
      setPending(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    // The editor handles its own shortcuts; this covers the other controls of the workspace.
    if (event.defaultPrevented || !(event.ctrlKey || event.metaKey)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      void submit();
    } else if (event.key === "'") {
      event.preventDefault();
      runPanel.current?.run();
    }
  }

  function confirmReset() {
    draft.setCode(props.starterCode);
    resetDialog.current?.close();
    resetButton.current?.focus();
  }

  const time = (iso: string) => format.dateTime(new Date(iso), { timeStyle: 'medium' });
  const status = statusText(draft.saveState, draft.restoredLocal, props, t, time);

  return (
    <div className="code-workspace" onKeyDown={onKeyDown}>
      <div className="code-toolbar">
        <label className="inline-field">
          {t('language')}
          <select value={draft.language} onChange={(event) => draft.setLanguage(event.target.value as Language)}>
            <option value="typescript">TypeScript</option>
            <option value="javascript">JavaScript</option>
          </select>
        </label>
        <button type="button" ref={resetButton} className="button button-secondary button-small" onClick={() => resetDialog.current?.showModal()}>
          {t('reset')}
        </button>
        <span className={bytes > props.sourceBytes ? 'hint hint-error' : 'hint'}>{t('size', { bytes, max: props.sourceBytes })}</span>
      </div>

      <CodeEditor
        value={draft.code}
        onChange={draft.setCode}
        language={draft.language}
        label={t('editorLabel')}
        describedBy={helpId}
        onSubmitShortcut={() => void submit()}
        onRunShortcut={() => runPanel.current?.run()}
      />
      <p className="hint" id={helpId}>
        {t('keyboardHelp', { modifier })}
      </p>
      <p className="hint draft-status" role="status">
        {status}
      </p>

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="workspace-actions">
        {props.userId ? (
          <button
            type="button"
            className="button submit-button"
            disabled={pending}
            onClick={() => void submit()}
            aria-keyshortcuts="Control+Enter Meta+Enter"
          >
            {pending ? t('submitting') : t('submit')} <kbd>{modifier}+Enter</kbd>
          </button>
        ) : (
          <Link href={props.signInHref} className="button">
            {t('signInToSubmit')}
          </Link>
        )}
      </div>

      <RunSlot
        ref={runPanel}
        part={props.part}
        taskVersionId={props.taskVersionId}
        code={draft.code}
        language={draft.language}
        samples={props.samples}
        modifier={modifier}
        signInHref={props.userId ? null : props.signInHref}
      />

      <dialog ref={resetDialog} className="dialog" aria-labelledby={`${helpId}-reset-title`}>
        <h2 id={`${helpId}-reset-title`}>{t('resetTitle')}</h2>
        <p>{t('resetBody')}</p>
        <p className="dialog-actions">
          <button type="button" className="button" onClick={confirmReset}>
            {t('resetConfirm')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => resetDialog.current?.close()}>
            {t('resetCancel')}
          </button>
        </p>
      </dialog>
    </div>
  );
}

function statusText(
  state: SaveState,
  restoredLocal: boolean,
  props: CodeWorkspaceProps,
  t: ReturnType<typeof useTranslations<'workspace'>>,
  time: (iso: string) => string,
): string {
  switch (state.kind) {
    case 'saving':
      return t('draftSaving');
    case 'saved':
      return t('draftSaved', { time: time(state.at) });
    case 'local':
      return t(`draftLocal.${state.reason}`, { time: time(state.at) });
    case 'idle':
      if (restoredLocal) return t('draftRestoredLocal');
      if (props.initialSource === 'draft' && props.draftSavedAt) return t('draftRestored', { time: time(props.draftSavedAt) });
      if (props.initialSource === 'submission') return t('latestSubmissionLoaded');
      return props.userId ? t('draftHint') : t('draftHintVisitor');
  }
}

'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { VerdictBadge } from '@/components/verdict-badge';
import type { SampleTest } from '@/lib/bank/get-task-page';
import type { CustomRunView } from '@/lib/runs/get-custom-run';
import { formatJson } from '@/lib/submissions/format-json';

/** Lets the workspace start a run from its keyboard shortcut. */
export interface CustomRunHandle {
  run(): void;
}

export interface CustomRunPanelProps {
  ref?: Ref<CustomRunHandle>;
  taskVersionId: string;
  code: string;
  language: 'typescript' | 'javascript';
  samples: SampleTest[];
  /** The modifier key of shortcuts on this device, "Ctrl" or "⌘". */
  modifier: string;
  /** Sign-in page for a visitor; null for a signed-in user. */
  signInHref: string | null;
}

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string> };
}

type Status = { kind: 'idle' } | { kind: 'queued' } | { kind: 'running' } | { kind: 'done'; run: CustomRunView } | { kind: 'error'; message: string };

const POLL_INTERVAL_MS = 500;
/** How long the panel waits for a worker to take and finish a run before it gives up. */
const GIVE_UP_AFTER_MS = 150_000;

/** Pretty-prints an argument list for editing: arrays of numbers stay on one line, nothing is rounded or cut. */
function formatArgs(args: unknown[]): string {
  return JSON.stringify(args, null, 2).replace(/\[\s+([-\d.eE+,\s]+?)\s+\]/g, (_match, body: string) => `[${body.split(/,\s*/).join(', ')}]`);
}

/** Parses the text and returns JSON.parse's error message, or null when the text is valid JSON. */
function jsonProblem(text: string): string | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The "run on my own input" panel. A JSON editor holds the argument list, pre-filled with the first
 * sample, and a button per sample loads the others. Run queues the editor's code and the reference
 * on those arguments (POST /api/runs) and polls the run until a judge worker has finished it. The
 * result shows the checker's verdict, both outputs side by side with their CPU times, and the
 * candidate's console output.
 */
export function CustomRunPanel({ ref, taskVersionId, code, language, samples, modifier, signInHref }: CustomRunPanelProps) {
  const t = useTranslations('workspace');
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const [input, setInput] = useState(() => (samples[0] ? formatArgs(samples[0].args) : '[]'));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const pending = status.kind === 'queued' || status.kind === 'running';
  const mounted = useRef(true);
  const problem = jsonProblem(input);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  async function poll(runId: string): Promise<void> {
    const deadline = Date.now() + GIVE_UP_AFTER_MS;
    while (mounted.current) {
      if (Date.now() > deadline) {
        setStatus({ kind: 'error', message: t('runTimeout', { seconds: GIVE_UP_AFTER_MS / 1000 }) });
        return;
      }
      await sleep(POLL_INTERVAL_MS);
      const response = await fetch(`/api/runs/${encodeURIComponent(runId)}`, { cache: 'no-store' }).catch(() => null);
      // A failed poll is retried until the deadline: the server or the network may be back soon.
      if (!response?.ok || !mounted.current) continue;
      const view = (await response.json()) as CustomRunView;
      if (view.state === 'queued' || view.state === 'running') setStatus({ kind: view.state });
      else if (view.state === 'done') setStatus({ kind: 'done', run: view });
      else if (view.state === 'rejected') setStatus({ kind: 'error', message: t('runRejected', { reason: view.rejection ?? '' }) });
      else setStatus({ kind: 'error', message: t('runFailed') });
      if (view.state !== 'queued' && view.state !== 'running') return;
    }
  }

  async function run() {
    if (pending) return;
    if (signInHref) {
      router.push(signInHref);
      return;
    }
    if (problem !== null) {
      setStatus({ kind: 'error', message: t('runJsonInvalid', { detail: problem }) });
      return;
    }
    setStatus({ kind: 'queued' });
    try {
      const response = await fetch('/api/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ taskVersionId, language, code, input }),
      });
      const body = (await response.json().catch(() => ({}))) as ErrorBody & { id?: string };
      if (!response.ok || !body.id) {
        const fields = body.error?.fields;
        setStatus({ kind: 'error', message: fields?.input ?? fields?.code ?? body.error?.message ?? t('runStartFailed') });
        return;
      }
      await poll(body.id);
    } catch {
      setStatus({ kind: 'error', message: t('runStartFailed') });
    }
  }

  useImperativeHandle(ref, () => ({ run: () => void run() }));

  const cpu = (ms: number | null) => (ms === null ? '—' : t('runCpu', { ms: format.number(ms, { maximumFractionDigits: ms < 10 ? 2 : 1 }) }));
  const result = status.kind === 'done' ? status.run.result : null;

  return (
    <section className="run-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('runTitle')}</h3>
      {samples.length > 0 && (
        <div className="run-samples" role="group" aria-label={t('runSamplesLabel')}>
          {samples.map((sample, index) => (
            <button
              key={sample.name}
              type="button"
              className="button button-secondary button-small"
              onClick={() => {
                setInput(formatArgs(sample.args));
                setStatus({ kind: 'idle' });
              }}
            >
              {t('runSample', { number: index + 1 })}
            </button>
          ))}
        </div>
      )}
      <label htmlFor={`${id}-input`} className="run-input-label">
        {t('runInputLabel')}
      </label>
      <textarea
        id={`${id}-input`}
        className="run-input"
        value={input}
        onChange={(event) => setInput(event.target.value)}
        rows={8}
        spellCheck={false}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint ${id}-problem`}
      />
      <p className="hint hint-error" id={`${id}-problem`}>
        {problem !== null ? t('runJsonInvalid', { detail: problem }) : ''}
      </p>
      <p className="hint" id={`${id}-hint`}>
        {t('runHint', { modifier })}
      </p>
      <p className="workspace-actions">
        {signInHref ? (
          <Link href={signInHref} className="button button-secondary">
            {t('runSignIn')}
          </Link>
        ) : (
          <button
            type="button"
            className="button button-secondary run-button"
            disabled={pending}
            onClick={() => void run()}
            aria-keyshortcuts="Control+' Meta+'"
          >
            {pending ? t('runRunning') : t('run')} <kbd>{modifier}+&apos;</kbd>
          </button>
        )}
      </p>

      <div role="status" className="run-status">
        {status.kind === 'queued' && <p className="hint">{t('runQueued')}</p>}
        {status.kind === 'running' && <p className="hint">{t('runRunning')}</p>}
      </div>
      {status.kind === 'error' && (
        <p className="form-error" role="alert">
          {status.message}
        </p>
      )}

      {result && (
        <div className="run-result" aria-label={t('runResultLabel')} role="group">
          <p className="result-line">
            <VerdictBadge verdict={result.verdict} />
          </p>
          {result.message && <pre className="judge-message">{result.message}</pre>}
          <div className="run-outputs">
            <div className="run-output run-output-candidate">
              <h4>
                {t('runYourOutput')} <span className="muted">{cpu(result.candidate.cpuMs)}</span>
              </h4>
              {result.candidate.output === null ? <p className="muted">{t('runNoOutput')}</p> : <pre>{formatJson(result.candidate.output)}</pre>}
            </div>
            <div className="run-output run-output-reference">
              <h4>
                {t('runReferenceOutput')} <span className="muted">{cpu(result.reference.cpuMs)}</span>
              </h4>
              {result.reference.status !== 'returned' && <p className="notice">{t(`runReferenceStatus.${result.reference.status}`)}</p>}
              {result.reference.output === null ? <p className="muted">{t('runNoOutput')}</p> : <pre>{formatJson(result.reference.output)}</pre>}
            </div>
          </div>
          {result.candidate.console.length > 0 && (
            <>
              <h4>{t('runConsole')}</h4>
              <pre className="run-console">{result.candidate.console.join('\n')}</pre>
            </>
          )}
        </div>
      )}
    </section>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string> };
}

const encoder = new TextEncoder();

/**
 * Renders the code editor: a plain textarea with the starter code (or the user's latest submission), a
 * language choice and Submit. Rejected code stays in the editor.
 */
export function CodeSubmitForm({
  taskVersionId,
  initialCode,
  initialLanguage,
  sourceBytes,
}: {
  taskVersionId: string;
  initialCode: string;
  initialLanguage: 'typescript' | 'javascript';
  sourceBytes: number;
}) {
  const t = useTranslations('task');
  const router = useRouter();
  const [code, setCode] = useState(initialCode);
  const [language, setLanguage] = useState(initialLanguage);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const bytes = encoder.encode(code).length;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/submissions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ taskVersionId, language, code }),
      });
      const body = (await response.json().catch(() => ({}))) as ErrorBody & { id?: string };
      if (response.status === 401) {
        router.push(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
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

  return (
    <form className="form code-form" onSubmit={onSubmit}>
      <div className="code-toolbar">
        <label>
          {t('language')}
          <select name="language" value={language} onChange={(event) => setLanguage(event.target.value as 'typescript' | 'javascript')}>
            <option value="typescript">TypeScript</option>
            <option value="javascript">JavaScript</option>
          </select>
        </label>
        <span className={bytes > sourceBytes ? 'hint hint-error' : 'hint'}>{t('size', { bytes, max: sourceBytes })}</span>
      </div>
      <label>
        <span className="visually-hidden">{t('code')}</span>
        <textarea
          name="code"
          className="code-editor"
          value={code}
          onChange={(event) => setCode(event.target.value)}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          rows={24}
        />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}

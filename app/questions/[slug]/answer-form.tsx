'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { submitAnswerAction } from '@/app/actions/concept-answer';
import type { ActionResult } from '@/lib/http/action-result';

/**
 * The answer box. The text stays in the box until the server has stored it, so a rejected
 * answer (empty or over the limit) loses nothing.
 */
export function AnswerForm({ slug, maxLength }: { slug: string; maxLength: number }) {
  const t = useTranslations('question');
  const tFields = useTranslations('fields');
  const tErrors = useTranslations('errors');
  const [body, setBody] = useState('');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const failed = result && !result.ok ? result : null;
  const overLimit = body.length > maxLength;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server rejects it too, but a body past the server actions' 1 MB limit would never reach it.
    if (overLimit) {
      setResult({ ok: false, code: 'too_large', message: tFields('answer_too_long', { limit: maxLength }) });
      return;
    }
    const form = new FormData();
    form.set('body', body);
    startTransition(async () => {
      try {
        const outcome = await submitAnswerAction(slug, null, form);
        setResult(outcome);
        if (outcome.ok) setBody('');
      } catch {
        setResult({ ok: false, code: 'send_failed', message: tErrors('send_failed') });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="form">
      {failed && (
        <p className="form-error" role="alert">
          {failed.fields?.body ?? failed.message}
        </p>
      )}
      {result?.ok && (
        <p className="form-success" role="status">
          {t('saved')}
        </p>
      )}
      <label>
        <span className="visually-hidden">{t('yourAnswer')}</span>
        <textarea
          name="body"
          rows={10}
          value={body}
          placeholder={t('answerPlaceholder')}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={overLimit || Boolean(failed)}
          aria-describedby="answer-length"
        />
      </label>
      <p className={overLimit ? 'hint hint-error' : 'hint'} id="answer-length">
        {t('length', { length: body.length, max: maxLength })}
      </p>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}

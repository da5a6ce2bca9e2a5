'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { saveNoteAction } from '@/app/actions/question-tools';
import type { ActionResult } from '@/lib/http/action-result';

/** Edits the viewer's private note on a question. The text stays in the box when saving fails. */
export function NoteForm({ slug, initialBody, updatedAt, maxLength }: { slug: string; initialBody: string; updatedAt: Date | null; maxLength: number }) {
  const t = useTranslations('question');
  const tFields = useTranslations('fields');
  const tErrors = useTranslations('errors');
  const format = useFormatter();
  const [body, setBody] = useState(initialBody);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();
  const failed = result && !result.ok ? result : null;
  const overLimit = body.length > maxLength;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server rejects it too, but a body past the server actions' 1 MB limit would never reach it.
    if (overLimit) {
      setResult({ ok: false, code: 'too_large', message: tFields('note_too_long', { limit: maxLength }) });
      return;
    }
    const form = new FormData();
    form.set('body', body);
    startTransition(async () => {
      try {
        setResult(await saveNoteAction(slug, null, form));
      } catch {
        setResult({ ok: false, code: 'send_failed', message: tErrors('send_failed') });
      }
    });
  }

  return (
    <form onSubmit={onSubmit} className="form note-form">
      <label>
        {t('noteLabel')}
        <textarea
          name="note"
          rows={5}
          value={body}
          placeholder={t('notePlaceholder')}
          onChange={(event) => setBody(event.target.value)}
          aria-invalid={overLimit || Boolean(failed)}
          aria-describedby="note-hint"
        />
      </label>
      <p className={overLimit ? 'hint hint-error' : 'hint'} id="note-hint">
        {t('noteHint', { length: body.length, max: maxLength })}
        {updatedAt && !result && ` ${t('noteUpdated', { time: format.dateTime(updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })}`}
      </p>
      {failed && (
        <p className="form-error" role="alert">
          {failed.fields?.body ?? failed.message}
        </p>
      )}
      {result?.ok && (
        <p className="form-success" role="status">
          {body.trim() === '' ? t('noteDeleted') : t('noteSaved')}
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={pending}>
        {t('saveNote')}
      </button>
    </form>
  );
}

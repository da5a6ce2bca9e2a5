'use client';

import { useTranslations } from 'next-intl';
import { useState, useTransition, type FormEvent } from 'react';
import { saveSelfCheckAction } from '@/app/actions/concept-answer';
import type { ActionResult } from '@/lib/http/action-result';

/**
 * The rubric as checkboxes: the author ticks the key points their latest answer covers. Saving it
 * the first time reveals the reference answer below.
 */
export function SelfCheckForm({
  slug,
  answerId,
  rubric,
  covered,
  revealed,
}: {
  slug: string;
  answerId: string;
  rubric: string[];
  covered: number[];
  /** Whether the reference answer is shown already. */
  revealed: boolean;
}) {
  const t = useTranslations('question');
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => setResult(await saveSelfCheckAction(slug, answerId, null, form)));
  }

  return (
    <form onSubmit={onSubmit} className="form" key={answerId}>
      <p className="hint">{revealed ? t('selfCheckHint') : t('selfCheckFirst')}</p>
      <ol className="rubric">
        {rubric.map((point, index) => (
          <li key={point}>
            <label className="checkbox">
              <input type="checkbox" name="covered" value={index} defaultChecked={covered.includes(index)} />
              {point}
            </label>
          </li>
        ))}
      </ol>
      {result && !result.ok && (
        <p className="form-error" role="alert">
          {result.message}
        </p>
      )}
      {result?.ok && (
        <p className="form-success" role="status">
          {t('selfCheckSaved')}
        </p>
      )}
      <button type="submit" className="button button-secondary" disabled={pending}>
        {revealed ? t('saveSelfCheck') : t('saveSelfCheckReveal')}
      </button>
    </form>
  );
}

'use client';

import { useTranslations } from 'next-intl';
import { useOptimistic, useState, useTransition } from 'react';
import { setBookmarkAction } from '@/app/actions/question-tools';

/** Toggles the viewer's bookmark on a question; the pressed state shows at once and reverts on failure. */
export function BookmarkButton({ slug, bookmarked }: { slug: string; bookmarked: boolean }) {
  const t = useTranslations('question');
  const [optimistic, setOptimistic] = useOptimistic(bookmarked);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function toggle() {
    const next = !optimistic;
    setError(null);
    startTransition(async () => {
      setOptimistic(next);
      const result = await setBookmarkAction(slug, next);
      if (!result.ok) setError(result.message);
    });
  }

  return (
    <span className="bookmark">
      <button type="button" className="button button-secondary button-small bookmark-button" aria-pressed={optimistic} disabled={pending} onClick={toggle}>
        <span aria-hidden="true">{optimistic ? '★' : '☆'}</span> {t('bookmark')}
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

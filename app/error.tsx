'use client';

import { useTranslations } from 'next-intl';

/** Shown when a page fails to render; the server log has the details under the digest. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errorPage');
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      {error.digest && <p className="muted">{t('reference', { digest: error.digest })}</p>}
      <button type="button" className="button" onClick={reset}>
        {t('retry')}
      </button>
    </div>
  );
}

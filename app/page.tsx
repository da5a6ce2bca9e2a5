import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';

export default async function HomePage() {
  const t = await getTranslations('home');
  const user = await currentUser();
  const [questions, tasks] = await Promise.all([db().question.count(), db().task.count()]);

  return (
    <div className="home">
      <section className="hero">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
        <p className="hero-actions">
          <Link href="/problems" className="button">
            {t('browse')}
          </Link>
          {!user && (
            <Link href="/sign-up" className="button button-secondary">
              {t('signUp')}
            </Link>
          )}
        </p>
        <p className="muted">{t('counts', { questions, tasks })}</p>
      </section>
      <section className="features" aria-label={t('featuresLabel')}>
        <article>
          <h2>{t('conceptTitle')}</h2>
          <p>{t('conceptBody')}</p>
        </article>
        <article>
          <h2>{t('codingTitle')}</h2>
          <p>{t('codingBody')}</p>
        </article>
        <article>
          <h2>{t('judgeTitle')}</h2>
          <p>{t('judgeBody')}</p>
        </article>
      </section>
    </div>
  );
}

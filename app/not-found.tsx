import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="narrow">
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <p>
        <Link href="/problems">{t('back')}</Link>
      </p>
    </div>
  );
}

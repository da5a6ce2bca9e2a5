import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubmissionTable } from '@/components/submission-table';
import { requirePageUser } from '@/lib/auth/page-guards';
import { db } from '@/lib/db/client';
import { listOwnSubmissions } from '@/lib/submissions/list-submissions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('submissions'))('title') };
}

export default async function MySubmissionsPage() {
  const user = await requirePageUser('/submissions');
  const submissions = await listOwnSubmissions(db(), user, user.locale);
  const t = await getTranslations('submissions');

  return (
    <div>
      <h1>{t('title')}</h1>
      {submissions.length === 0 ? <p className="empty">{t('empty')}</p> : <SubmissionTable submissions={submissions} showAuthor={false} />}
    </div>
  );
}

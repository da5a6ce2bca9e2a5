import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SubmissionTable } from '@/components/submission-table';
import { requirePageRole, viewerHasRole } from '@/lib/auth/page-guards';
import { REVIEWER_ROLES } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { listSubmissionsForReview } from '@/lib/submissions/list-submissions';

export async function generateMetadata(): Promise<Metadata> {
  if (!(await viewerHasRole(REVIEWER_ROLES))) return {};
  return { title: (await getTranslations('review'))('title') };
}

/** Interviewers and admins: every candidate's recent submissions, each linking to its page. */
export default async function ReviewPage() {
  const reviewer = await requirePageRole(REVIEWER_ROLES, '/review');
  const submissions = await listSubmissionsForReview(db(), reviewer, reviewer.locale);
  const t = await getTranslations('review');

  return (
    <div>
      <h1>{t('title')}</h1>
      <p className="muted">{t('lead')}</p>
      {submissions.length === 0 ? <p className="empty">{t('empty')}</p> : <SubmissionTable submissions={submissions} showAuthor />}
    </div>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/page-guards';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { getSubmissionView } from '@/lib/submissions/get-submission-view';
import { SubmissionLive } from './submission-live';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('submission'))('title') };
}

export default async function SubmissionPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/submissions/${encodeURIComponent(id)}`);

  let view;
  try {
    view = await getSubmissionView(db(), user, id, user.locale);
  } catch (error) {
    // Someone else's submission looks exactly like a missing one.
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }

  return <SubmissionLive initial={view} />;
}

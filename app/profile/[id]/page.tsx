import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requirePageRole, viewerHasRole } from '@/lib/auth/page-guards';
import { REVIEWER_ROLES } from '@/lib/auth/require-user';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { getProfile } from '@/lib/profile/get-profile';
import { ProfileView } from '../profile-view';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  if (!(await viewerHasRole(REVIEWER_ROLES))) return {};
  return { title: (await getTranslations('profile'))('title') };
}

/** Shows a candidate's progress, read-only, to interviewers and admins; anyone else gets the 404 page. */
export default async function UserProfilePage({ params }: Props) {
  const { id } = await params;
  const reviewer = await requirePageRole(REVIEWER_ROLES, `/profile/${encodeURIComponent(id)}`);
  if (id === reviewer.id) redirect('/profile');

  let profile;
  try {
    profile = await getProfile(db(), reviewer, id, reviewer.locale);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }

  return <ProfileView profile={profile} />;
}

import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requirePageUser } from '@/lib/auth/page-guards';
import { db } from '@/lib/db/client';
import { getProfile } from '@/lib/profile/get-profile';
import { ProfileView } from './profile-view';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

/** Shows the signed-in user's own progress. */
export default async function OwnProfilePage() {
  const user = await requirePageUser('/profile');
  const profile = await getProfile(db(), user, user.id, user.locale);

  return <ProfileView profile={profile} />;
}

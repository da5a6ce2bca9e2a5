import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { currentUser } from '@/lib/auth/require-user';
import { PASSWORD_MIN_LENGTH } from '@/lib/config/limits';
import { SignUpForm } from './sign-up-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signUpTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignUpPage({ searchParams }: Props) {
  const callbackUrl = safeCallbackUrl((await searchParams).callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const t = await getTranslations('auth');

  return (
    <div className="narrow">
      <h1>{t('signUpTitle')}</h1>
      <SignUpForm callbackUrl={callbackUrl} passwordMinLength={PASSWORD_MIN_LENGTH} />
      <p className="muted">
        {t('haveAccount')} <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t('signInLink')}</Link>
      </p>
    </div>
  );
}

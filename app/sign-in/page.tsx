import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth/require-user';
import { env } from '@/lib/config/env';
import { safeCallbackUrl } from '@/lib/auth/callback-url';
import { SignInForm } from './sign-in-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('auth'))('signInTitle') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);

  const t = await getTranslations('auth');
  const error = typeof params.error === 'string' ? params.error : undefined;
  const github = Boolean(env().GITHUB_ID && env().GITHUB_SECRET);

  return (
    <div className="narrow">
      <h1>{t('signInTitle')}</h1>
      <SignInForm callbackUrl={callbackUrl} initialError={error} github={github} />
      <p className="muted">
        {t('noAccount')} <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`}>{t('signUpLink')}</Link>
      </p>
    </div>
  );
}

'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

const KNOWN_ERRORS = ['CredentialsSignin', 'RateLimited', 'GithubAccountNotLinked'];

function errorKey(code: string | null | undefined): string | null {
  if (!code) return null;
  return KNOWN_ERRORS.includes(code) ? code : 'default';
}

export function SignInForm({ callbackUrl, initialError, github }: { callbackUrl: string; initialError?: string; github: boolean }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [error, setError] = useState<string | null>(errorKey(initialError));
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        router.push(callbackUrl);
        router.refresh();
        return;
      }
      setError(result?.status === 429 ? 'RateLimited' : errorKey(result?.error ?? 'default'));
    } catch {
      setError('default');
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <form className="form" onSubmit={onSubmit} noValidate>
        {error && (
          <p className="form-error" role="alert">
            {t(`errors.${error}`)}
          </p>
        )}
        <label>
          {t('email')}
          <input name="email" type="email" autoComplete="email" required />
        </label>
        <label>
          {t('password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="button" disabled={pending}>
          {pending ? t('signingIn') : t('signInSubmit')}
        </button>
      </form>
      {github && (
        <p>
          <button type="button" className="button button-secondary" onClick={() => signIn('github', { callbackUrl })}>
            {t('github')}
          </button>
        </p>
      )}
    </>
  );
}

'use client';

import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

interface ErrorBody {
  error?: { message?: string; fields?: Record<string, string> };
}

export function SignUpForm({ callbackUrl, passwordMinLength }: { callbackUrl: string; passwordMinLength: number }) {
  const t = useTranslations('auth');
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: String(form.get('email') ?? ''), name: String(form.get('name') ?? ''), password: String(form.get('password') ?? '') };
    setPending(true);
    setMessage(null);
    setFields({});
    try {
      const response = await fetch('/api/account', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => ({}))) as ErrorBody;
        setMessage(body.error?.message ?? t('errors.default'));
        setFields(body.error?.fields ?? {});
        return;
      }
      const result = await signIn('credentials', { email: input.email, password: input.password, redirect: false, callbackUrl });
      if (!result?.ok || result.error) {
        router.push('/sign-in');
        return;
      }
      router.push(callbackUrl);
      router.refresh();
    } catch {
      setMessage(t('errors.default'));
    } finally {
      setPending(false);
    }
  }

  const fieldError = (name: string) =>
    fields[name] ? (
      <span className="field-error" id={`${name}-error`}>
        {fields[name]}
      </span>
    ) : null;

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <label>
        {t('name')}
        <input name="name" autoComplete="name" required aria-invalid={Boolean(fields.name)} aria-describedby={fields.name ? 'name-error' : undefined} />
        {fieldError('name')}
      </label>
      <label>
        {t('email')}
        <input name="email" type="email" autoComplete="email" required aria-invalid={Boolean(fields.email)} aria-describedby={fields.email ? 'email-error' : undefined} />
        {fieldError('email')}
      </label>
      <label>
        {t('password')}
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={passwordMinLength}
          aria-invalid={Boolean(fields.password)}
          aria-describedby={fields.password ? 'password-error' : 'password-hint'}
        />
        {fieldError('password') ?? (
          <span className="hint" id="password-hint">
            {t('passwordHint', { min: passwordMinLength })}
          </span>
        )}
      </label>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('creating') : t('signUpSubmit')}
      </button>
    </form>
  );
}

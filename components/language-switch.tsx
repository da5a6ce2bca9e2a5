'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { setLocaleAction } from '@/app/actions/set-locale';

const CHOICES = [
  { locale: 'zh-CN', label: '中文' },
  { locale: 'en', label: 'English' },
] as const;

/** Header control that switches the language and re-renders the page in it. */
export function LanguageSwitch() {
  const locale = useLocale();
  const t = useTranslations('nav');
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  return (
    <div className="language-switch" role="group" aria-label={t('language')}>
      {CHOICES.map((choice) => (
        <button
          key={choice.locale}
          type="button"
          lang={choice.locale}
          aria-pressed={locale === choice.locale}
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              await setLocaleAction(choice.locale);
              router.refresh();
            })
          }
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}

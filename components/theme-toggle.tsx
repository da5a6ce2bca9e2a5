'use client';

import { useTranslations } from 'next-intl';
import { useEffectiveTheme } from './use-effective-theme';
import { THEME_COOKIE, type Theme } from '@/lib/theme/theme-preference';

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Header switch between the light and the dark theme. The site follows prefers-color-scheme until
 * the user presses it; the choice is then kept in a cookie, so the server renders the page in it.
 */
export function ThemeToggle() {
  const t = useTranslations('nav');
  const theme = useEffectiveTheme();

  function toggle() {
    const next: Theme = theme === 'dark' ? 'light' : 'dark';
    document.documentElement.dataset.theme = next;
    document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=${ONE_YEAR_SECONDS}; samesite=lax`;
  }

  return (
    <button type="button" className="theme-toggle" aria-pressed={theme === 'dark'} onClick={toggle}>
      <span aria-hidden="true">{theme === 'dark' ? '☾' : '☀'}</span> {t('darkTheme')}
    </button>
  );
}

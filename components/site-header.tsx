import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { currentUser, isReviewer } from '@/lib/auth/require-user';
import { LanguageSwitch } from './language-switch';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export async function SiteHeader() {
  const user = await currentUser();
  const t = await getTranslations('nav');
  const roles = await getTranslations('roles');

  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <Link href="/" className="brand">
        Holdout
      </Link>
      <nav aria-label={t('main')} className="site-nav">
        <Link href="/problems">{t('problems')}</Link>
        {user && <Link href="/submissions">{t('submissions')}</Link>}
        {user && <Link href="/profile">{t('profile')}</Link>}
        {isReviewer(user) && <Link href="/review">{t('review')}</Link>}
        {user?.role === 'admin' && <Link href="/admin/users">{t('users')}</Link>}
      </nav>
      <div className="site-header-end">
        <ThemeToggle />
        <LanguageSwitch />
        {user ? (
          <span className="account">
            <span className="account-name">{user.name}</span>
            {user.role !== 'candidate' && <span className="badge">{roles(user.role)}</span>}
            <SignOutButton />
          </span>
        ) : (
          <span className="account">
            <Link href="/sign-in">{t('signIn')}</Link>
            <Link href="/sign-up" className="button button-small">
              {t('signUp')}
            </Link>
          </span>
        )}
      </div>
    </header>
  );
}

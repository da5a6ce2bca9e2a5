import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTimeZone, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/site-header';
import { parseTheme, THEME_COOKIE } from '@/lib/theme/theme-preference';
import 'katex/dist/katex.min.css';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('meta');
  return { title: { default: t('title'), template: `%s · Holdout` }, description: t('description') };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const messages = await getMessages();
  const timeZone = await getTimeZone();
  const t = await getTranslations('footer');
  // Without a remembered choice the stylesheet follows prefers-color-scheme.
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);

  return (
    <html lang={locale} data-theme={theme ?? undefined}>
      <body>
        <NextIntlClientProvider locale={locale} messages={messages} timeZone={timeZone}>
          <SiteHeader />
          <main id="main" className="page">
            {children}
          </main>
          <footer className="site-footer">{t('text')}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}

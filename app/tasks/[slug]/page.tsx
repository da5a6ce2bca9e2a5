import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Markdown } from '@/components/markdown';
import { ProblemMeta } from '@/components/problem-meta';
import { signInPath } from '@/lib/auth/page-guards';
import { currentUser } from '@/lib/auth/require-user';
import { getTaskPage, type TaskPage } from '@/lib/bank/get-task-page';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { CodeSubmitForm } from './code-submit-form';
import { SampleTests } from './sample-tests';

type Props = { params: Promise<{ slug: string }> };

async function loadPage(slug: string): Promise<TaskPage> {
  const locale = await getLocale();
  try {
    return await getTaskPage(db(), await currentUser(), slug, isLocale(locale) ? locale : DEFAULT_LOCALE);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage((await params).slug);
  return { title: page.title };
}

export default async function TaskPageView({ params }: Props) {
  const { slug } = await params;
  const page = await loadPage(slug);
  const user = await currentUser();
  const t = await getTranslations('task');

  return (
    <article className="problem">
      <p className="breadcrumbs">
        <Link href="/problems">{t('back')}</Link>
        {page.relatedQuestionSlug && (
          <>
            {' · '}
            <Link href={`/questions/${page.relatedQuestionSlug}`}>{t('relatedQuestion')}</Link>
          </>
        )}
      </p>
      <h1>{page.title}</h1>
      <ProblemMeta topic={page.topic} difficulty={page.difficulty} tags={page.tags} />

      {page.parts.map((part) => (
        <section key={part.taskVersionId} className="task-part" aria-labelledby={`part-${part.part}`}>
          {page.parts.length > 1 && <h2 id={`part-${part.part}`}>{t(`parts.${part.part}`)}</h2>}
          {part.judgeStatus === 'coming_soon' && (
            <p className="notice" role="note" id={page.parts.length > 1 ? undefined : `part-${part.part}`}>
              {t('comingSoon')}
            </p>
          )}
          <div className="card">
            <Markdown source={part.statement} />
          </div>
          <p className="muted">
            {t('limits', {
              cpuMs: part.limits.cpuMsPerTest,
              memoryMb: part.limits.memoryMb,
              sourceKb: Math.round(part.limits.sourceBytes / 1024),
            })}
          </p>
          {part.samples.length > 0 && <SampleTests samples={part.samples} />}
          {part.judgeStatus === 'ready' &&
            (user ? (
              <CodeSubmitForm
                taskVersionId={part.taskVersionId}
                initialCode={part.initialCode}
                initialLanguage={part.initialLanguage}
                sourceBytes={part.limits.sourceBytes}
              />
            ) : (
              <p className="card">
                <Link href={signInPath(`/tasks/${page.slug}`)}>{t('signInToSubmit')}</Link>
              </p>
            ))}
        </section>
      ))}
    </article>
  );
}

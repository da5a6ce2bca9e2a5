import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Markdown } from '@/components/markdown';
import { ProblemMeta } from '@/components/problem-meta';
import { signInPath } from '@/lib/auth/page-guards';
import { currentUser } from '@/lib/auth/require-user';
import { getQuestionPage, type QuestionPage } from '@/lib/bank/get-question-page';
import { MAX_CONCEPT_ANSWER_CHARS } from '@/lib/config/limits';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { AnswerForm } from './answer-form';
import { SelfCheckForm } from './self-check-form';

type Props = { params: Promise<{ slug: string }> };

async function loadPage(slug: string): Promise<QuestionPage> {
  const locale = await getLocale();
  try {
    return await getQuestionPage(db(), await currentUser(), slug, isLocale(locale) ? locale : DEFAULT_LOCALE);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage((await params).slug);
  return { title: page.title };
}

export default async function QuestionPageView({ params }: Props) {
  const { slug } = await params;
  const page = await loadPage(slug);
  const user = await currentUser();
  const t = await getTranslations('question');
  const format = await getFormatter();
  const latest = page.answers[0];

  return (
    <article className="problem">
      <p className="breadcrumbs">
        <Link href="/problems">{t('back')}</Link>
        {page.relatedTaskSlug && (
          <>
            {' · '}
            <Link href={`/tasks/${page.relatedTaskSlug}`}>{t('relatedTask')}</Link>
          </>
        )}
      </p>
      <h1>{page.title}</h1>
      <ProblemMeta topic={page.topic} difficulty={page.difficulty} tags={page.tags} />
      <section className="card">
        <h2>{t('prompt')}</h2>
        <Markdown source={page.prompt} />
      </section>

      <section className="card">
        <h2>{t('yourAnswer')}</h2>
        {user ? (
          <AnswerForm slug={page.slug} maxLength={MAX_CONCEPT_ANSWER_CHARS} />
        ) : (
          <p>
            <Link href={signInPath(`/questions/${page.slug}`)}>{t('signInToAnswer')}</Link>
          </p>
        )}
      </section>

      {page.reveal && (
        <section className="card reveal" aria-labelledby="reference-heading">
          <h2 id="reference-heading">{t('referenceAnswer')}</h2>
          <Markdown source={page.reveal.referenceAnswer} />
          <h3>{t('rubric')}</h3>
          {latest ? (
            <SelfCheckForm slug={page.slug} answerId={latest.id} rubric={page.reveal.rubric} covered={latest.coveredKeyPoints} />
          ) : (
            <ol className="rubric">
              {page.reveal.rubric.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ol>
          )}
        </section>
      )}

      {page.answers.length > 0 && (
        <section className="card">
          <h2>{t('pastAnswers', { count: page.answers.length })}</h2>
          <ol className="past-answers">
            {page.answers.map((answer) => (
              <li key={answer.id}>
                <p className="muted">
                  <time dateTime={answer.createdAt.toISOString()}>{format.dateTime(answer.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}</time>
                  {page.reveal && ` · ${t('covered', { covered: answer.coveredKeyPoints.length, total: page.reveal.rubric.length })}`}
                </p>
                <div className="answer-body">{answer.body}</div>
              </li>
            ))}
          </ol>
        </section>
      )}
    </article>
  );
}

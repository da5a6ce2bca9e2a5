import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Markdown } from '@/components/markdown';
import { ProblemMeta } from '@/components/problem-meta';
import { signInPath } from '@/lib/auth/page-guards';
import { currentUser } from '@/lib/auth/require-user';
import { getQuestionPage, type QuestionPage } from '@/lib/bank/get-question-page';
import { MAX_CONCEPT_ANSWER_CHARS, MAX_QUESTION_NOTE_CHARS } from '@/lib/config/limits';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { AnswerForm } from './answer-form';
import { BookmarkButton } from './bookmark-button';
import { NoteForm } from './note-form';
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

/**
 * Renders a concept question in three steps: write an answer, tick the rubric's key points it covers, then
 * read the reference answer. The bookmark and the note on the side are private to the viewer.
 */
export default async function QuestionPageView({ params }: Props) {
  const { slug } = await params;
  const page = await loadPage(slug);
  const user = await currentUser();
  const t = await getTranslations('question');
  const format = await getFormatter();
  const latest = page.answers[0];
  let selfCheckStep: string | undefined;
  if (latest?.selfCheckedAt) selfCheckStep = 'step-done';
  else if (page.rubric) selfCheckStep = 'step-current';

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
      <div className="title-row">
        <h1>{page.title}</h1>
        {user && <BookmarkButton slug={page.slug} bookmarked={page.bookmarked} />}
      </div>
      <ProblemMeta topic={page.topic} difficulty={page.difficulty} tags={page.tags} />
      <ol className="steps" aria-label={t('stepsLabel')}>
        <li className={page.answers.length > 0 ? 'step-done' : 'step-current'}>{t('stepAnswer')}</li>
        <li className={selfCheckStep}>{t('stepSelfCheck')}</li>
        <li className={page.referenceAnswer ? 'step-done' : undefined}>{t('stepReference')}</li>
      </ol>

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

      {page.rubric && (
        <section className="card self-check" aria-labelledby="self-check-heading">
          <h2 id="self-check-heading">{t('rubric')}</h2>
          {latest ? (
            <>
              <details className="sample" open={!latest.selfCheckedAt}>
                <summary>{t('latestAnswer')}</summary>
                <div className="answer-body">{latest.body}</div>
              </details>
              <SelfCheckForm slug={page.slug} answerId={latest.id} rubric={page.rubric} covered={latest.coveredKeyPoints} revealed={page.referenceAnswer !== null} />
            </>
          ) : (
            <ol className="rubric">
              {page.rubric.map((point) => (
                <li key={point}>{point}</li>
              ))}
            </ol>
          )}
        </section>
      )}

      {page.referenceAnswer && (
        <section className="card reveal" aria-labelledby="reference-heading">
          <h2 id="reference-heading">{t('referenceAnswer')}</h2>
          <Markdown source={page.referenceAnswer} />
        </section>
      )}

      {user && (
        <section className="card" aria-labelledby="note-heading">
          <h2 id="note-heading">{t('noteTitle')}</h2>
          <NoteForm slug={page.slug} initialBody={page.note?.body ?? ''} updatedAt={page.note?.updatedAt ?? null} maxLength={MAX_QUESTION_NOTE_CHARS} />
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
                  {' · '}
                  {answer.selfCheckedAt && page.rubric
                    ? t('covered', { covered: answer.coveredKeyPoints.length, total: page.rubric.length })
                    : t('notSelfChecked')}
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

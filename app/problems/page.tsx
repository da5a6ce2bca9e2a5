import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { currentUser } from '@/lib/auth/require-user';
import { listProblems } from '@/lib/bank/list-problems';
import { parseProblemFilters, SEARCH_MAX_LENGTH } from '@/lib/bank/problem-filters';
import { DIFFICULTIES, PROBLEM_KINDS, PROBLEM_STATUSES, TOPICS } from '@/lib/bank/topics';
import { db } from '@/lib/db/client';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('problems'))('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProblemsPage({ searchParams }: Props) {
  const filters = parseProblemFilters(await searchParams);
  const user = await currentUser();
  const locale = await getLocale();
  const problems = await listProblems(db(), user, filters, isLocale(locale) ? locale : DEFAULT_LOCALE);

  const t = await getTranslations('problems');
  const topics = await getTranslations('topics');
  const difficulty = await getTranslations('difficulty');
  const kinds = await getTranslations('kinds');
  const statuses = await getTranslations('problemStatus');

  return (
    <div>
      <h1>{t('title')}</h1>
      <form className="filters" method="get" action="/problems" role="search" aria-label={t('filtersLabel')}>
        <label>
          {t('search')}
          <input type="search" name="q" defaultValue={filters.q ?? ''} maxLength={SEARCH_MAX_LENGTH} placeholder={t('searchPlaceholder')} />
        </label>
        <label>
          {t('topic')}
          <select name="topic" defaultValue={filters.topic ?? ''}>
            <option value="">{t('any')}</option>
            {TOPICS.map((topic) => (
              <option key={topic} value={topic}>
                {topics(topic)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kind')}
          <select name="kind" defaultValue={filters.kind ?? ''}>
            <option value="">{t('any')}</option>
            {PROBLEM_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kinds(kind)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('difficulty')}
          <select name="difficulty" defaultValue={filters.difficulty ?? ''}>
            <option value="">{t('any')}</option>
            {DIFFICULTIES.map((level) => (
              <option key={level} value={level}>
                {difficulty(level)}
              </option>
            ))}
          </select>
        </label>
        {user && (
          <label>
            {t('status')}
            <select name="status" defaultValue={filters.status ?? ''}>
              <option value="">{t('any')}</option>
              {PROBLEM_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {statuses(status)}
                </option>
              ))}
            </select>
          </label>
        )}
        {user && (
          <label className="checkbox filter-checkbox">
            <input type="checkbox" name="bookmarked" value="1" defaultChecked={filters.bookmarked === true} />
            {t('bookmarkedOnly')}
          </label>
        )}
        <div className="filter-actions">
          <button type="submit" className="button">
            {t('apply')}
          </button>
          <Link href="/problems">{t('reset')}</Link>
        </div>
      </form>

      <p className="muted" aria-live="polite">
        {t('count', { count: problems.length })}
      </p>
      {problems.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={`${problem.kind}-${problem.slug}`} className="problem-row">
              <span className={`kind kind-${problem.kind}`}>{kinds(problem.kind)}</span>
              <Link className="problem-title" href={problem.kind === 'concept' ? `/questions/${problem.slug}` : `/tasks/${problem.slug}`}>
                {problem.title}
              </Link>
              <span className="problem-tags">
                <span className="chip">{topics(problem.topic)}</span>
                <span className={`chip difficulty-${problem.difficulty}`}>{difficulty(problem.difficulty)}</span>
                {problem.comingSoon && <span className="chip chip-muted">{t('comingSoon')}</span>}
                {problem.bookmarked && (
                  <span className="bookmark-mark">
                    <span aria-hidden="true">★</span> {t('bookmarked')}
                  </span>
                )}
                {problem.status && <span className={`status status-${problem.status}`}>{statuses(problem.status)}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Markdown } from '@/components/markdown';
import { ProblemMeta } from '@/components/problem-meta';
import { Tabs } from '@/components/tabs';
import { signInPath } from '@/lib/auth/page-guards';
import { currentUser } from '@/lib/auth/require-user';
import { getTaskPage, type TaskPage, type TaskPartView } from '@/lib/bank/get-task-page';
import { db } from '@/lib/db/client';
import { isAppError } from '@/lib/errors/app-error';
import { DEFAULT_LOCALE, isLocale } from '@/lib/i18n/locales';
import { listTaskSubmissions } from '@/lib/submissions/list-task-submissions';
import { CodeWorkspace } from './code-workspace';
import { SampleTests } from './sample-tests';
import { SubmissionHistory } from './submission-history';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function loadPage(slug: string): Promise<TaskPage> {
  const locale = await getLocale();
  try {
    return await getTaskPage(db(), await currentUser(), slug, isLocale(locale) ? locale : DEFAULT_LOCALE);
  } catch (error) {
    if (isAppError(error) && error.code === 'not_found') notFound();
    throw error;
  }
}

/** Selects the part named in the query, else the first part the judge grades, else the first part. */
function selectedPart(page: TaskPage, requested: unknown): TaskPartView | undefined {
  return (
    page.parts.find((part) => part.part === requested) ?? page.parts.find((part) => part.judgeStatus === 'ready') ?? page.parts[0]
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await loadPage((await params).slug);
  return { title: page.title };
}

/**
 * Renders the workspace of a coding task: statement, samples and the user's submission history on
 * one side, the editor on the other (below the statement on narrow screens). A task with several parts
 * shows one part at a time, chosen with ?part=.
 */
export default async function TaskPageView({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const page = await loadPage(slug);
  const user = await currentUser();
  const t = await getTranslations('task');
  const workspace = await getTranslations('workspace');
  const history = user ? await listTaskSubmissions(db(), user, page.slug) : [];
  const part = selectedPart(page, query.part);
  const returnPath = part && page.parts.length > 1 ? `/tasks/${page.slug}?part=${part.part}` : `/tasks/${page.slug}`;

  const statement = part && (
    <>
      {part.judgeStatus === 'coming_soon' && (
        <p className="notice" role="note">
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
    </>
  );

  const historyPanel = user ? (
    <SubmissionHistory items={history} showPart={page.parts.length > 1} />
  ) : (
    <p className="card">
      <Link href={signInPath(returnPath)}>{workspace('signInForHistory')}</Link>
    </p>
  );

  return (
    <article className="workspace">
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

      {page.parts.length > 1 && (
        <nav className="part-switch" aria-label={workspace('partsLabel')}>
          {page.parts.map((candidate) => (
            <Link
              key={candidate.part}
              href={`/tasks/${page.slug}?part=${candidate.part}`}
              aria-current={candidate.part === part?.part ? 'page' : undefined}
              className="part-link"
            >
              {t(`parts.${candidate.part}`)}
              {candidate.judgeStatus === 'coming_soon' && <span className="chip chip-muted">{workspace('partComingSoon')}</span>}
            </Link>
          ))}
        </nav>
      )}

      {part && (
        <div className="workspace-grid">
          <div className="workspace-info">
            <Tabs
              label={workspace('infoLabel')}
              initial={query.tab === 'history' ? 'history' : 'statement'}
              tabs={[
                { id: 'statement', label: workspace('statementTab'), content: statement },
                { id: 'history', label: workspace('historyTab', { count: history.length }), content: historyPanel },
              ]}
            />
          </div>
          <section className="workspace-editor" aria-labelledby="editor-heading">
            <h2 id="editor-heading" className="editor-heading">
              {page.parts.length > 1 ? workspace('editorHeadingPart', { part: t(`parts.${part.part}`) }) : workspace('editorHeading')}
            </h2>
            {part.judgeStatus === 'ready' ? (
              <CodeWorkspace
                key={part.taskVersionId}
                taskSlug={page.slug}
                part={part.part}
                taskVersionId={part.taskVersionId}
                starterCode={part.starterCode}
                initialCode={part.initialCode}
                initialLanguage={part.initialLanguage}
                initialSource={part.initialSource}
                draftSavedAt={part.draftSavedAt}
                sourceBytes={part.limits.sourceBytes}
                samples={part.samples}
                userId={user?.id ?? null}
                signInHref={signInPath(returnPath)}
              />
            ) : (
              <p className="card muted">{workspace('editorComingSoon')}</p>
            )}
          </section>
        </div>
      )}
    </article>
  );
}

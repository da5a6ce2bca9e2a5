'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ScrollBox, ScrollPre } from '@/components/scroll-box';
import { VerdictBadge } from '@/components/verdict-badge';
import { formatJson } from '@/lib/submissions/format-json';
import type { SubmissionView } from '@/lib/submissions/get-submission-view';
import { LossCurves } from './loss-curves';
import { ResultPictures } from './result-pictures';
import { SpeedHistogram } from './speed-histogram';

const POLL_INTERVAL_MS = 700;

/**
 * Renders a submission's result. While the judge works, it polls the submission's route every
 * 700 ms and shows "test k of n". Once judged, it shows the verdict, the tests, the speed ratio
 * and the histogram of accepted submissions.
 */
export function SubmissionLive({ initial }: { initial: SubmissionView }) {
  const t = useTranslations('submission');
  const bands = useTranslations('speedBands');
  const parts = useTranslations('task.parts');
  const format = useFormatter();
  const [view, setView] = useState(initial);
  const [pollError, setPollError] = useState(false);
  const judged = view.status === 'judged';

  useEffect(() => {
    if (judged) return;
    let stopped = false;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/submissions/${view.id}`, { cache: 'no-store' });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const next = (await response.json()) as SubmissionView;
        if (!stopped) {
          setView(next);
          setPollError(false);
        }
      } catch {
        if (!stopped) setPollError(true);
      }
    }, POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [judged, view.id]);

  const cpu = (ms: number | null) => (ms === null ? '—' : t('ms', { ms: format.number(ms, { maximumFractionDigits: ms < 10 ? 2 : 1 }) }));

  return (
    <article className="submission">
      <p className="breadcrumbs">
        <Link href={`/tasks/${view.task.slug}`}>{view.task.title}</Link>
        {view.task.part !== 'main' && ` · ${parts(view.task.part)}`}
        {' · '}
        <Link href={view.author.isViewer ? '/submissions' : '/review'}>{t('allSubmissions')}</Link>
        {view.author.isViewer && (
          <>
            {' · '}
            <Link href={`/tasks/${view.task.slug}?tab=history${view.task.part === 'main' ? '' : `&part=${view.task.part}`}`}>{t('compareLink')}</Link>
          </>
        )}
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">
        {!view.author.isViewer && `${t('author', { name: view.author.name })} · `}
        {format.dateTime(new Date(view.createdAt), { dateStyle: 'medium', timeStyle: 'medium' })} ·{' '}
        {view.language === 'typescript' ? 'TypeScript' : 'JavaScript'} · {t('version', { version: view.task.version })}
      </p>

      <section className="card result" aria-live="polite">
        <p className="result-line">
          <VerdictBadge verdict={view.verdict} status={view.status} />
          {judged && view.score !== null && <span className="score">{t('score', { score: format.number(view.score, { maximumFractionDigits: 1 }) })}</span>}
        </p>
        {!judged && (
          <div className="progress">
            <p>{view.testsTotal ? t('progress', { done: Math.min(view.testsDone + 1, view.testsTotal), total: view.testsTotal }) : t('waiting')}</p>
            {view.testsTotal ? <progress max={view.testsTotal} value={view.testsDone} /> : <progress />}
          </div>
        )}
        {pollError && <p className="form-error">{t('pollFailed')}</p>}
        {view.message && (
          <ScrollPre className="judge-message" label={t('message')}>
            {view.message}
          </ScrollPre>
        )}
        {judged && view.verdict === 'internal_error' && <p className="notice">{t('internalError')}</p>}
      </section>

      {view.speed && (
        <section className="card">
          <h2>{t('speedTitle')}</h2>
          <p>
            <strong className={`band band-${view.speed.band}`}>
              ×{format.number(view.speed.ratio, { maximumFractionDigits: 2 })} · {bands(view.speed.band)}
            </strong>
          </p>
          <p className="muted">{t('speedExplain', { candidate: cpu(view.speed.candidateCpuMs), reference: cpu(view.speed.referenceCpuMs) })}</p>
          {view.histogram && <SpeedHistogram bins={view.histogram} />}
        </section>
      )}
      {!view.speed && judged && view.histogram && view.histogram.some((bin) => bin.count > 0) && (
        <section className="card">
          <h2>{t('speedTitle')}</h2>
          <SpeedHistogram bins={view.histogram} />
        </section>
      )}

      {view.training && (
        <section className="card" aria-labelledby="training-heading">
          <h2 id="training-heading">{t('trainingTitle')}</h2>
          <LossCurves training={view.training} />
        </section>
      )}

      {view.visuals && <ResultPictures visuals={view.visuals} />}

      {view.tests.length > 0 && (
        <section className="card">
          <h2>{t('testsTitle')}</h2>
          <ScrollBox label={t('testsTitle')}>
            <table className="table tests-table">
              <thead>
                <tr>
                  <th scope="col">{t('test')}</th>
                  <th scope="col">{t('verdict')}</th>
                  <th scope="col">{t('cpu')}</th>
                </tr>
              </thead>
              <tbody>
                {view.tests.map((test) => (
                  <tr key={test.index}>
                    <td>
                      {test.name}
                      {test.hidden && <span className="muted"> · {t('hidden')}</span>}
                    </td>
                    <td>
                      <VerdictBadge verdict={test.verdict} />
                    </td>
                    <td>{cpu(test.cpuMs)}</td>
                  </tr>
                ))}
                {view.testsNotRun > 0 && (
                  <tr className="tests-not-run">
                    <td>{t('notRun', { count: view.testsNotRun })}</td>
                    <td>
                      <span className="verdict verdict-pending">{t('notRunVerdict')}</span>
                    </td>
                    <td>—</td>
                  </tr>
                )}
              </tbody>
            </table>
          </ScrollBox>
          {view.testsNotRun > 0 && <p className="hint">{t('notRunExplain')}</p>}
          {view.tests
            .filter((test) => test.detail)
            .map((test) => (
              <details key={test.index} className="sample" open={test.verdict !== 'accepted'}>
                <summary>
                  {test.name} · <VerdictBadge verdict={test.verdict} />
                </summary>
                {test.message && <p className="judge-message">{test.message}</p>}
                <h4>{t('arguments')}</h4>
                <ScrollPre label={`${test.name}: ${t('arguments')}`}>{formatJson(test.detail?.args)}</ScrollPre>
                <h4>{t('expected')}</h4>
                <ScrollPre label={`${test.name}: ${t('expected')}`}>{formatJson(test.detail?.expected)}</ScrollPre>
                <h4>{t('actual')}</h4>
                <ScrollPre label={`${test.name}: ${t('actual')}`}>{formatJson(test.detail?.actual)}</ScrollPre>
                {test.detail && test.detail.console.length > 0 && (
                  <>
                    <h4>{t('console')}</h4>
                    <ScrollPre label={`${test.name}: ${t('console')}`}>{test.detail.console.join('\n')}</ScrollPre>
                  </>
                )}
              </details>
            ))}
        </section>
      )}

      <section className="card">
        <h2>{t('code')}</h2>
        <ScrollPre className="code-view" label={t('code')}>
          {view.code}
        </ScrollPre>
      </section>
    </article>
  );
}

'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { CodeDiff } from '@/components/code-diff';
import { ScrollBox } from '@/components/scroll-box';
import { VerdictBadge } from '@/components/verdict-badge';
import type { SubmissionDiff } from '@/lib/submissions/diff-submissions';
import type { TaskSubmissionItem } from '@/lib/submissions/list-task-submissions';

interface ErrorBody {
  error?: { message?: string };
}

/**
 * Lists the user's submissions to this task with verdict, score and time. Ticking two of them and
 * pressing Compare loads the line diff of their code from the compare route, older to newer.
 */
export function SubmissionHistory({ items, showPart }: { items: TaskSubmissionItem[]; showPart: boolean }) {
  const t = useTranslations('history');
  const parts = useTranslations('task.parts');
  const format = useFormatter();
  const [selected, setSelected] = useState<string[]>([]);
  const [diff, setDiff] = useState<SubmissionDiff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  function toggle(id: string, checked: boolean) {
    setSelected((current) => (checked ? [...current, id] : current.filter((other) => other !== id)));
  }

  async function compare() {
    const [from, to] = items.filter((item) => selected.includes(item.id)).reverse();
    setLoading(true);
    setError(null);
    try {
      const response = await fetch(`/api/submissions/compare?from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}`, { cache: 'no-store' });
      const body = (await response.json().catch(() => ({}))) as SubmissionDiff & ErrorBody;
      if (!response.ok) {
        setError(body.error?.message ?? t('compareFailed'));
        return;
      }
      setDiff(body);
    } catch {
      setError(t('compareFailed'));
    } finally {
      setLoading(false);
    }
  }

  if (items.length === 0) return <p className="empty">{t('empty')}</p>;

  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'medium' });
  return (
    <div className="history">
      <p className="hint">{t('hint')}</p>
      <ScrollBox label={t('tableLabel')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('select')}</th>
              <th scope="col">{t('when')}</th>
              {showPart && <th scope="col">{t('part')}</th>}
              <th scope="col">{t('verdict')}</th>
              <th scope="col">{t('score')}</th>
              <th scope="col">{t('speed')}</th>
              <th scope="col">{t('language')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const checked = selected.includes(item.id);
              return (
                <tr key={item.id} className={checked ? 'row-selected' : undefined}>
                  <td>
                    <input
                      type="checkbox"
                      checked={checked}
                      disabled={!checked && selected.length >= 2}
                      onChange={(event) => toggle(item.id, event.target.checked)}
                      aria-label={t('selectOne', { when: when(item.createdAt) })}
                    />
                  </td>
                  <td>
                    <Link href={`/submissions/${item.id}`}>{when(item.createdAt)}</Link>
                  </td>
                  {showPart && <td>{parts(item.part)}</td>}
                  <td>
                    <VerdictBadge verdict={item.verdict} status={item.status} />
                  </td>
                  <td>{item.score === null ? '—' : format.number(item.score, { maximumFractionDigits: 1 })}</td>
                  <td>{item.speedRatio === null ? '—' : `×${format.number(item.speedRatio, { maximumFractionDigits: 2 })}`}</td>
                  <td>{item.language === 'typescript' ? 'TS' : 'JS'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      <p className="history-actions">
        <button type="button" className="button button-secondary" disabled={selected.length !== 2 || loading} onClick={() => void compare()}>
          {loading ? t('comparing') : t('compare', { count: selected.length })}
        </button>
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="visually-hidden">
        {diff ? t('compareDone', { added: diff.added, removed: diff.removed }) : ''}
      </p>
      {diff && <CodeDiff diff={diff} />}
    </div>
  );
}

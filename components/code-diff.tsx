import { useFormatter, useTranslations } from 'next-intl';
import { ScrollBox } from './scroll-box';
import type { SubmissionDiff } from '@/lib/submissions/diff-submissions';

const MARKERS = { added: '+', removed: '−', context: ' ' } as const;

/**
 * Renders a line diff as a table: line numbers of both versions, a +/− marker that screen readers hear as
 * "added" or "removed", and the line. Unchanged runs away from changes are folded into one row.
 */
export function CodeDiff({ diff }: { diff: SubmissionDiff }) {
  const t = useTranslations('diff');
  const format = useFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <ScrollBox className="table-scroll code-diff-wrapper" label={t('regionLabel')}>
      <table className="code-diff">
        <caption>
          {t('caption', { from: when(diff.from.createdAt), to: when(diff.to.createdAt) })}{' '}
          <span className="diff-count diff-count-added">{t('added', { count: diff.added })}</span>{' '}
          <span className="diff-count diff-count-removed">{t('removed', { count: diff.removed })}</span>
          {diff.approximate && <span className="hint"> {t('approximate')}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('oldLine')}</th>
            <th scope="col">{t('newLine')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('change')}</span>
            </th>
            <th scope="col">{t('code')}</th>
          </tr>
        </thead>
        <tbody>
          {diff.added + diff.removed === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t('identical')}
              </td>
            </tr>
          )}
          {diff.added + diff.removed > 0 && diff.rows.map((row, index) =>
            row.kind === 'skipped' ? (
              <tr key={index} className="diff-skipped">
                <td colSpan={4}>{t('skipped', { count: row.count })}</td>
              </tr>
            ) : (
              <tr key={index} className={`diff-${row.kind}`}>
                <td className="diff-number">{row.oldNumber ?? ''}</td>
                <td className="diff-number">{row.newNumber ?? ''}</td>
                <td className="diff-marker">
                  <span aria-hidden="true">{MARKERS[row.kind]}</span>
                  {row.kind !== 'context' && <span className="visually-hidden">{t(row.kind === 'added' ? 'markAdded' : 'markRemoved')}</span>}
                </td>
                <td className="diff-text">
                  <code>{row.text || ' '}</code>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </ScrollBox>
  );
}

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import type { SubmissionSummary } from '@/lib/submissions/list-submissions';
import { ScrollBox } from './scroll-box';
import { VerdictBadge } from './verdict-badge';

/** Renders a table of submissions, with their author for reviewers. */
export function SubmissionTable({ submissions, showAuthor }: { submissions: SubmissionSummary[]; showAuthor: boolean }) {
  const t = useTranslations('submissions');
  const parts = useTranslations('task.parts');
  const format = useFormatter();

  return (
    <ScrollBox label={t('tableLabel')}>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('when')}</th>
            {showAuthor && <th scope="col">{t('author')}</th>}
            <th scope="col">{t('task')}</th>
            <th scope="col">{t('verdict')}</th>
            <th scope="col">{t('score')}</th>
            <th scope="col">{t('speed')}</th>
            <th scope="col">{t('language')}</th>
          </tr>
        </thead>
        <tbody>
          {submissions.map((submission) => (
            <tr key={submission.id}>
              <td>
                <Link href={`/submissions/${submission.id}`}>
                  {format.dateTime(submission.createdAt, { dateStyle: 'short', timeStyle: 'short' })}
                </Link>
              </td>
              {showAuthor && (
                <td>
                  {submission.author && <Link href={`/profile/${submission.author.id}`}>{`${submission.author.name} <${submission.author.email}>`}</Link>}
                </td>
              )}
              <td>
                <Link href={`/tasks/${submission.task.slug}`}>{submission.task.title}</Link>
                {submission.task.part !== 'main' && <span className="muted"> · {parts(submission.task.part)}</span>}
              </td>
              <td>
                <VerdictBadge verdict={submission.verdict} status={submission.status} />
              </td>
              <td>{submission.score === null ? '—' : format.number(submission.score, { maximumFractionDigits: 1 })}</td>
              <td>{submission.speedRatio === null ? '—' : `×${format.number(submission.speedRatio, { maximumFractionDigits: 2 })}`}</td>
              <td>{submission.language === 'typescript' ? 'TS' : 'JS'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

import { useTranslations } from 'next-intl';
import type { SubmissionStatus, Verdict } from '@/lib/generated/prisma/enums';

/** Renders a coloured label for a verdict, or for the submission's status while it has none. */
export function VerdictBadge({ verdict, status }: { verdict: Verdict | null; status?: SubmissionStatus }) {
  const verdicts = useTranslations('verdicts');
  const statuses = useTranslations('submissionStatus');
  if (verdict) return <span className={`verdict verdict-${verdict}`}>{verdicts(verdict)}</span>;
  return <span className="verdict verdict-pending">{statuses(status ?? 'queued')}</span>;
}

import { useTranslations } from 'next-intl';
import { ScrollPre } from '@/components/scroll-box';
import type { SampleTest } from '@/lib/bank/get-task-page';
import { formatJson } from '@/lib/submissions/format-json';

/** Renders the public sample tests of a task part: the arguments and expected output of each. */
export function SampleTests({ samples }: { samples: SampleTest[] }) {
  const t = useTranslations('task');
  return (
    <section className="card">
      <h3>{t('samples')}</h3>
      {samples.map((sample) => (
        <details key={sample.name} className="sample">
          <summary>{sample.name}</summary>
          <h4>{t('arguments')}</h4>
          <ScrollPre label={`${sample.name}: ${t('arguments')}`}>{formatJson(sample.args)}</ScrollPre>
          <h4>{t('expected')}</h4>
          <ScrollPre label={`${sample.name}: ${t('expected')}`}>{formatJson(sample.expected)}</ScrollPre>
        </details>
      ))}
    </section>
  );
}

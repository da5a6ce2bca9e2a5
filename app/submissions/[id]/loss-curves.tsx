'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TrainingMetric, TrainingResult } from '@/lib/results/read-training-result';
import { CANDIDATE_COLOUR, REFERENCE_COLOUR, shortNumber } from './chart-style';

/**
 * Training part results: the loss after each epoch of the candidate's model and of the reference
 * model on one chart, and the final metrics. Shown only when the judge stored them.
 */
export function LossCurves({ training }: { training: TrainingResult }) {
  const t = useTranslations('pictures');
  const format = useFormatter();
  const epochs = Math.max(training.lossHistory?.length ?? 0, training.referenceLossHistory?.length ?? 0);
  const data = Array.from({ length: epochs }, (_, index) => ({
    epoch: index + 1,
    candidate: training.lossHistory?.[index] ?? null,
    reference: training.referenceLossHistory?.[index] ?? null,
  }));
  const last = (values: (number | null)[] | null) => {
    const value = values?.findLast((entry) => entry !== null);
    return value === undefined || value === null ? '—' : format.number(value, { maximumSignificantDigits: 4 });
  };

  const metricValue = (metrics: TrainingMetric[], name: string) => {
    const found = metrics.find((metric) => metric.name === name);
    return found ? format.number(found.value, { maximumSignificantDigits: 4 }) : '—';
  };

  return (
    <figure className="picture loss-curves">
      {epochs > 0 && (
        <div className="chart-box" aria-hidden="true">
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={data} margin={{ top: 8, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="epoch" tick={{ fontSize: 11, fill: 'var(--muted)' }} />
              <YAxis tickFormatter={shortNumber} tick={{ fontSize: 11, fill: 'var(--muted)' }} width={48} />
              <Tooltip formatter={(value) => (typeof value === 'number' ? shortNumber(value) : String(value))} />
              <Legend />
              <Line type="monotone" dataKey="candidate" name={t('yours')} stroke={CANDIDATE_COLOUR} dot={false} strokeWidth={2} isAnimationActive={false} />
              <Line type="monotone" dataKey="reference" name={t('reference')} stroke={REFERENCE_COLOUR} dot={false} strokeWidth={2} strokeDasharray="6 3" isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
      <figcaption className="muted">
        {t('lossCaption', { epochs, yours: last(training.lossHistory), reference: last(training.referenceLossHistory) })}
      </figcaption>
      {training.metric ? (
        <>
          {training.metric.grade && <p>{training.metric.grade}</p>}
          <table className="table metrics-table">
            <caption>{t('metricsCaption', { metric: training.metric.name, direction: training.metric.higherIsBetter ? 'higher' : 'lower' })}</caption>
            <thead>
              <tr>
                <td />
                <th scope="col">{t('hiddenDataset')}</th>
                <th scope="col">{t('sampleDataset')}</th>
              </tr>
            </thead>
            <tbody>
              {(['candidate', 'reference', 'baseline'] as const).map((row) => (
                <tr key={row}>
                  <th scope="row">{t(`metricRow.${row}`)}</th>
                  <td>{metricValue(training.metrics, row)}</td>
                  <td>{metricValue(training.metric?.sample ?? [], row)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        training.metrics.length > 0 && (
          <table className="table metrics-table">
            <caption className="visually-hidden">{t('metrics')}</caption>
            <tbody>
              {training.metrics.map((metric) => (
                <tr key={metric.name}>
                  <th scope="row">{metric.name}</th>
                  <td>{format.number(metric.value, { maximumSignificantDigits: 6 })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      )}
    </figure>
  );
}

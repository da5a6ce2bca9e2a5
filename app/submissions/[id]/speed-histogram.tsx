'use client';

import { useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistogramBin } from '@/lib/submissions/speed-histogram';

function binLabel(bin: HistogramBin): string {
  return bin.to === null ? `≥${bin.from}` : `${bin.from}–${bin.to}`;
}

/** Bar chart of accepted submissions per speed-ratio bin, with this submission's bin highlighted. */
export function SpeedHistogram({ bins }: { bins: HistogramBin[] }) {
  const t = useTranslations('submission');
  const data = bins.map((bin) => ({ label: binLabel(bin), count: bin.count, current: bin.current }));
  const current = bins.find((bin) => bin.current);

  return (
    <figure className="histogram">
      <div style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} angle={-30} textAnchor="end" height={48} />
            <YAxis allowDecimals={false} width={32} />
            <Tooltip formatter={(value) => [value, t('histogramCount')]} />
            <Bar dataKey="count" isAnimationActive={false}>
              {data.map((entry) => (
                <Cell key={entry.label} fill={entry.current ? 'var(--accent)' : 'var(--chart-muted)'} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="muted">
        {t('histogramCaption')}
        {current && ` ${t('histogramYours', { bin: binLabel(current) })}`}
      </figcaption>
    </figure>
  );
}

'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { PcaPicture } from '@/lib/results/build-result-visuals';
import type { Point2 } from '@/lib/results/project-points';
import { CANDIDATE_COLOUR, REFERENCE_COLOUR, sharedDomain, shortNumber } from './chart-style';

function Projection({ title, points, colour, xDomain, yDomain }: { title: string; points: Point2[]; colour: string; xDomain: [number, number]; yDomain: [number, number] }) {
  return (
    <div className="scatter-panel">
      <h4>{title}</h4>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height={240}>
          <ScatterChart margin={{ top: 8, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis type="number" dataKey="x" name="PC1" domain={xDomain} tickFormatter={shortNumber} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
            <YAxis type="number" dataKey="y" name="PC2" domain={yDomain} tickFormatter={shortNumber} tick={{ fontSize: 11, fill: 'var(--muted)' }} width={44} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? shortNumber(value) : String(value))} />
            <Scatter data={points.map(([x, y]) => ({ x, y }))} fill={colour} isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/**
 * PCA's result for one sample test: a scree plot of the explained variance per component (expected
 * next to the candidate's) and the data projected on the first two components by each. The
 * candidate's columns are flipped to the reference's signs, which the task leaves free.
 */
export function PcaCharts({ picture }: { picture: PcaPicture }) {
  const t = useTranslations('pictures');
  const format = useFormatter();
  const data = picture.scree.map((entry) => ({ component: `PC${entry.component}`, expected: entry.expected, candidate: entry.candidate }));
  const all = [...picture.expected, ...(picture.candidate ?? [])];
  const xDomain = sharedDomain(all.map((point) => point[0]));
  const yDomain = sharedDomain(all.map((point) => point[1]));
  const list = (values: (number | null)[]) => values.map((value) => (value === null ? '—' : format.number(value, { maximumSignificantDigits: 4 }))).join(', ');

  return (
    <figure className="picture pca-picture">
      <h4>{t('scree')}</h4>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border)" />
            <XAxis dataKey="component" tick={{ fontSize: 11, fill: 'var(--muted)' }} />
            <YAxis tickFormatter={shortNumber} tick={{ fontSize: 11, fill: 'var(--muted)' }} width={44} />
            <Tooltip formatter={(value) => (typeof value === 'number' ? shortNumber(value) : String(value))} />
            <Legend />
            <Bar dataKey="expected" name={t('expected')} fill={REFERENCE_COLOUR} isAnimationActive={false} />
            <Bar dataKey="candidate" name={t('yours')} fill={CANDIDATE_COLOUR} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <div className="picture-pair">
        <Projection title={t('expectedProjection')} points={picture.expected} colour={REFERENCE_COLOUR} xDomain={xDomain} yDomain={yDomain} />
        {picture.candidate ? (
          <Projection title={t('yourProjection')} points={picture.candidate} colour={CANDIDATE_COLOUR} xDomain={xDomain} yDomain={yDomain} />
        ) : (
          <div className="scatter-panel">
            <h4>{t('yourProjection')}</h4>
            <p className="empty">{t('noProjection')}</p>
          </div>
        )}
      </div>
      <figcaption className="muted">
        {t('pcaCaption', {
          test: picture.test,
          expected: list(picture.scree.map((entry) => entry.expected)),
          yours: list(picture.scree.map((entry) => entry.candidate)),
        })}{' '}
        {picture.oneComponent ? t('oneComponent') : t('signsAligned')}
      </figcaption>
    </figure>
  );
}

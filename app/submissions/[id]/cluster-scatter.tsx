'use client';

import { useTranslations } from 'next-intl';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ClusterPicture } from '@/lib/results/build-result-visuals';
import type { Point2 } from '@/lib/results/project-points';
import { clusterColour, clusterShape, sharedDomain, shortNumber } from './chart-style';

function groups(points: Point2[], labels: number[]) {
  const byLabel = new Map<number, { x: number; y: number; index: number }[]>();
  labels.forEach((label, index) => {
    const group = byLabel.get(label) ?? [];
    group.push({ x: points[index][0], y: points[index][1], index });
    byLabel.set(label, group);
  });
  return [...byLabel].sort(([a], [b]) => a - b);
}

function clusterCount(labels: number[]): number {
  return new Set(labels.filter((label) => label >= 0)).size;
}

function Plot({ title, points, labels, xDomain, yDomain, axisNames }: {
  title: string;
  points: Point2[];
  labels: number[];
  xDomain: [number, number];
  yDomain: [number, number];
  axisNames: [string, string];
}) {
  const t = useTranslations('pictures');
  return (
    <div className="scatter-panel">
      <h4>{title}</h4>
      <div className="chart-box" aria-hidden="true">
        <ResponsiveContainer width="100%" height={260}>
          <ScatterChart margin={{ top: 8, right: 12, bottom: 8, left: 0 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis type="number" dataKey="x" name={axisNames[0]} domain={xDomain} tickFormatter={shortNumber} tick={{ fontSize: 11, fill: 'var(--muted)' }} />
            <YAxis type="number" dataKey="y" name={axisNames[1]} domain={yDomain} tickFormatter={shortNumber} tick={{ fontSize: 11, fill: 'var(--muted)' }} width={44} />
            <Tooltip cursor={{ strokeDasharray: '3 3' }} formatter={(value) => (typeof value === 'number' ? shortNumber(value) : String(value))} />
            {groups(points, labels).map(([label, data]) => (
              <Scatter
                key={label}
                name={label < 0 ? t('noise') : t('cluster', { label: label + 1 })}
                data={data}
                fill={clusterColour(label)}
                shape={clusterShape(label)}
                isAnimationActive={false}
              />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}

/**
 * Draws one sample test's points coloured by the reference's clusters and by the candidate's, side by
 * side on the same axes. The candidate's clusters are renumbered to the reference's colours.
 */
export function ClusterScatter({ picture }: { picture: ClusterPicture }) {
  const t = useTranslations('pictures');
  const xDomain = sharedDomain(picture.points.map((point) => point[0]));
  const yDomain = sharedDomain(picture.points.map((point) => point[1]));
  const axisNames: [string, string] = picture.axes === 'pca' ? ['PC1', 'PC2'] : ['x₁', 'x₂'];
  const reference = clusterCount(picture.reference);

  return (
    <figure className="picture cluster-scatter">
      <div className="picture-pair">
        <Plot title={t('reference')} points={picture.points} labels={picture.reference} xDomain={xDomain} yDomain={yDomain} axisNames={axisNames} />
        {picture.candidate ? (
          <Plot title={t('yours')} points={picture.points} labels={picture.candidate} xDomain={xDomain} yDomain={yDomain} axisNames={axisNames} />
        ) : (
          <div className="scatter-panel">
            <h4>{t('yours')}</h4>
            <p className="empty">{t('noLabels')}</p>
          </div>
        )}
      </div>
      <figcaption className="muted">
        {t('clusterCaption', { test: picture.test, points: picture.points.length, reference })}{' '}
        {picture.candidate && t('clusterYours', { clusters: clusterCount(picture.candidate), differing: picture.differing })}{' '}
        {picture.axes === 'pca' && picture.varianceShare
          ? t('pcaAxes', { pc1: Math.round(picture.varianceShare[0] * 100), pc2: Math.round(picture.varianceShare[1] * 100) })
          : picture.axes === 'line'
            ? t('lineAxes')
            : ''}
      </figcaption>
    </figure>
  );
}

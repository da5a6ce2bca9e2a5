'use client';

import { useTranslations } from 'next-intl';
import type { ResultVisuals } from '@/lib/results/build-result-visuals';
import { ClusterScatter } from './cluster-scatter';
import { PcaCharts } from './pca-charts';
import { RulesTable } from './rules-table';

/** Draws the pictures of a result, one per sample test, from the sample tests' stored data only. */
export function ResultPictures({ visuals }: { visuals: ResultVisuals }) {
  const t = useTranslations('pictures');
  return (
    <section className="card result-pictures" aria-labelledby="pictures-heading">
      <h2 id="pictures-heading">{t(`title.${visuals.kind}`)}</h2>
      <p className="hint">{t(`lead.${visuals.kind}`)}</p>
      {visuals.kind === 'clusters' &&
        visuals.pictures.map((picture) => (
          <section key={picture.test} className="picture-test">
            <h3>{picture.test}</h3>
            <ClusterScatter picture={picture} />
          </section>
        ))}
      {visuals.kind === 'pca' &&
        visuals.pictures.map((picture) => (
          <section key={picture.test} className="picture-test">
            <h3>{picture.test}</h3>
            <PcaCharts picture={picture} />
          </section>
        ))}
      {visuals.kind === 'rules' &&
        visuals.tables.map((table) => (
          <section key={table.test} className="picture-test">
            <h3>{table.test}</h3>
            <RulesTable table={table} />
          </section>
        ))}
    </section>
  );
}

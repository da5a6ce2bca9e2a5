'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ScrollBox } from '@/components/scroll-box';
import type { RuleMetrics, RuleRow, RulesTable as RulesTableData } from '@/lib/results/build-result-visuals';

type Metric = keyof RuleMetrics;
type SortKey = 'rule' | Metric | 'status';
const METRICS: Metric[] = ['support', 'confidence', 'lift'];
const STATUS_ORDER: Record<RuleRow['status'], number> = { missing: 0, extra: 1, differs: 2, match: 3 };

function ruleText(row: RuleRow): string {
  return `{${row.antecedent.join(', ')}} ⇒ {${row.consequent.join(', ')}}`;
}

function numeric(value: RuleMetrics[Metric] | undefined): number {
  return typeof value === 'number' ? value : Number.NEGATIVE_INFINITY;
}

function compare(a: RuleRow, b: RuleRow, key: SortKey): number {
  if (key === 'rule') return ruleText(a).localeCompare(ruleText(b));
  if (key === 'status') return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  return numeric(a.expected?.[key] ?? a.candidate?.[key]) - numeric(b.expected?.[key] ?? b.candidate?.[key]);
}

/**
 * Shows Apriori's rules for one sample test, expected next to the candidate's: support, confidence and lift
 * of each rule, rows that differ marked in colour and in words. Column headers sort the table.
 */
export function RulesTable({ table }: { table: RulesTableData }) {
  const t = useTranslations('pictures');
  const format = useFormatter();
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'status', descending: false });

  const rows = [...table.rows].sort((a, b) => (sort.descending ? -1 : 1) * compare(a, b, sort.key) || ruleText(a).localeCompare(ruleText(b)));
  const show = (value: RuleMetrics[Metric] | undefined) => {
    if (value === undefined || value === null) return '—';
    if (typeof value === 'number') return format.number(value, { maximumSignificantDigits: 6 });
    return value;
  };
  const differs = (row: RuleRow, metric: Metric) => row.status === 'differs' && show(row.expected?.[metric]) !== show(row.candidate?.[metric]);

  function header(key: SortKey, label: string) {
    const active = sort.key === key;
    const direction = sort.descending ? 'descending' : 'ascending';
    let arrow = ' ↕';
    if (active) arrow = sort.descending ? ' ▼' : ' ▲';
    return (
      <th scope="col" aria-sort={active ? direction : 'none'}>
        <button type="button" className="sort-button" onClick={() => setSort({ key, descending: active ? !sort.descending : key !== 'rule' && key !== 'status' })}>
          {label}
          <span aria-hidden="true">{arrow}</span>
        </button>
      </th>
    );
  }

  const counts = { match: 0, differs: 0, missing: 0, extra: 0 };
  for (const row of table.rows) counts[row.status]++;

  return (
    <figure className="picture rules-picture">
      <ScrollBox label={table.test}>
        <table className="table rules-table">
          <caption>
            {t('rulesCaption', { test: table.test, ...counts })}{' '}
            {t('itemsets', { expected: table.itemsets.expected, yours: table.itemsets.candidate ?? '—' })}
            {table.truncated && ` ${t('rulesTruncated')}`}
          </caption>
          <thead>
            <tr>
              {header('rule', t('rule'))}
              {header('support', t('support'))}
              {header('confidence', t('confidence'))}
              {header('lift', t('lift'))}
              {header('status', t('status'))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={ruleText(row)} className={`rule-${row.status}`}>
                <th scope="row">
                  <code>{ruleText(row)}</code>
                </th>
                {METRICS.map((metric) => (
                  <td key={metric} className={differs(row, metric) ? 'cell-differs' : undefined}>
                    <span className="metric-pair">
                      <span>
                        <span className="visually-hidden">{t('expected')}: </span>
                        {show(row.expected?.[metric])}
                      </span>
                      <span className="metric-yours">
                        <span className="visually-hidden">{t('yours')}: </span>
                        {show(row.candidate?.[metric])}
                      </span>
                    </span>
                  </td>
                ))}
                <td>
                  <span className={`rule-status rule-status-${row.status}`}>{t(`ruleStatus.${row.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <figcaption className="hint">{t('rulesLegend')}</figcaption>
    </figure>
  );
}

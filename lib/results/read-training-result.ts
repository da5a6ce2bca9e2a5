import { DEFAULT_LOCALE, type AppLocale } from '../i18n/locales';
import { isRecord } from './read-json-values';

export interface TrainingMetric {
  name: string;
  value: number;
}

export interface TrainingResult {
  /** Loss after each epoch; null entries are epochs whose loss was not a finite number. */
  lossHistory: (number | null)[] | null;
  referenceLossHistory: (number | null)[] | null;
  /**
   * Named final numbers in the order the judge stored them. For the judge's own record (see
   * `metric`) these are `candidate`, `reference` and `baseline` on the hidden dataset.
   */
  metrics: TrainingMetric[];
  /** Present when the judge stored its record of a training part (judge/worker/submission-store.ts). */
  metric?: {
    /** The metric's name in the viewer's language, e.g. "Accuracy". */
    name: string;
    higherIsBetter: boolean;
    /** `candidate`, `reference` and `baseline` on the sample dataset. */
    sample: TrainingMetric[];
    /** The grade's explanation of the verdict, in the viewer's language. */
    grade: string | null;
  };
}

/** Longest loss curve drawn; a training part runs far fewer epochs. */
const MAX_EPOCHS = 10_000;

const JUDGE_ROWS = ['candidate', 'reference', 'baseline'] as const;

function readLossHistory(value: unknown): (number | null)[] | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_EPOCHS) return null;
  return value.map((loss) => (typeof loss === 'number' && Number.isFinite(loss) ? loss : null));
}

function finiteEntries(record: Record<string, unknown>, names: readonly string[]): TrainingMetric[] {
  return names
    .map((name) => ({ name, value: record[name] }))
    .filter((entry): entry is TrainingMetric => typeof entry.value === 'number' && Number.isFinite(entry.value));
}

function localized(value: unknown, locale: AppLocale): string | null {
  if (!isRecord(value)) return null;
  const text = value[locale] ?? value.en;
  return typeof text === 'string' ? text : null;
}

/**
 * Reads the training columns of a submission (Submission.lossHistory, referenceLossHistory and
 * metrics, which the judge fills for training parts). Returns null when none holds usable data, so
 * the page shows the loss chart only for submissions that trained a model.
 */
export function readTrainingResult(
  columns: { lossHistory: unknown; referenceLossHistory: unknown; metrics: unknown },
  locale: AppLocale = DEFAULT_LOCALE,
): TrainingResult | null {
  const lossHistory = readLossHistory(columns.lossHistory);
  const referenceLossHistory = readLossHistory(columns.referenceLossHistory);
  const record = isRecord(columns.metrics) ? columns.metrics : null;
  const metricName = record ? localized(record.name, locale) : null;

  let metrics: TrainingMetric[] = [];
  let metric: TrainingResult['metric'];
  if (record && metricName !== null) {
    metrics = finiteEntries(record, JUDGE_ROWS);
    metric = {
      name: metricName,
      higherIsBetter: record.higherIsBetter === true,
      sample: isRecord(record.sample) ? finiteEntries(record.sample, JUDGE_ROWS) : [],
      grade: localized(record.grade, locale),
    };
  } else if (record) {
    metrics = finiteEntries(record, Object.keys(record));
  }

  if (!lossHistory && !referenceLossHistory && metrics.length === 0 && !metric) return null;
  return { lossHistory, referenceLossHistory, metrics, metric };
}

import type { DatasetMetrics, JudgeReport, TrainingReport } from '../core/judge-types';
import type { TfBackendName } from '../sandbox/protocol';
import { painter } from './format';

/** Fields that `holdout judge --json` adds for a training part. */
export interface TrainingJson {
  metrics: {
    name: string;
    higherIsBetter: boolean;
    sample: DatasetMetrics | null;
    hidden: DatasetMetrics | null;
    backend: TfBackendName | null;
  };
  /** The candidate's loss per epoch on the sample dataset (null entries were not finite). */
  lossHistory: (number | null)[] | null;
  referenceLossHistory: (number | null)[] | null;
}

/** JSON has no NaN or Infinity: such metric values print as null. */
function finiteOrNull(metrics: DatasetMetrics | null): DatasetMetrics | null {
  if (!metrics) return null;
  const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
  return { candidate: finite(metrics.candidate), reference: finite(metrics.reference) ?? 0, baseline: finite(metrics.baseline) ?? 0 };
}

export function toTrainingJson(training: TrainingReport): TrainingJson {
  return {
    metrics: {
      name: training.metricName.en,
      higherIsBetter: training.higherIsBetter,
      sample: finiteOrNull(training.sample),
      hidden: finiteOrNull(training.hidden),
      backend: training.backend,
    },
    lossHistory: training.lossHistory,
    referenceLossHistory: training.referenceLossHistory,
  };
}

function formatMetric(value: number | null): string {
  if (value === null) return '–';
  return Number.isFinite(value) ? value.toPrecision(4) : String(value);
}

function lossSummary(losses: (number | null)[] | null): string {
  if (!losses || losses.length === 0) return 'none reported';
  const first = losses.find((loss) => loss !== null) ?? null;
  const last = losses.findLast((loss) => loss !== null) ?? null;
  return `${losses.length} epochs, ${formatMetric(first)} → ${formatMetric(last)}`;
}

/** Prints a training part's metrics and loss curves below the report's test table. */
export function printTrainingSummary(report: JudgeReport): void {
  const training = report.training;
  if (!training) return;
  const paint = painter(process.stdout);
  const direction = training.higherIsBetter ? 'higher is better' : 'lower is better';
  const lines = ['', `${paint('bold', training.metricName.en)} (${direction}):`];
  for (const [name, metrics] of [['sample', training.sample], ['hidden', training.hidden]] as const) {
    if (!metrics) continue;
    lines.push(`  ${name.padEnd(6)}  yours ${formatMetric(metrics.candidate)}, reference ${formatMetric(metrics.reference)}, trivial baseline ${formatMetric(metrics.baseline)}`);
  }
  lines.push(`Loss on the sample dataset: yours ${lossSummary(training.lossHistory)}; reference ${lossSummary(training.referenceLossHistory)}`);
  if (training.backend) lines.push(paint('dim', `TensorFlow.js backend: ${training.backend}`));
  process.stdout.write(`${lines.join('\n')}\n`);
}

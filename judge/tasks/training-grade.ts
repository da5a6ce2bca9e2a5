import type { TrainingGrade } from './training-types';
import type { Localized } from './types';

/**
 * The grading rule shared by "train a model" parts. The bar is a value derived from the reference
 * model's metric. A candidate whose metric reaches the bar is accepted with 100 points. Otherwise
 * the score is linear between the trivial baseline (0 points) and the bar (100 points), capped at
 * 99. A metric at or beyond the baseline, or one that is not a finite number, scores 0.
 */
export interface BarRule {
  higherIsBetter: boolean;
  /** The metric the candidate must reach (at least, or at most when lower is better). */
  bar: number;
  /** The metric's name, e.g. { en: 'Accuracy', 'zh-CN': '准确率' }. */
  metricName: Localized;
  /** Derivation of the bar from the reference's metric, e.g. { en: "1.1 × the reference's 0.0374", … }. */
  barSource: Localized;
  /** Formats a metric value for the messages. */
  format: (value: number) => string;
}

/**
 * Returns whether `value` reaches `target`. A bar computed in floating point (0.565 − 0.02 is
 * 0.5449999999999999) can land one rounding error to either side of a metric that meets it exactly,
 * so ties within 1e-9 relative count as reaching it.
 */
function reaches(value: number, target: number, higherIsBetter: boolean): boolean {
  const margin = 1e-9 * Math.max(1, Math.abs(target));
  return higherIsBetter ? value >= target - margin : value <= target + margin;
}

/** Grades a candidate's metric against the bar and the trivial baseline's metric. */
export function gradeAgainstBar(candidate: number, baseline: number, rule: BarRule): TrainingGrade {
  const { bar, higherIsBetter, metricName, barSource, format } = rule;

  if (!Number.isFinite(candidate)) {
    return {
      accepted: false,
      score: 0,
      message: {
        en: `${metricName.en} of your model is ${candidate}, not a finite number.`,
        'zh-CN': `你的模型的${metricName['zh-CN']}为 ${candidate}，不是有限数。`,
      },
    };
  }

  if (reaches(candidate, bar, higherIsBetter)) {
    return {
      accepted: true,
      score: 100,
      message: {
        en: `${metricName.en} ${format(candidate)} reaches the bar of ${format(bar)} (${barSource.en}).`,
        'zh-CN': `${metricName['zh-CN']} ${format(candidate)} 达到了 ${format(bar)} 的要求（${barSource['zh-CN']}）。`,
      },
    };
  }

  // The fraction of the way from the baseline to the bar; the signs cancel for either direction.
  const gap = bar - baseline;
  const fraction = gap === 0 ? 0 : (candidate - baseline) / gap;
  const score = Math.min(99, Math.max(0, Math.floor(100 * fraction)));
  return {
    accepted: false,
    score,
    message: {
      en:
        `${metricName.en} ${format(candidate)} misses the bar of ${format(bar)} (${barSource.en}). ` +
        `The trivial baseline scores ${format(baseline)}; partial credit ${score} of 100.`,
      'zh-CN':
        `${metricName['zh-CN']} ${format(candidate)} 未达到 ${format(bar)} 的要求（${barSource['zh-CN']}）。` +
        `平凡基线为 ${format(baseline)}；部分得分 ${score}/100。`,
    },
  };
}

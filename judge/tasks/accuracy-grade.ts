import { readNumberArray } from '../checkers/shape';
import { gradeAgainstBar } from './training-grade';
import type { MetricDefinition, TrainingGrade } from './training-types';
import type { Localized } from './types';

const ACCURACY: Localized = { en: 'Accuracy', 'zh-CN': '准确率' };

/** The output of a classification part's predict(): one label in 0..classes-1 per test item. */
export interface LabelOutput {
  classes: number;
  /** The word for one prediction, e.g. "class" or "symbol". */
  label: string;
  /** The word for one test item, e.g. "test image". */
  item: string;
}

/** Builds the accuracy metric of a classification part: the fraction of test items labelled correctly. */
export function accuracyMetric({ classes, label, item }: LabelOutput): MetricDefinition {
  const maxLabel = classes - 1;
  return {
    name: ACCURACY,
    higherIsBetter: true,
    evaluate(predictions, targets) {
      const labels = targets as number[];
      const read = readNumberArray(predictions, 'predict() output', { length: labels.length, integer: true, min: 0, max: maxLabel });
      if (!read.ok) throw new Error(`${read.message} (predict() returns one ${label}, 0 to ${maxLabel}, per ${item})`);
      let correct = 0;
      for (let i = 0; i < labels.length; i++) if (read.value[i] === labels[i]) correct++;
      return correct / labels.length;
    },
  };
}

/** Returns the accuracy of predicting the most frequent training label, the smallest on ties, for every test item. */
export function majorityBaseline(trainLabels: readonly number[], testLabels: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const label of trainLabels) counts.set(label, (counts.get(label) ?? 0) + 1);
  let majority = Infinity;
  let majorityCount = 0;
  for (const [label, count] of counts) {
    if (count > majorityCount || (count === majorityCount && label < majority)) {
      majority = label;
      majorityCount = count;
    }
  }
  return testLabels.filter((label) => label === majority).length / testLabels.length;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

/** Builds the grade that accepts an accuracy at most `margin` below the reference model's. */
export function gradeAccuracyWithin(margin: number, metricName: Localized = ACCURACY): (candidate: number, reference: number, baseline: number) => TrainingGrade {
  return (candidate, reference, baseline) =>
    gradeAgainstBar(candidate, baseline, {
      higherIsBetter: true,
      bar: reference - margin,
      metricName,
      barSource: {
        en: `the reference model's ${percent(reference)} minus ${100 * margin} points`,
        'zh-CN': `参考模型的 ${percent(reference)} 减去 ${100 * margin} 个百分点`,
      },
      format: percent,
    });
}

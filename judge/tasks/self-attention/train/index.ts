import path from 'node:path';
import { readNumberArray } from '../../../checkers/shape';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { gradeAgainstBar } from '../../training-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import { trainMetadata } from '../metadata';
import { HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type PointerTrainInput } from './data';

/** A candidate is accepted when its test accuracy is at most this much below the reference's. */
export const ACCURACY_MARGIN = 0.02;

export const metric: MetricDefinition = {
  name: { en: 'Accuracy', 'zh-CN': '准确率' },
  higherIsBetter: true,
  evaluate(predictions, targets) {
    const labels = targets as number[];
    const read = readNumberArray(predictions, 'predict() output', { length: labels.length, integer: true, min: 0, max: 1 });
    if (!read.ok) throw new Error(`${read.message} (predict() returns one label, 0 or 1, per test sequence)`);
    let correct = 0;
    for (let i = 0; i < labels.length; i++) if (read.value[i] === labels[i]) correct++;
    return correct / labels.length;
  },
};

/** Accuracy of predicting the more frequent training label for every test sequence. */
export function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as PointerTrainInput;
  const ones = train.labels.filter((label) => label === 1).length;
  const majority = 2 * ones >= train.labels.length ? 1 : 0;
  const labels = dataset.testTargets as number[];
  return labels.filter((label) => label === majority).length / labels.length;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  budget: { maxEpochs: 50, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(6101), SAMPLE_SHAPE),
  hiddenDataset: (random: Random) => makeDataset(random, HIDDEN_SHAPE),
  baseline,
  grade: (candidate, reference, baselineAccuracy) =>
    gradeAgainstBar(candidate, baselineAccuracy, {
      higherIsBetter: true,
      bar: reference - ACCURACY_MARGIN,
      metricName: metric.name,
      barSource: {
        en: `the reference model's ${percent(reference)} minus ${100 * ACCURACY_MARGIN} points`,
        'zh-CN': `参考模型的 ${percent(reference)} 减去 ${100 * ACCURACY_MARGIN} 个百分点`,
      },
      format: percent,
    }),
};

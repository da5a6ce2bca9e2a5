import path from 'node:path';
import { readNumberArray } from '../../../checkers/shape';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { gradeAgainstBar } from '../../training-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import { trainMetadata } from '../metadata';
import { GLYPH_CLASSES, HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type GlyphTrainInput } from './data';

/** A candidate is accepted when its test accuracy is at most this much below the reference's. */
export const ACCURACY_MARGIN = 0.03;

export const metric: MetricDefinition = {
  name: { en: 'Accuracy', 'zh-CN': '准确率' },
  higherIsBetter: true,
  evaluate(predictions, targets) {
    const labels = targets as number[];
    const maxLabel = GLYPH_CLASSES - 1;
    const read = readNumberArray(predictions, 'predict() output', { length: labels.length, integer: true, min: 0, max: maxLabel });
    if (!read.ok) throw new Error(`${read.message} (predict() returns one class, 0 to ${maxLabel}, per test image)`);
    let correct = 0;
    for (let i = 0; i < labels.length; i++) if (read.value[i] === labels[i]) correct++;
    return correct / labels.length;
  },
};

/** Accuracy of predicting the most frequent training label for every test image. */
export function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as GlyphTrainInput;
  const counts = new Map<number, number>();
  for (const label of train.labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  const majority = [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0]) ? entry : best))[0];
  const labels = dataset.testTargets as number[];
  return labels.filter((label) => label === majority).length / labels.length;
}

const percent = (value: number) => `${(100 * value).toFixed(1)}%`;

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  // conv2d layers cannot train on the wasm backend, which has no Conv2DBackpropFilter kernel.
  backend: 'cpu',
  budget: { maxEpochs: 30, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(1989), SAMPLE_SHAPE),
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

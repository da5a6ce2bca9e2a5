import path from 'node:path';
import { readNumberArray } from '../../../checkers/shape';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { gradeAccuracyWithin } from '../../accuracy-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import { trainMetadata } from '../metadata';
import { evaluate, HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type MaskedLmTrainInput } from './data';

/** A candidate is accepted when its accuracy is at most this much below the reference's. */
export const ACCURACY_MARGIN = 0.02;

export const metric: MetricDefinition = {
  name: { en: 'Masked-token accuracy', 'zh-CN': '掩码词元准确率' },
  higherIsBetter: true,
  evaluate(predictions, targets, dataset) {
    const expected = targets as number[][];
    const { vocabSize } = dataset.trainInput as unknown as MaskedLmTrainInput;
    if (!Array.isArray(predictions) || predictions.length !== expected.length) {
      const got = Array.isArray(predictions) ? `${predictions.length} rows` : typeof predictions;
      throw new Error(`predict() output has ${got}, expected ${expected.length} rows (one per test sentence)`);
    }
    const rows = expected.map((row, i) => {
      const read = readNumberArray(predictions[i], `predict() output[${i}]`, { length: row.length, integer: true, min: 0, max: vocabSize - 1 });
      if (!read.ok) throw new Error(`${read.message} (one token id per masked position of the sentence)`);
      return read.value;
    });
    return evaluate(rows, expected);
  },
};

/** Accuracy of predicting the most frequent training token at every masked position. */
export function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as MaskedLmTrainInput;
  const counts = new Array<number>(train.vocabSize).fill(0);
  for (const sentence of train.sentences) for (const token of sentence) counts[token]++;
  const frequent = counts.indexOf(Math.max(...counts));
  const expected = dataset.testTargets as number[][];
  return evaluate(expected.map((row) => row.map(() => frequent)), expected);
}

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  budget: { maxEpochs: 50, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(6303), SAMPLE_SHAPE),
  hiddenDataset: (random: Random) => makeDataset(random, HIDDEN_SHAPE),
  baseline,
  grade: gradeAccuracyWithin(ACCURACY_MARGIN, metric.name),
};

import path from 'node:path';
import { readNumberMatrix } from '../../../checkers/shape';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { gradeAccuracyWithin } from '../../accuracy-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import { trainMetadata } from '../metadata';
import { evaluate, HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type SortTrainInput } from './data';

/** A candidate is accepted when its per-token accuracy is at most this much below the reference's. */
export const ACCURACY_MARGIN = 0.02;

export const metric: MetricDefinition = {
  name: { en: 'Per-token accuracy', 'zh-CN': '逐词元准确率' },
  higherIsBetter: true,
  evaluate(predictions, targets, dataset) {
    const expected = targets as number[][];
    const vocabSize = (dataset.trainInput as unknown as SortTrainInput).vocabSize;
    const read = readNumberMatrix(predictions, 'predict() output', { rows: expected.length, columns: expected[0].length });
    if (!read.ok) throw new Error(`${read.message} (predict() returns one sorted row of tokens per test input)`);
    for (let i = 0; i < read.value.length; i++) {
      const bad = read.value[i].findIndex((token) => !Number.isInteger(token) || token < 0 || token >= vocabSize);
      if (bad >= 0) throw new Error(`predict() output[${i}][${bad}] = ${read.value[i][bad]}, expected a token in 0..${vocabSize - 1}`);
    }
    return evaluate(read.value, expected);
  },
};

/** Per-token accuracy of predicting, at every position, the token most frequent there in the training targets. */
export function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as SortTrainInput;
  const length = train.targets[0].length;
  const modes = Array.from({ length }, (_, position) => {
    const counts = new Array<number>(train.vocabSize).fill(0);
    for (const row of train.targets) counts[row[position]]++;
    return counts.indexOf(Math.max(...counts));
  });
  const expected = dataset.testTargets as number[][];
  return evaluate(expected.map(() => modes), expected);
}

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  budget: { maxEpochs: 50, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(6202), SAMPLE_SHAPE),
  hiddenDataset: (random: Random) => makeDataset(random, HIDDEN_SHAPE),
  baseline,
  grade: gradeAccuracyWithin(ACCURACY_MARGIN, metric.name),
};

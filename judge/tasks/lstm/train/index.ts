import path from 'node:path';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { accuracyMetric, gradeAccuracyWithin, majorityBaseline } from '../../accuracy-grade';
import type { TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import { trainMetadata } from '../metadata';
import { HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type RecallTrainInput } from './data';

/** A candidate is accepted when its test accuracy is at most this much below the reference's. */
export const ACCURACY_MARGIN = 0.05;

export const metric = accuracyMetric({ classes: HIDDEN_SHAPE.symbols, label: 'symbol', item: 'test sequence' });

/** Accuracy of predicting the most frequent training label for every test sequence. */
export function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as RecallTrainInput;
  return majorityBaseline(train.labels, dataset.testTargets as number[]);
}

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  budget: { maxEpochs: 60, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(1735), SAMPLE_SHAPE),
  hiddenDataset: (random: Random) => makeDataset(random, HIDDEN_SHAPE),
  baseline,
  grade: gradeAccuracyWithin(ACCURACY_MARGIN),
};

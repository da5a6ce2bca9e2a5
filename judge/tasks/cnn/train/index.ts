import path from 'node:path';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { accuracyMetric, gradeAccuracyWithin, majorityBaseline } from '../../accuracy-grade';
import type { TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import { trainMetadata } from '../metadata';
import { GLYPH_CLASSES, HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type GlyphTrainInput } from './data';

/** A candidate is accepted when its test accuracy is at most this much below the reference's. */
export const ACCURACY_MARGIN = 0.03;

export const metric = accuracyMetric({ classes: GLYPH_CLASSES, label: 'class', item: 'test image' });

/** Accuracy of predicting the most frequent training label for every test image. */
export function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as GlyphTrainInput;
  return majorityBaseline(train.labels, dataset.testTargets as number[]);
}

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
  grade: gradeAccuracyWithin(ACCURACY_MARGIN),
};

import path from 'node:path';
import { readNumberMatrix } from '../../../checkers/shape';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { gradeAgainstBar } from '../../training-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import type { Json } from '../../types';
import { trainMetadata } from '../metadata';
import { HIDDEN_SHAPE, makeDataset, PIXELS, SAMPLE_SHAPE, type DenoisingTestInput, type DenoisingTrainInput } from './data';

/** A candidate is accepted when its test MSE is at most this multiple of the reference's. */
export const MSE_BAR_FACTOR = 1.1;

function meanSquaredError(predictions: number[][], targets: number[][]): number {
  let sum = 0;
  for (let i = 0; i < targets.length; i++) {
    for (let j = 0; j < targets[i].length; j++) sum += (predictions[i][j] - targets[i][j]) ** 2;
  }
  return sum / (targets.length * targets[0].length);
}

/** Reads the predictions as [m, 144] finite numbers, or throws with a message naming the first problem. */
function readPredictions(predictions: Json, rows: number): number[][] {
  const matrix = readNumberMatrix(predictions, 'predict() output', { rows, columns: PIXELS });
  if (!matrix.ok) throw new Error(matrix.message);
  return matrix.value;
}

export const metric: MetricDefinition = {
  name: { en: 'Reconstruction MSE', 'zh-CN': '重构均方误差' },
  higherIsBetter: false,
  evaluate(predictions, targets) {
    const clean = targets as number[][];
    return meanSquaredError(readPredictions(predictions, clean.length), clean);
  },
};

/**
 * Returns the MSE of the better of two trivial denoisers: returning the corrupted image unchanged,
 * and returning the mean training image for every input.
 */
function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as DenoisingTrainInput;
  const test = dataset.testInput as unknown as DenoisingTestInput;
  const clean = dataset.testTargets as number[][];
  const mean = new Array<number>(PIXELS).fill(0);
  for (const image of train.images) for (let j = 0; j < PIXELS; j++) mean[j] += image[j] / train.images.length;
  return Math.min(meanSquaredError(test.noisyImages, clean), meanSquaredError(clean.map(() => mean), clean));
}

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  budget: { maxEpochs: 200, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(3102), SAMPLE_SHAPE),
  hiddenDataset: (random: Random) => makeDataset(random, HIDDEN_SHAPE),
  baseline,
  grade: (candidate, reference, baselineMse) =>
    gradeAgainstBar(candidate, baselineMse, {
      higherIsBetter: false,
      bar: MSE_BAR_FACTOR * reference,
      metricName: metric.name,
      barSource: {
        en: `${MSE_BAR_FACTOR} × the reference model's ${reference.toFixed(4)}`,
        'zh-CN': `参考模型 ${reference.toFixed(4)} 的 ${MSE_BAR_FACTOR} 倍`,
      },
      format: (value) => value.toFixed(4),
    }),
};

import path from 'node:path';
import { readNumberArray } from '../../../checkers/shape';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { gradeAgainstBar } from '../../training-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import { trainMetadata } from '../metadata';
import { HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type AddingTrainInput } from './data';

/** A candidate is accepted when its test MSE is at most this multiple of the reference's. */
export const MSE_FACTOR = 1.5;

/** Mean squared error of predict()'s output against the targets; throws on a malformed output. */
export const metric: MetricDefinition = {
  name: { en: 'Test MSE', 'zh-CN': '测试集均方误差' },
  higherIsBetter: false,
  evaluate(predictions, targets) {
    const expected = targets as number[];
    const read = readNumberArray(predictions, 'predict() output', { length: expected.length });
    if (!read.ok) throw new Error(`${read.message} (predict() returns one number per test sequence)`);
    let sum = 0;
    for (let i = 0; i < expected.length; i++) sum += (read.value[i] - expected[i]) ** 2;
    return sum / expected.length;
  },
};

/** MSE of predicting the mean training target for every test sequence. */
export function baseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as AddingTrainInput;
  const mean = train.targets.reduce((sum, target) => sum + target, 0) / train.targets.length;
  const expected = dataset.testTargets as number[];
  return expected.reduce((sum, target) => sum + (target - mean) ** 2, 0) / expected.length;
}

const format = (value: number) => value.toFixed(4);

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  budget: { maxEpochs: 60, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(2311), SAMPLE_SHAPE),
  hiddenDataset: (random: Random) => makeDataset(random, HIDDEN_SHAPE),
  baseline,
  grade: (candidate, reference, baselineMse) =>
    gradeAgainstBar(candidate, baselineMse, {
      higherIsBetter: false,
      bar: MSE_FACTOR * reference,
      metricName: metric.name,
      barSource: {
        en: `${MSE_FACTOR} × the reference model's ${format(reference)}`,
        'zh-CN': `参考模型的 ${format(reference)} 乘以 ${MSE_FACTOR}`,
      },
      format,
    }),
};

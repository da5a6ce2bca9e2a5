import path from 'node:path';
import { readNumberMatrix } from '../../../checkers/shape';
import type { Random } from '../../../data/random';
import { randomFromSeed } from '../../../data/random';
import { gradeAgainstBar } from '../../training-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../training-types';
import type { Json } from '../../types';
import { trainMetadata } from '../metadata';
import { HIDDEN_SHAPE, makeDataset, SAMPLE_SHAPE, type RingTargets, type RingTestInput, type RingTrainInput } from './data';

/**
 * A mode counts as covered when at least this fraction of the generated points lie within three
 * deviations of its centre (a fair share is 1/8 = 12.5 %). A collapsed mode gets far less.
 */
export const MODE_COVERAGE_FRACTION = 0.01;

/** Added to the energy distance for every mode that is not covered. */
export const MISSED_MODE_PENALTY = 0.05;

/** A generated point closer than this to a training point counts as a copy of it. */
export const COPY_DISTANCE = 1e-4;

/** The largest fraction of generated points that may be copies of training points. */
export const MAX_COPY_FRACTION = 0.1;

/** A candidate is accepted when its metric is at most this multiple of the reference's. */
export const METRIC_BAR_FACTOR = 1.5;

/** Mean Euclidean distance between the points of `a` and those of `b`. */
function meanDistance(a: number[][], b: number[][]): number {
  let sum = 0;
  for (const p of a) {
    for (const q of b) {
      const dx = p[0] - q[0];
      const dy = p[1] - q[1];
      sum += Math.sqrt(dx * dx + dy * dy);
    }
  }
  return sum / (a.length * b.length);
}

/**
 * Energy distance 2·E|X − Y| − E|X − X'| − E|Y − Y'| between two samples, with the V-statistic
 * (each point paired with itself too). It is 0 for identical distributions.
 */
export function energyDistance(a: number[][], b: number[][]): number {
  return 2 * meanDistance(a, b) - meanDistance(a, a) - meanDistance(b, b);
}

/** Counts the modes that get at least MODE_COVERAGE_FRACTION of the points within three deviations. */
export function coveredModes(points: number[][], targets: RingTargets): number {
  const radius = 3 * targets.deviation;
  const near = targets.centres.map((centre) => points.filter((p) => Math.hypot(p[0] - centre[0], p[1] - centre[1]) <= radius).length);
  return near.filter((count) => count >= MODE_COVERAGE_FRACTION * points.length).length;
}

/** Counts the points that lie within COPY_DISTANCE of a training point. */
function countCopies(points: number[][], training: number[][]): number {
  const sorted = training.slice().sort((p, q) => p[0] - q[0]);
  let copies = 0;
  for (const p of points) {
    // Binary search for the first training point with x ≥ p.x − COPY_DISTANCE, then scan the strip.
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle][0] < p[0] - COPY_DISTANCE) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < sorted.length && sorted[i][0] <= p[0] + COPY_DISTANCE; i++) {
      if (Math.hypot(sorted[i][0] - p[0], sorted[i][1] - p[1]) < COPY_DISTANCE) {
        copies++;
        break;
      }
    }
  }
  return copies;
}

/** Energy distance to the held-out points plus MISSED_MODE_PENALTY per uncovered mode. */
function ringMetric(points: number[][], targets: RingTargets): number {
  const missed = targets.centres.length - coveredModes(points, targets);
  return energyDistance(points, targets.heldOut) + MISSED_MODE_PENALTY * missed;
}

export const metric: MetricDefinition = {
  name: { en: 'Energy distance with mode penalty', 'zh-CN': '含模式惩罚的能量距离' },
  higherIsBetter: false,
  evaluate(predictions: Json, targets: Json, dataset: TrainingDataset) {
    const ring = targets as unknown as RingTargets;
    const noise = (dataset.testInput as unknown as RingTestInput).noise;
    const matrix = readNumberMatrix(predictions, 'predict() output', { rows: noise.length, columns: 2 });
    if (!matrix.ok) throw new Error(`${matrix.message} (predict() returns one 2-D point per noise row)`);

    const copies = countCopies(matrix.value, (dataset.trainInput as unknown as RingTrainInput).samples);
    if (copies > MAX_COPY_FRACTION * matrix.value.length) {
      throw new Error(`${copies} of the ${matrix.value.length} generated points copy training points; at most ${100 * MAX_COPY_FRACTION}% may`);
    }
    return ringMetric(matrix.value, ring);
  },
};

/**
 * The trivial generator: a Gaussian with the training data's mean and per-axis deviation, fed with
 * the first two noise columns.
 */
export function gaussianBaselinePoints(dataset: TrainingDataset): number[][] {
  const samples = (dataset.trainInput as unknown as RingTrainInput).samples;
  const noise = (dataset.testInput as unknown as RingTestInput).noise;
  const mean = [0, 1].map((axis) => samples.reduce((sum, p) => sum + p[axis], 0) / samples.length);
  const deviation = [0, 1].map((axis) => Math.sqrt(samples.reduce((sum, p) => sum + (p[axis] - mean[axis]) ** 2, 0) / samples.length));
  return noise.map((z) => [mean[0] + deviation[0] * z[0], mean[1] + deviation[1] * z[1]]);
}

function baseline(dataset: TrainingDataset): number {
  return ringMetric(gaussianBaselinePoints(dataset), dataset.testTargets as unknown as RingTargets);
}

export const trainingTask: TrainingTaskDefinition = {
  ...trainMetadata,
  mode: 'training',
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  budget: { maxEpochs: 500, seed: 20261204 },
  metric,
  sampleDataset: () => makeDataset(randomFromSeed(5302), SAMPLE_SHAPE),
  hiddenDataset: (random: Random) => makeDataset(random, HIDDEN_SHAPE),
  baseline,
  grade: (candidate, reference, baselineMetric) =>
    gradeAgainstBar(candidate, baselineMetric, {
      higherIsBetter: false,
      bar: METRIC_BAR_FACTOR * reference,
      metricName: metric.name,
      barSource: {
        en: `${METRIC_BAR_FACTOR} × the reference GAN's ${reference.toFixed(4)}`,
        'zh-CN': `参考 GAN 的 ${reference.toFixed(4)} 的 ${METRIC_BAR_FACTOR} 倍`,
      },
      format: (value) => value.toFixed(4),
    }),
};

import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * The adding problem (Hochreiter and Schmidhuber, 1997). Each step of a sequence has two
 * features: a value uniform in [−1, 1) and a marker, 1 at exactly two steps and 0 elsewhere. One
 * marker falls in the first half of the sequence and one in the second; the target is the sum of
 * the two marked values. The model has to hold the first marked value across the steps that follow
 * it, which a simple RNN learns for short sequences.
 */
export interface AddingTrainInput {
  /** [n, steps, 2]: (value, marker) per step. */
  sequences: number[][][];
  /** [n]: the sum of the two marked values. */
  targets: number[];
}

export interface AddingTestInput {
  sequences: number[][][];
}

export interface AddingDatasetShape {
  trainSize: number;
  testSize: number;
  steps: number;
}

/** The hidden dataset's shape; the reference trains on it in about 5 s of CPU time. */
export const HIDDEN_SHAPE: AddingDatasetShape = { trainSize: 1024, testSize: 512, steps: 10 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: AddingDatasetShape = { trainSize: 256, testSize: 128, steps: 10 };

/** Draws one sequence and its target, with values rounded to 3 decimals to keep the JSON short. */
export function drawSequence(random: Random, steps: number): { sequence: number[][]; target: number } {
  const half = Math.floor(steps / 2);
  const first = random.int(0, half - 1);
  const second = random.int(half, steps - 1);
  const sequence = Array.from({ length: steps }, (_, t) => [Math.round(random.uniform(-1, 1) * 1000) / 1000, t === first || t === second ? 1 : 0]);
  return { sequence, target: Math.round((sequence[first][0] + sequence[second][0]) * 1000) / 1000 };
}

export function makeDataset(random: Random, shape: AddingDatasetShape): TrainingDataset {
  const draw = (count: number) => Array.from({ length: count }, () => drawSequence(random, shape.steps));
  const train = draw(shape.trainSize);
  const test = draw(shape.testSize);
  return {
    trainInput: { sequences: train.map((item) => item.sequence), targets: train.map((item) => item.target) },
    testInput: { sequences: test.map((item) => item.sequence) },
    testTargets: test.map((item) => item.target),
  };
}

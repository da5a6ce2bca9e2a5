import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * The sorting task. Each input is a sequence of `length` tokens in 0 … vocabSize − 1. Its target is
 * the same tokens sorted by an order of the tokens that each dataset draws at random (not the
 * numeric order), so a model has to learn the order from the training data. Every output position
 * depends on the whole input.
 */
export interface SortTrainInput {
  /** [n, length] */
  inputs: number[][];
  /** [n, length]: each row of `inputs`, sorted by the dataset's order of the tokens. */
  targets: number[][];
  vocabSize: number;
}

export interface SortTestInput {
  inputs: number[][];
}

export interface SortDatasetShape {
  trainSize: number;
  testSize: number;
  length: number;
  vocabSize: number;
}

/** The hidden dataset's shape; the reference trains on it in a few seconds of CPU time. */
export const HIDDEN_SHAPE: SortDatasetShape = { trainSize: 2000, testSize: 1000, length: 6, vocabSize: 6 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: SortDatasetShape = { trainSize: 400, testSize: 200, length: 6, vocabSize: 6 };

function drawSequence(random: Random, shape: SortDatasetShape): number[] {
  return Array.from({ length: shape.length }, () => random.int(0, shape.vocabSize - 1));
}

export function makeDataset(random: Random, shape: SortDatasetShape): TrainingDataset {
  // rank[token] is the token's place in this dataset's order.
  const rank = random.shuffle(Array.from({ length: shape.vocabSize }, (_, token) => token));
  const sorted = (sequence: number[]) => sequence.slice().sort((a, b) => rank[a] - rank[b]);
  const train = Array.from({ length: shape.trainSize }, () => drawSequence(random, shape));
  const test = Array.from({ length: shape.testSize }, () => drawSequence(random, shape));
  return {
    trainInput: { inputs: train, targets: train.map(sorted), vocabSize: shape.vocabSize },
    testInput: { inputs: test },
    testTargets: test.map(sorted),
  };
}

/** Fraction of target positions predicted correctly. */
export function evaluate(predictions: number[][], targets: number[][]): number {
  let correct = 0;
  let total = 0;
  targets.forEach((row, i) =>
    row.forEach((token, t) => {
      total++;
      if (predictions[i][t] === token) correct++;
    }),
  );
  return correct / total;
}

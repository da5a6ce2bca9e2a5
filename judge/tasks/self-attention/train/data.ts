import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * The pointer task. Every sequence has `length` tokens. Position 0 is a pointer token, one of
 * contentTokens … contentTokens + length − 2, that names a position p in 1 … length − 1. Positions
 * 1 … length − 1 are content tokens 0 … contentTokens − 1. The label is 1 when the content token
 * at position p belongs to the positive half of the content tokens, else 0. Which pointer token
 * names which position, and which content tokens are positive, is drawn at random for each dataset,
 * so a model has to learn both from the training data. The label depends on a token that the
 * pointer locates, so a bag-of-tokens model stays near chance, and attention from position 0 to
 * position p solves it.
 */
export interface PointerTrainInput {
  /** [n, length] token ids in 0 … vocabSize − 1. */
  sequences: number[][];
  /** [n], 0 or 1. */
  labels: number[];
  vocabSize: number;
  /** Content tokens are 0 … contentTokens − 1; the other tokens are pointers. */
  contentTokens: number;
}

export interface PointerTestInput {
  sequences: number[][];
}

export interface PointerDatasetShape {
  trainSize: number;
  testSize: number;
  length: number;
  contentTokens: number;
}

/** The hidden dataset's shape; the reference trains on it in a few seconds of CPU time. */
export const HIDDEN_SHAPE: PointerDatasetShape = { trainSize: 2000, testSize: 1000, length: 8, contentTokens: 8 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: PointerDatasetShape = { trainSize: 400, testSize: 200, length: 8, contentTokens: 8 };

/** Tokens in the vocabulary: the content tokens and one pointer token per position 1 … length − 1. */
export function vocabularySize(shape: Pick<PointerDatasetShape, 'length' | 'contentTokens'>): number {
  return shape.contentTokens + shape.length - 1;
}

/** The hidden rule of one dataset: the position each pointer token names, and the positive tokens. */
export interface PointerRule {
  /** targetOf[k] is the position named by pointer token contentTokens + k. */
  targetOf: number[];
  positive: Set<number>;
}

export function drawRule(random: Random, shape: Pick<PointerDatasetShape, 'length' | 'contentTokens'>): PointerRule {
  const targetOf = random.shuffle(Array.from({ length: shape.length - 1 }, (_, k) => k + 1));
  const content = Array.from({ length: shape.contentTokens }, (_, token) => token);
  return { targetOf, positive: new Set(random.shuffle(content).slice(0, shape.contentTokens / 2)) };
}

/** Draws one sequence and its label. Content tokens and the pointer are uniform, so labels are balanced. */
export function drawSequence(
  random: Random,
  shape: Pick<PointerDatasetShape, 'length' | 'contentTokens'>,
  rule: PointerRule,
): { sequence: number[]; label: number } {
  const { length, contentTokens } = shape;
  const content = Array.from({ length: length - 1 }, () => random.int(0, contentTokens - 1));
  const pointer = random.int(0, length - 2);
  const target = rule.targetOf[pointer];
  return { sequence: [contentTokens + pointer, ...content], label: rule.positive.has(content[target - 1]) ? 1 : 0 };
}

export function makeDataset(random: Random, shape: PointerDatasetShape): TrainingDataset {
  const rule = drawRule(random, shape);
  const draw = (count: number) => Array.from({ length: count }, () => drawSequence(random, shape, rule));
  const train = draw(shape.trainSize);
  const test = draw(shape.testSize);
  return {
    trainInput: {
      sequences: train.map((item) => item.sequence),
      labels: train.map((item) => item.label),
      vocabSize: vocabularySize(shape),
      contentTokens: shape.contentTokens,
    },
    testInput: { sequences: test.map((item) => item.sequence) },
    testTargets: test.map((item) => item.label),
  };
}

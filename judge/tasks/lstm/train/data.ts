import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * Recall of a marked symbol. Each step of a sequence contains one of `symbols` symbols, one-hot, and a
 * marker channel that is 1 at exactly one step among the first `markerWindow` and 0 elsewhere. The
 * label is the symbol at the marked step. Every later step carries another random symbol, so the
 * model must store the marked one on sight and keep it, unchanged, across the rest of the sequence:
 * at least `steps − markerWindow` steps of distractors.
 */
export interface RecallTrainInput {
  /** [n, steps, symbols + 1]: the one-hot symbol, then the marker. */
  sequences: number[][][];
  /** [n]: the symbol at the marked step, 0 … symbols − 1. */
  labels: number[];
}

export interface RecallTestInput {
  sequences: number[][][];
}

export interface RecallDatasetShape {
  trainSize: number;
  testSize: number;
  steps: number;
  symbols: number;
  markerWindow: number;
}

/** The hidden dataset's shape: at least 17 distractor steps after the marked symbol. */
export const HIDDEN_SHAPE: RecallDatasetShape = { trainSize: 512, testSize: 512, steps: 20, symbols: 4, markerWindow: 3 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: RecallDatasetShape = { trainSize: 256, testSize: 128, steps: 20, symbols: 4, markerWindow: 3 };

/** Draws one sequence and its label. Symbols and the marked step are uniform, so labels are balanced. */
export function drawSequence(random: Random, shape: Pick<RecallDatasetShape, 'steps' | 'symbols' | 'markerWindow'>): { sequence: number[][]; label: number } {
  const marked = random.int(0, shape.markerWindow - 1);
  let label = 0;
  const sequence = Array.from({ length: shape.steps }, (_, t) => {
    const symbol = random.int(0, shape.symbols - 1);
    const step = new Array<number>(shape.symbols + 1).fill(0);
    step[symbol] = 1;
    if (t === marked) {
      step[shape.symbols] = 1;
      label = symbol;
    }
    return step;
  });
  return { sequence, label };
}

export function makeDataset(random: Random, shape: RecallDatasetShape): TrainingDataset {
  const draw = (count: number) => Array.from({ length: count }, () => drawSequence(random, shape));
  const train = draw(shape.trainSize);
  const test = draw(shape.testSize);
  return {
    trainInput: { sequences: train.map((item) => item.sequence), labels: train.map((item) => item.label) },
    testInput: { sequences: test.map((item) => item.sequence) },
    testTargets: test.map((item) => item.label),
  };
}

import { drawGlyphSet, GLYPH_SIZE } from '../../../data/glyphs';
import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * The classification task: binary 12×12 glyph images of ten digit-like classes with random affine
 * distortions, binarised at 0.5 and then with each pixel flipped with probability FLIP_PROBABILITY.
 * The model receives labelled training images and predicts the classes of the test images, whose
 * labels stay on the host.
 */
export interface GlyphTrainInput {
  /** [n, 144] pixels of 0 and 1. */
  images: number[][];
  /** [n] classes 0..9. */
  labels: number[];
}

export interface GlyphTestInput {
  /** [m, 144] pixels of 0 and 1. */
  images: number[][];
}

export const PIXELS = GLYPH_SIZE * GLYPH_SIZE;
export const CLASSES = 10;

/** Probability that a pixel of a binarised glyph is flipped. */
export const FLIP_PROBABILITY = 0.05;

export interface GlyphShape {
  trainSize: number;
  testSize: number;
}

/** The hidden dataset's shape; the reference trains on it in a few seconds of CPU time. */
export const HIDDEN_SHAPE: GlyphShape = { trainSize: 1000, testSize: 1000 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: GlyphShape = { trainSize: 300, testSize: 100 };

function binarise(random: Random, image: readonly number[]): number[] {
  return image.map((value) => ((value >= 0.5 ? 1 : 0) ^ (random.float() < FLIP_PROBABILITY ? 1 : 0)));
}

export function makeDataset(random: Random, shape: GlyphShape): TrainingDataset {
  const train = drawGlyphSet(random, shape.trainSize);
  const test = drawGlyphSet(random, shape.testSize);
  const trainInput: GlyphTrainInput = { images: train.images.map((image) => binarise(random, image)), labels: train.labels };
  const testInput: GlyphTestInput = { images: test.images.map((image) => binarise(random, image)) };
  return {
    trainInput: trainInput as unknown as TrainingDataset['trainInput'],
    testInput: testInput as unknown as TrainingDataset['testInput'],
    testTargets: test.labels,
  };
}

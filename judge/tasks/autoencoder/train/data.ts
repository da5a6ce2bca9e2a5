import { drawGlyphSet, GLYPH_SIZE } from '../../../data/glyphs';
import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * The denoising task: 12×12 glyph images (ten digit-like classes with random affine distortions),
 * corrupted by masking noise and Gaussian noise. The model receives clean and corrupted training
 * images and must restore corrupted test images whose clean versions stay on the host.
 */
export interface DenoisingTrainInput {
  /** [n, 144] clean images, values in [0, 1]. */
  images: number[][];
  /** [n, 144] the same images corrupted once by `corrupt`. */
  noisyImages: number[][];
}

export interface DenoisingTestInput {
  /** [m, 144] corrupted images. */
  noisyImages: number[][];
}

/**
 * Corruption of each pixel: it is set to 0 with probability `dropProbability`. Otherwise
 * `noiseDeviation` times a standard normal draw is added and the result clipped to [0, 1].
 */
export const CORRUPTION = { dropProbability: 0.3, noiseDeviation: 0.3 } as const;

export const PIXELS = GLYPH_SIZE * GLYPH_SIZE;

export interface DenoisingShape {
  trainSize: number;
  testSize: number;
}

/** The hidden dataset's shape; the reference trains on it in a few seconds of CPU time. */
export const HIDDEN_SHAPE: DenoisingShape = { trainSize: 1000, testSize: 500 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: DenoisingShape = { trainSize: 300, testSize: 100 };

/** Returns a corrupted copy of `image`, rounded to 3 decimals like the clean images. */
export function corrupt(random: Random, image: readonly number[]): number[] {
  return image.map((value) => {
    if (random.float() < CORRUPTION.dropProbability) return 0;
    const noisy = value + CORRUPTION.noiseDeviation * random.normal();
    return Math.round(Math.min(1, Math.max(0, noisy)) * 1000) / 1000;
  });
}

export function makeDataset(random: Random, shape: DenoisingShape): TrainingDataset {
  const train = drawGlyphSet(random, shape.trainSize).images;
  const test = drawGlyphSet(random, shape.testSize).images;
  const trainInput: DenoisingTrainInput = { images: train, noisyImages: train.map((image) => corrupt(random, image)) };
  const testInput: DenoisingTestInput = { noisyImages: test.map((image) => corrupt(random, image)) };
  return {
    trainInput: trainInput as unknown as TrainingDataset['trainInput'],
    testInput: testInput as unknown as TrainingDataset['testInput'],
    testTargets: test,
  };
}

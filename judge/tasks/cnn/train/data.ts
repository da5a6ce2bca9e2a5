import { drawGlyphSet, GLYPH_CLASSES, GLYPH_SIZE } from '../../../data/glyphs';
import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * Glyph classification: 12 × 12 grayscale images of ten digit-like glyphs (judge/data/glyphs.ts),
 * each drawn with a random rotation, scale, shear, shift and stroke width, plus Gaussian pixel
 * noise of deviation `noise` clipped to [0, 1]. The label is the glyph's class, 0 … 9.
 */
export interface GlyphTrainInput {
  /** [n, 12, 12] intensities in [0, 1], row by row. */
  images: number[][][];
  /** [n], classes 0 … 9. */
  labels: number[];
}

export interface GlyphTestInput {
  images: number[][][];
}

export interface GlyphDatasetShape {
  trainSize: number;
  testSize: number;
  noise: number;
}

/** The hidden dataset's shape; the reference trains on it in a few seconds of CPU time. */
export const HIDDEN_SHAPE: GlyphDatasetShape = { trainSize: 1000, testSize: 500, noise: 0.15 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: GlyphDatasetShape = { trainSize: 200, testSize: 100, noise: 0.15 };

export { GLYPH_CLASSES, GLYPH_SIZE };

/** Reshapes flat glyphs into rows and adds clipped Gaussian noise, rounded to 3 decimals. */
function noisyImages(random: Random, flat: number[][], noise: number): number[][][] {
  return flat.map((pixels) =>
    Array.from({ length: GLYPH_SIZE }, (_, row) =>
      pixels.slice(row * GLYPH_SIZE, (row + 1) * GLYPH_SIZE).map((value) => Math.round(Math.min(1, Math.max(0, value + random.normal(0, noise))) * 1000) / 1000),
    ),
  );
}

export function makeDataset(random: Random, shape: GlyphDatasetShape): TrainingDataset {
  const train = drawGlyphSet(random, shape.trainSize);
  const test = drawGlyphSet(random, shape.testSize);
  return {
    trainInput: { images: noisyImages(random, train.images, shape.noise), labels: train.labels },
    testInput: { images: noisyImages(random, test.images, shape.noise) },
    testTargets: test.labels,
  };
}

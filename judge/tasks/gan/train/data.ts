import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * The distribution-learning task: a ring of eight equally weighted Gaussians in the plane, the
 * standard test for mode collapse. Each dataset draws the ring's rotation and centre; radius and
 * deviation are fixed so that metric values are comparable across datasets.
 */
export interface RingTrainInput {
  /** [n, 2] points of the ring. */
  samples: number[][];
  /** Columns of the noise that predict() receives. */
  latentDim: number;
}

export interface RingTestInput {
  /** [m, latentDim] standard normal noise. */
  noise: number[][];
}

export interface RingTargets {
  /** [m, 2] held-out points of the ring, never shown to the model. */
  heldOut: number[][];
  /** [8, 2] centres of the Gaussians. */
  centres: number[][];
  deviation: number;
}

export const RING = { modes: 8, radius: 2, deviation: 0.15, maxCentreOffset: 0.5 } as const;
export const LATENT_DIM = 4;

export interface RingShape {
  trainSize: number;
  testSize: number;
}

/** The hidden dataset's shape; the reference trains on it in a few seconds of CPU time. */
export const HIDDEN_SHAPE: RingShape = { trainSize: 1024, testSize: 2000 };

/** The public sample dataset's shape. */
export const SAMPLE_SHAPE: RingShape = { trainSize: 512, testSize: 500 };

const round4 = (value: number) => Math.round(value * 1e4) / 1e4 + 0;

/** Draws a point of a mode chosen uniformly among the centres. */
function ringPoint(random: Random, centres: number[][]): number[] {
  const centre = centres[random.int(0, centres.length - 1)];
  return [round4(centre[0] + RING.deviation * random.normal()), round4(centre[1] + RING.deviation * random.normal())];
}

export function makeDataset(random: Random, shape: RingShape): TrainingDataset {
  const phase = random.uniform(0, (2 * Math.PI) / RING.modes);
  const offset = [random.uniform(-RING.maxCentreOffset, RING.maxCentreOffset), random.uniform(-RING.maxCentreOffset, RING.maxCentreOffset)];
  const centres = Array.from({ length: RING.modes }, (_, k) => {
    const angle = phase + (2 * Math.PI * k) / RING.modes;
    return [offset[0] + RING.radius * Math.cos(angle), offset[1] + RING.radius * Math.sin(angle)];
  });

  const samples = Array.from({ length: shape.trainSize }, () => ringPoint(random, centres));
  const heldOut = Array.from({ length: shape.testSize }, () => ringPoint(random, centres));
  const noise = Array.from({ length: shape.testSize }, () => Array.from({ length: LATENT_DIM }, () => round4(random.normal())));

  const trainInput: RingTrainInput = { samples, latentDim: LATENT_DIM };
  const testInput: RingTestInput = { noise };
  const targets: RingTargets = { heldOut, centres, deviation: RING.deviation };
  return {
    trainInput: trainInput as unknown as TrainingDataset['trainInput'],
    testInput: testInput as unknown as TrainingDataset['testInput'],
    testTargets: targets as unknown as TrainingDataset['testTargets'],
  };
}

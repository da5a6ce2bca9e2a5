import { beforeAll, describe, expect, it } from 'vitest';
import { trainingTask } from '@/judge/tasks/gan';
import { HIDDEN_SHAPE, LATENT_DIM, RING, type RingTargets, type RingTestInput, type RingTrainInput } from '@/judge/tasks/gan/train/data';
import { coveredModes, energyDistance, gaussianBaselinePoints, MISSED_MODE_PENALTY } from '@/judge/tasks/gan/train';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { drawHiddenDataset, fixtureFile, type HostTrainingRun, installGlobalTf, installWasmTf, trainOnHost } from './train-helpers';

/** Wall-clock allowance of a test that trains models: their CPU time is asserted separately. */
const TRAINING_TIMEOUT_MS = 300_000;

const SECRET = 'gan-train-test';

const hiddenDataset = (secret = SECRET): TrainingDataset => drawHiddenDataset(trainingTask, secret);

const fixturePath = (file: string): string => fixtureFile('gan-train', file);

describe('gan-train data', () => {
  it('generates the same hidden dataset from the same secret and another from another', () => {
    expect(hiddenDataset('alpha')).toEqual(hiddenDataset('alpha'));
    expect(hiddenDataset('alpha')).not.toEqual(hiddenDataset('beta'));
    expect(trainingTask.sampleDataset()).toEqual(trainingTask.sampleDataset());
  });

  it('draws a ring of eight Gaussians and standard normal noise', () => {
    const dataset = hiddenDataset();
    const train = dataset.trainInput as unknown as RingTrainInput;
    const test = dataset.testInput as unknown as RingTestInput;
    const targets = dataset.testTargets as unknown as RingTargets;
    expect(train.samples).toHaveLength(HIDDEN_SHAPE.trainSize);
    expect(train.latentDim).toBe(LATENT_DIM);
    expect(test.noise).toHaveLength(HIDDEN_SHAPE.testSize);
    expect(test.noise.every((row) => row.length === LATENT_DIM)).toBe(true);
    expect(targets.centres).toHaveLength(RING.modes);
    // Every training point lies within five deviations of a centre, and every centre is used.
    const nearest = train.samples.map((p) => {
      const distances = targets.centres.map((c) => Math.hypot(p[0] - c[0], p[1] - c[1]));
      return distances.indexOf(Math.min(...distances));
    });
    train.samples.forEach((p, i) => {
      const c = targets.centres[nearest[i]];
      expect(Math.hypot(p[0] - c[0], p[1] - c[1])).toBeLessThan(5 * RING.deviation);
    });
    expect(new Set(nearest).size).toBe(RING.modes);
    const noise = test.noise.flat();
    const mean = noise.reduce((sum, z) => sum + z, 0) / noise.length;
    const variance = noise.reduce((sum, z) => sum + (z - mean) ** 2, 0) / noise.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});

describe('gan-train metric and grade', () => {
  const dataset = hiddenDataset();
  const targets = dataset.testTargets as unknown as RingTargets;
  const train = dataset.trainInput as unknown as RingTrainInput;

  it('scores ring samples and missed modes', () => {
    const fresh = hiddenDataset('fresh');
    const shift = (points: number[][]) => {
      // The same ring as the hidden one: move fresh points from their ring's centres to these.
      const other = fresh.testTargets as unknown as RingTargets;
      return points.map((p) => {
        const distances = other.centres.map((c) => Math.hypot(p[0] - c[0], p[1] - c[1]));
        const k = distances.indexOf(Math.min(...distances));
        return [p[0] - other.centres[k][0] + targets.centres[k][0], p[1] - other.centres[k][1] + targets.centres[k][1]];
      });
    };
    const points = shift((fresh.testTargets as unknown as RingTargets).heldOut);
    const metric = trainingTask.metric.evaluate(points, dataset.testTargets, dataset);
    expect(coveredModes(points, targets)).toBe(RING.modes);
    expect(metric).toBeLessThan(0.01);

    // Collapse the first mode onto the second: one mode is missed.
    const collapsed = points.map((p) => {
      const [first, second] = targets.centres;
      return Math.hypot(p[0] - first[0], p[1] - first[1]) < 3 * RING.deviation ? [p[0] - first[0] + second[0], p[1] - first[1] + second[1]] : p;
    });
    expect(coveredModes(collapsed, targets)).toBe(RING.modes - 1);
    expect(trainingTask.metric.evaluate(collapsed, dataset.testTargets, dataset)).toBeCloseTo(
      energyDistance(collapsed, targets.heldOut) + MISSED_MODE_PENALTY,
      12,
    );
  });

  it('rejects malformed output and copies of training points', () => {
    const noise = (dataset.testInput as unknown as RingTestInput).noise;
    expect(() => trainingTask.metric.evaluate(noise.map((z) => z.slice(0, 3)), dataset.testTargets, dataset)).toThrow(
      'predict() output[0] has length 3, expected 2 (predict() returns one 2-D point per noise row)',
    );
    const copies = noise.map((_, i) => train.samples[i % train.samples.length].slice());
    expect(() => trainingTask.metric.evaluate(copies, dataset.testTargets, dataset)).toThrow(
      `${noise.length} of the ${noise.length} generated points copy training points; at most 10% may`,
    );
  });

  it('scores the Gaussian baseline far from the ring', () => {
    expect(trainingTask.baseline(dataset)).toBe(trainingTask.metric.evaluate(gaussianBaselinePoints(dataset), dataset.testTargets, dataset));
    expect(trainingTask.baseline(dataset)).toBeGreaterThan(0.05);
  });

  it('accepts within 1.5 times the reference and gives linear partial credit below', () => {
    expect(trainingTask.grade(0.03, 0.02, 0.08)).toMatchObject({ accepted: true, score: 100 });
    expect(trainingTask.grade(0.055, 0.02, 0.08)).toMatchObject({ accepted: false, score: 50 });
    expect(trainingTask.grade(0.2, 0.02, 0.08)).toMatchObject({ accepted: false, score: 0 });
  });
});

describe('gan-train reference and fixtures on the host', () => {
  const dataset = hiddenDataset();
  let reference: HostTrainingRun;
  let baseline: number;

  beforeAll(async () => {
    installGlobalTf();
    baseline = trainingTask.baseline(dataset);
    reference = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
  }, TRAINING_TIMEOUT_MS);

  it('trains the reference well past the baseline within its CPU time', () => {
    expect(reference.metric).toBeLessThan(0.5 * baseline);
    expect(reference.trainCpuMs).toBeLessThan(15_000);
    expect(reference.lossHistory!.length).toBe(40);
    expect(trainingTask.grade(reference.metric, reference.metric, baseline).accepted).toBe(true);
  });

  it('trains the same reference model from the same seed', async () => {
    const short = { ...trainingTask.budget, maxEpochs: 3 };
    const first = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    const second = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    expect(first.lossHistory).toHaveLength(3);
    expect(second.lossHistory).toEqual(first.lossHistory);
    expect(second.metric).toBe(first.metric);
  }, TRAINING_TIMEOUT_MS);

  it('rejects the Gaussian and the ported seed answer', async () => {
    for (const file of ['wrong-gaussian.ts', 'wrong-seed-answer-port.ts']) {
      const run = await trainOnHost(fixturePath(file), trainingTask, dataset);
      expect(trainingTask.grade(run.metric, reference.metric, baseline), `${file}: ${run.metric}`).toMatchObject({ accepted: false, score: 0 });
    }
  }, TRAINING_TIMEOUT_MS);
});

// Runs last: the wasm backend stays active for the rest of this file.
describe('gan-train reference on the wasm backend', () => {
  it('trains the reference on wasm', async () => {
    const tf = await installWasmTf();
    expect(tf.getBackend()).toBe('wasm');
    const dataset = hiddenDataset();
    const run = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
    expect(run.metric).toBeLessThan(0.5 * trainingTask.baseline(dataset));
    expect(run.trainCpuMs).toBeLessThan(15_000);
  }, TRAINING_TIMEOUT_MS);
});

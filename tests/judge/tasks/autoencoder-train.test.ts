import { beforeAll, describe, expect, it } from 'vitest';
import { trainingTask } from '@/judge/tasks/autoencoder';
import { CORRUPTION, HIDDEN_SHAPE, PIXELS, type DenoisingTestInput, type DenoisingTrainInput } from '@/judge/tasks/autoencoder/train/data';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { drawHiddenDataset, fixtureFile, type HostTrainingRun, installGlobalTf, installWasmTf, trainOnHost } from './train-helpers';

/** Wall-clock allowance of a test that trains models: their CPU time is asserted separately. */
const TRAINING_TIMEOUT_MS = 300_000;

const SECRET = 'autoencoder-train-test';

const hiddenDataset = (secret = SECRET): TrainingDataset => drawHiddenDataset(trainingTask, secret);

const fixturePath = (file: string): string => fixtureFile('autoencoder-train', file);

describe('autoencoder-train data', () => {
  it('generates the same hidden dataset from the same secret and another from another', () => {
    expect(hiddenDataset('alpha')).toEqual(hiddenDataset('alpha'));
    expect(hiddenDataset('alpha')).not.toEqual(hiddenDataset('beta'));
    expect(trainingTask.sampleDataset()).toEqual(trainingTask.sampleDataset());
  });

  it('has the shapes and the corruption of the statement', () => {
    const dataset = hiddenDataset();
    const train = dataset.trainInput as unknown as DenoisingTrainInput;
    const test = dataset.testInput as unknown as DenoisingTestInput;
    const clean = dataset.testTargets as number[][];
    expect(train.images).toHaveLength(HIDDEN_SHAPE.trainSize);
    expect(train.noisyImages).toHaveLength(HIDDEN_SHAPE.trainSize);
    expect(test.noisyImages).toHaveLength(HIDDEN_SHAPE.testSize);
    expect(clean).toHaveLength(HIDDEN_SHAPE.testSize);
    const images = [...train.images, ...train.noisyImages, ...test.noisyImages, ...clean];
    expect(images.every((image) => image.length === PIXELS)).toBe(true);
    expect(images.every((image) => image.every((value) => value >= 0 && value <= 1))).toBe(true);

    // Dropped pixels: a clean pixel of at least 0.9 comes out exactly 0 only when dropped or when the
    // Gaussian noise is below −3 deviations, so the share of such zeros is close to the drop rate.
    let bright = 0;
    let zeroed = 0;
    train.images.forEach((image, i) =>
      image.forEach((value, j) => {
        if (value < 0.9) return;
        bright++;
        if (train.noisyImages[i][j] === 0) zeroed++;
      }),
    );
    expect(zeroed / bright).toBeGreaterThan(CORRUPTION.dropProbability - 0.03);
    expect(zeroed / bright).toBeLessThan(CORRUPTION.dropProbability + 0.03);
  });

  it('never gives the model the clean test images', () => {
    const dataset = hiddenDataset();
    const visible = JSON.stringify([dataset.trainInput, dataset.testInput]);
    const clean = dataset.testTargets as number[][];
    expect(visible.includes(JSON.stringify(clean[0]))).toBe(false);
  });
});

describe('autoencoder-train metric and grade', () => {
  const dataset = hiddenDataset();
  const clean = dataset.testTargets as number[][];

  it('is zero for a perfect restoration and rejects malformed output', () => {
    expect(trainingTask.metric.evaluate(clean, clean, dataset)).toBe(0);
    expect(() => trainingTask.metric.evaluate(clean.slice(1), clean, dataset)).toThrow(`predict() output has ${clean.length - 1} rows, expected ${clean.length}`);
    expect(() => trainingTask.metric.evaluate(clean.map((row) => row.slice(1)), clean, dataset)).toThrow('predict() output[0] has length 143, expected 144');
    expect(() => trainingTask.metric.evaluate(clean.map(() => new Array(PIXELS).fill(Number.NaN)), clean, dataset)).toThrow(
      'predict() output[0][0] = NaN, expected a finite number',
    );
  });

  it('takes the better of the identity and the mean image as the baseline', () => {
    const identity = trainingTask.metric.evaluate((dataset.testInput as unknown as DenoisingTestInput).noisyImages, clean, dataset);
    expect(trainingTask.baseline(dataset)).toBeLessThanOrEqual(identity);
    expect(trainingTask.baseline(dataset)).toBeGreaterThan(0.03);
  });

  it('accepts within 1.1 times the reference and gives linear partial credit below', () => {
    expect(trainingTask.grade(0.044, 0.04, 0.07)).toMatchObject({ accepted: true, score: 100 });
    expect(trainingTask.grade(0.057, 0.04, 0.07)).toMatchObject({ accepted: false, score: 50 });
    expect(trainingTask.grade(0.07, 0.04, 0.07)).toMatchObject({ accepted: false, score: 0 });
    expect(trainingTask.grade(0.09, 0.04, 0.07)).toMatchObject({ accepted: false, score: 0 });
    expect(trainingTask.grade(0.044, 0.04, 0.07).message.en).toBe(
      "Reconstruction MSE 0.0440 reaches the bar of 0.0440 (1.1 × the reference model's 0.0400).",
    );
  });
});

describe('autoencoder-train reference and fixtures on the host', () => {
  const dataset = hiddenDataset();
  let reference: HostTrainingRun;
  let baseline: number;

  beforeAll(async () => {
    installGlobalTf();
    baseline = trainingTask.baseline(dataset);
    reference = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
  }, TRAINING_TIMEOUT_MS);

  it('trains the reference well past the baseline within its CPU time', () => {
    expect(reference.metric).toBeLessThan(0.7 * baseline);
    expect(reference.trainCpuMs).toBeLessThan(15_000);
    expect(reference.lossHistory).toHaveLength(15);
    expect(reference.lossHistory!.at(-1)!).toBeLessThan(reference.lossHistory![0]);
    expect(trainingTask.grade(reference.metric, reference.metric, baseline).accepted).toBe(true);
  });

  it('trains the same reference model from the same seed', async () => {
    const short = { ...trainingTask.budget, maxEpochs: 2 };
    const first = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    const second = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    expect(first.lossHistory).toHaveLength(2);
    expect(second.lossHistory).toEqual(first.lossHistory);
    expect(second.metric).toBe(first.metric);
  }, TRAINING_TIMEOUT_MS);

  it('accepts a smaller denoiser', async () => {
    const run = await trainOnHost(fixturePath('accepted-single-hidden-layer.ts'), trainingTask, dataset);
    expect(trainingTask.grade(run.metric, reference.metric, baseline), `MSE ${run.metric} vs ${reference.metric}`).toMatchObject({
      accepted: true,
    });
  }, TRAINING_TIMEOUT_MS);

  it('rejects the identity and the ported seed answer', async () => {
    for (const file of ['wrong-identity.ts', 'wrong-seed-answer-port.ts']) {
      const run = await trainOnHost(fixturePath(file), trainingTask, dataset);
      const grade = trainingTask.grade(run.metric, reference.metric, baseline);
      expect(grade.accepted, `${file}: MSE ${run.metric}`).toBe(false);
      expect(grade.score, file).toBeLessThan(50);
    }
  }, TRAINING_TIMEOUT_MS);
});

// Runs last: the wasm backend stays active for the rest of this file.
describe('autoencoder-train reference on the wasm backend', () => {
  it('trains the reference on wasm', async () => {
    const tf = await installWasmTf();
    expect(tf.getBackend()).toBe('wasm');
    const dataset = hiddenDataset();
    const run = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
    expect(run.metric).toBeLessThan(0.7 * trainingTask.baseline(dataset));
    expect(run.trainCpuMs).toBeLessThan(15_000);
  }, TRAINING_TIMEOUT_MS);
});

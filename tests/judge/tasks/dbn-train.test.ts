import { beforeAll, describe, expect, it } from 'vitest';
import { trainingTask } from '@/judge/tasks/dbn';
import { FLIP_PROBABILITY, HIDDEN_SHAPE, PIXELS, type GlyphTestInput, type GlyphTrainInput } from '@/judge/tasks/dbn/train/data';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { drawHiddenDataset, fixtureFile, type HostTrainingRun, installGlobalTf, installWasmTf, trainOnHost } from './train-helpers';

/** Wall-clock allowance of a test that trains models: their CPU time is asserted separately. */
const TRAINING_TIMEOUT_MS = 300_000;

const SECRET = 'dbn-train-test';

const hiddenDataset = (secret = SECRET): TrainingDataset => drawHiddenDataset(trainingTask, secret);

const fixturePath = (file: string): string => fixtureFile('dbn-train', file);

describe('dbn-train data', () => {
  it('generates the same hidden dataset from the same secret and another from another', () => {
    expect(hiddenDataset('alpha')).toEqual(hiddenDataset('alpha'));
    expect(hiddenDataset('alpha')).not.toEqual(hiddenDataset('beta'));
    expect(trainingTask.sampleDataset()).toEqual(trainingTask.sampleDataset());
  });

  it('has binary images, balanced classes and the shapes of the statement', () => {
    const dataset = hiddenDataset();
    const train = dataset.trainInput as unknown as GlyphTrainInput;
    const test = dataset.testInput as unknown as GlyphTestInput;
    const labels = dataset.testTargets as number[];
    expect(train.images).toHaveLength(HIDDEN_SHAPE.trainSize);
    expect(test.images).toHaveLength(HIDDEN_SHAPE.testSize);
    expect(labels).toHaveLength(HIDDEN_SHAPE.testSize);
    for (const image of [...train.images, ...test.images]) {
      expect(image).toHaveLength(PIXELS);
      expect(image.every((pixel) => pixel === 0 || pixel === 1)).toBe(true);
    }
    for (const classes of [train.labels, labels]) {
      const counts = new Array<number>(10).fill(0);
      for (const label of classes) counts[label]++;
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
    // Flipped pixels light up the background: the corners of a glyph are background, so about
    // FLIP_PROBABILITY of them are 1.
    const corners = train.images.flatMap((image) => [image[0], image[11], image[132], image[143]]);
    const lit = corners.filter((pixel) => pixel === 1).length / corners.length;
    expect(lit).toBeGreaterThan(FLIP_PROBABILITY - 0.02);
    expect(lit).toBeLessThan(FLIP_PROBABILITY + 0.02);
  });
});

describe('dbn-train metric and grade', () => {
  const dataset = hiddenDataset();
  const labels = dataset.testTargets as number[];

  it('counts correct classes and rejects malformed output', () => {
    expect(trainingTask.metric.evaluate(labels, labels, dataset)).toBe(1);
    expect(trainingTask.metric.evaluate(labels.map((label) => (label + 1) % 10), labels, dataset)).toBe(0);
    expect(() => trainingTask.metric.evaluate(labels.slice(1), labels, dataset)).toThrow(
      `predict() output has length ${labels.length - 1}, expected ${labels.length} (predict() returns one class, 0 to 9, per test image)`,
    );
    expect(() => trainingTask.metric.evaluate(labels.map(() => 10), labels, dataset)).toThrow('predict() output[0] = 10, expected at most 9');
    expect(() => trainingTask.metric.evaluate(labels.map(() => 0.5), labels, dataset)).toThrow('predict() output[0] = 0.5, expected an integer');
  });

  it('takes the majority class as the baseline', () => {
    expect(trainingTask.baseline(dataset)).toBeCloseTo(0.1, 2);
  });

  it('accepts within 2 points of the reference and gives linear partial credit below', () => {
    expect(trainingTask.grade(0.86, 0.88, 0.1)).toMatchObject({ accepted: true, score: 100 });
    expect(trainingTask.grade(0.48, 0.88, 0.1)).toMatchObject({ accepted: false, score: 50 });
    expect(trainingTask.grade(0.1, 0.88, 0.1)).toMatchObject({ accepted: false, score: 0 });
    // A rounding error below the bar still reaches it; a thousandth below does not.
    expect(trainingTask.grade(0.86 - 1e-12, 0.88, 0.1)).toMatchObject({ accepted: true, score: 100 });
    expect(trainingTask.grade(0.859, 0.88, 0.1)).toMatchObject({ accepted: false, score: 99 });
    expect(trainingTask.grade(Number.NaN, 0.88, 0.1)).toMatchObject({ accepted: false, score: 0 });
    expect(trainingTask.grade(0.85, 0.88, 0.1).message['zh-CN']).toBe(
      '准确率 85.0% 未达到 86.0% 的要求（参考模型的 88.0% 减去 2 个百分点）。平凡基线为 10.0%；部分得分 98/100。',
    );
  });
});

describe('dbn-train reference and fixtures on the host', () => {
  const dataset = hiddenDataset();
  let reference: HostTrainingRun;
  let baseline: number;

  beforeAll(async () => {
    installGlobalTf();
    baseline = trainingTask.baseline(dataset);
    reference = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
  }, TRAINING_TIMEOUT_MS);

  it('trains the reference well past the baseline within its CPU time', () => {
    expect(reference.metric).toBeGreaterThan(baseline + 0.6);
    expect(reference.trainCpuMs).toBeLessThan(15_000);
    expect(reference.lossHistory).toHaveLength(20);
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

  it('accepts a plain ReLU network', async () => {
    const run = await trainOnHost(fixturePath('accepted-relu-mlp.ts'), trainingTask, dataset);
    expect(trainingTask.grade(run.metric, reference.metric, baseline), `accuracy ${run.metric} vs ${reference.metric}`).toMatchObject({
      accepted: true,
    });
  }, TRAINING_TIMEOUT_MS);

  it('rejects the majority class', async () => {
    const run = await trainOnHost(fixturePath('wrong-majority-class.ts'), trainingTask, dataset);
    expect(trainingTask.grade(run.metric, reference.metric, baseline)).toMatchObject({ accepted: false, score: 0 });
  });
});

// Runs last: the wasm backend stays active for the rest of this file.
describe('dbn-train reference on the wasm backend', () => {
  it('trains the reference on wasm', async () => {
    const tf = await installWasmTf();
    expect(tf.getBackend()).toBe('wasm');
    const dataset = hiddenDataset();
    const run = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
    expect(run.metric).toBeGreaterThan(trainingTask.baseline(dataset) + 0.6);
    expect(run.trainCpuMs).toBeLessThan(15_000);
  }, TRAINING_TIMEOUT_MS);
});

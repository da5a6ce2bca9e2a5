import { beforeAll, describe, expect, it } from 'vitest';
import { trainingTask } from '@/judge/tasks/cnn';
import { GLYPH_SIZE, HIDDEN_SHAPE, type GlyphTestInput, type GlyphTrainInput } from '@/judge/tasks/cnn/train/data';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { drawHiddenDataset, fixtureFile, type HostTrainingRun, installGlobalTf, installWasmTf, trainOnHost } from './train-helpers';

const SECRET = 'cnn-train-test';

const hiddenDataset = (secret = SECRET): TrainingDataset => drawHiddenDataset(trainingTask, secret);

const fixturePath = (file: string): string => fixtureFile('cnn-train', file);

describe('cnn-train data', () => {
  it('generates the same hidden dataset from the same secret and another from another', () => {
    expect(hiddenDataset('alpha')).toEqual(hiddenDataset('alpha'));
    expect(hiddenDataset('alpha')).not.toEqual(hiddenDataset('beta'));
    expect(trainingTask.sampleDataset()).toEqual(trainingTask.sampleDataset());
  });

  it('has 12 × 12 images in [0, 1] and balanced classes', () => {
    const dataset = hiddenDataset();
    const train = dataset.trainInput as unknown as GlyphTrainInput;
    const test = dataset.testInput as unknown as GlyphTestInput;
    expect(train.images).toHaveLength(HIDDEN_SHAPE.trainSize);
    expect(test.images).toHaveLength(HIDDEN_SHAPE.testSize);
    for (const image of [...train.images, ...test.images]) {
      expect(image).toHaveLength(GLYPH_SIZE);
      expect(image.every((row) => row.length === GLYPH_SIZE && row.every((value) => value >= 0 && value <= 1))).toBe(true);
    }
    const counts = new Array<number>(10).fill(0);
    for (const label of train.labels) counts[label]++;
    expect(counts).toEqual(new Array<number>(10).fill(HIDDEN_SHAPE.trainSize / 10));
  });
});

describe('cnn-train metric and grade', () => {
  const dataset = hiddenDataset();
  const labels = dataset.testTargets as number[];

  it('counts correct labels and rejects malformed output', () => {
    expect(trainingTask.metric.evaluate(labels, labels, dataset)).toBe(1);
    expect(() => trainingTask.metric.evaluate(labels.slice(1), labels, dataset)).toThrow(`predict() output has length ${labels.length - 1}, expected ${labels.length}`);
    expect(() => trainingTask.metric.evaluate(labels.map(() => 10), labels, dataset)).toThrow(
      'predict() output[0] = 10, expected at most 9 (predict() returns one class, 0 to 9, per test image)',
    );
  });

  it('takes the majority class as baseline', () => {
    expect(trainingTask.baseline(dataset)).toBeCloseTo(0.1, 1);
  });

  it('accepts within 3 points of the reference', () => {
    expect(trainingTask.grade(0.96, 0.99, 0.1)).toMatchObject({ accepted: true, score: 100 });
    expect(trainingTask.grade(0.53, 0.99, 0.1)).toMatchObject({ accepted: false, score: 50 });
    expect(trainingTask.grade(0.1, 0.99, 0.1)).toMatchObject({ accepted: false, score: 0 });
  });

  it('asks the judge for the cpu backend', () => {
    expect(trainingTask.backend).toBe('cpu');
  });
});

describe('cnn-train reference on the host', () => {
  const dataset = hiddenDataset();
  let reference: HostTrainingRun;
  let baseline: number;

  beforeAll(async () => {
    installGlobalTf();
    baseline = trainingTask.baseline(dataset);
    reference = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
  }, 120_000);

  it('classifies the glyphs within its CPU time', () => {
    expect(reference.metric).toBeGreaterThan(0.94);
    // NOTE: about 8 s on the cpu backend, whose conv2d filter gradient is slow.
    expect(reference.trainCpuMs).toBeLessThan(20_000);
    expect(reference.lossHistory).toHaveLength(3);
    expect(reference.lossHistory!.at(-1)!).toBeLessThan(0.2 * reference.lossHistory![0]);
    expect(trainingTask.grade(reference.metric, reference.metric, baseline).accepted).toBe(true);
  });

  it('trains the same reference model from the same seed', async () => {
    const short = { ...trainingTask.budget, maxEpochs: 1 };
    const first = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    const second = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    expect(second.lossHistory).toEqual(first.lossHistory);
    expect(second.metric).toBe(first.metric);
  }, 120_000);

  it('accepts another small CNN and rejects the trivial model', async () => {
    const other = await trainOnHost(fixturePath('accepted-valid-5x5.ts'), trainingTask, dataset);
    expect(trainingTask.grade(other.metric, reference.metric, baseline).accepted, `accuracy ${other.metric} vs ${reference.metric}`).toBe(true);
    const trivial = await trainOnHost(fixturePath('wrong-majority-class.ts'), trainingTask, dataset);
    expect(trainingTask.grade(trivial.metric, reference.metric, baseline)).toMatchObject({ accepted: false, score: 0 });
  }, 120_000);
});

// Runs last: the wasm backend stays active for the rest of this file.
describe('cnn-train on the wasm backend', () => {
  it('cannot train conv2d there, which is why the task asks for cpu', async () => {
    await installWasmTf();
    const dataset = trainingTask.sampleDataset();
    await expect(trainOnHost(trainingTask.referencePath, trainingTask, dataset, { ...trainingTask.budget, maxEpochs: 1 })).rejects.toThrow(
      "Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'",
    );
  }, 60_000);
});

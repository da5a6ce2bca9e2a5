import { beforeAll, describe, expect, it } from 'vitest';
import { trainingTask } from '@/judge/tasks/lstm';
import { HIDDEN_SHAPE, type RecallTestInput, type RecallTrainInput } from '@/judge/tasks/lstm/train/data';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { drawHiddenDataset, fixtureFile, type HostTrainingRun, installGlobalTf, installWasmTf, trainOnHost } from './train-helpers';

const SECRET = 'lstm-train-test';

const hiddenDataset = (secret = SECRET): TrainingDataset => drawHiddenDataset(trainingTask, secret);

const fixturePath = (file: string): string => fixtureFile('lstm-train', file);

describe('lstm-train data', () => {
  it('generates the same hidden dataset from the same secret and another from another', () => {
    expect(hiddenDataset('alpha')).toEqual(hiddenDataset('alpha'));
    expect(hiddenDataset('alpha')).not.toEqual(hiddenDataset('beta'));
    expect(trainingTask.sampleDataset()).toEqual(trainingTask.sampleDataset());
  });

  it('marks one early step whose symbol is the label', () => {
    const dataset = hiddenDataset();
    const train = dataset.trainInput as unknown as RecallTrainInput;
    const { steps, symbols, markerWindow, trainSize, testSize } = HIDDEN_SHAPE;
    expect(train.sequences).toHaveLength(trainSize);
    expect((dataset.testInput as unknown as RecallTestInput).sequences).toHaveLength(testSize);
    train.sequences.forEach((sequence, i) => {
      expect(sequence).toHaveLength(steps);
      expect(sequence.every((step) => step.length === symbols + 1 && step.slice(0, symbols).reduce((a, b) => a + b, 0) === 1)).toBe(true);
      const marked = sequence.flatMap((step, t) => (step[symbols] === 1 ? [t] : []));
      expect(marked).toHaveLength(1);
      expect(marked[0]).toBeLessThan(markerWindow);
      expect(sequence[marked[0]].indexOf(1)).toBe(train.labels[i]);
    });
    const counts = new Array<number>(symbols).fill(0);
    for (const label of train.labels) counts[label]++;
    expect(Math.min(...counts)).toBeGreaterThan(trainSize / symbols / 2);
  });
});

describe('lstm-train metric and grade', () => {
  const dataset = hiddenDataset();
  const labels = dataset.testTargets as number[];

  it('counts correct labels and rejects malformed output', () => {
    expect(trainingTask.metric.evaluate(labels, labels, dataset)).toBe(1);
    expect(trainingTask.metric.evaluate(labels.map((label) => (label + 1) % 4), labels, dataset)).toBe(0);
    expect(() => trainingTask.metric.evaluate(labels.map(() => 4), labels, dataset)).toThrow(
      'predict() output[0] = 4, expected at most 3 (predict() returns one symbol, 0 to 3, per test sequence)',
    );
    expect(() => trainingTask.metric.evaluate(labels.map(() => 0.5), labels, dataset)).toThrow('predict() output[0] = 0.5, expected an integer');
  });

  it('takes the majority training label as the baseline', () => {
    const baseline = trainingTask.baseline(dataset);
    expect(baseline).toBeGreaterThan(0.15);
    expect(baseline).toBeLessThan(0.35);
  });

  it('accepts within 5 points of the reference and gives linear partial credit below', () => {
    expect(trainingTask.grade(0.95, 1, 0.25)).toMatchObject({ accepted: true, score: 100 });
    expect(trainingTask.grade(0.6, 1, 0.25)).toMatchObject({ accepted: false, score: 50 });
    expect(trainingTask.grade(0.25, 1, 0.25)).toMatchObject({ accepted: false, score: 0 });
    expect(trainingTask.grade(0.949, 1, 0.25).accepted).toBe(false);
  });
});

describe('lstm-train reference on the host', () => {
  const dataset = hiddenDataset();
  let reference: HostTrainingRun;

  beforeAll(async () => {
    installGlobalTf();
    reference = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
  }, 180_000);

  it('learns to recall the marked symbol within its CPU time', () => {
    expect(reference.metric).toBeGreaterThan(0.9);
    // NOTE: about 10 s on the cpu backend, whose non-contiguous slices make the LSTM gates slow.
    // The wasm backend, which the judge prefers, takes about 4 s.
    expect(reference.trainCpuMs).toBeLessThan(20_000);
    expect(reference.lossHistory).toHaveLength(10);
    expect(reference.lossHistory!.at(-1)!).toBeLessThan(0.3 * reference.lossHistory![0]);
    expect(trainingTask.grade(reference.metric, reference.metric, trainingTask.baseline(dataset)).accepted).toBe(true);
  });

  it('trains the same reference model from the same seed', async () => {
    const short = { ...trainingTask.budget, maxEpochs: 1 };
    const first = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    const second = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    expect(first.lossHistory).toHaveLength(1);
    expect(second.lossHistory).toEqual(first.lossHistory);
    expect(second.metric).toBe(first.metric);
  }, 120_000);

  it('rejects the trivial model', async () => {
    const baseline = trainingTask.baseline(dataset);
    const run = await trainOnHost(fixturePath('wrong-majority-class.ts'), trainingTask, dataset);
    expect(run.metric).toBe(baseline);
    expect(trainingTask.grade(run.metric, reference.metric, baseline)).toMatchObject({ accepted: false, score: 0 });
  });
});

// Runs last: the wasm backend stays active for the rest of this file.
describe('lstm-train on the wasm backend', () => {
  const dataset = hiddenDataset();
  let reference: HostTrainingRun;
  let baseline: number;

  beforeAll(async () => {
    const tf = await installWasmTf();
    expect(tf.getBackend()).toBe('wasm');
    baseline = trainingTask.baseline(dataset);
    reference = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
  }, 120_000);

  it('trains the reference with every kernel and gradient it needs', () => {
    expect(reference.metric).toBeGreaterThan(0.9);
    expect(reference.trainCpuMs).toBeLessThan(10_000);
  });

  it('accepts a wider LSTM', async () => {
    const run = await trainOnHost(fixturePath('accepted-wider-lstm.ts'), trainingTask, dataset);
    expect(trainingTask.grade(run.metric, reference.metric, baseline).accepted, `accuracy ${run.metric} vs ${reference.metric}`).toBe(true);
  }, 180_000);

  it('rejects a simple RNN and the ported seed answer', async () => {
    for (const file of ['wrong-simple-rnn.ts', 'wrong-seed-answer-port.ts']) {
      const run = await trainOnHost(fixturePath(file), trainingTask, dataset);
      expect(trainingTask.grade(run.metric, reference.metric, baseline).accepted, `${file}: accuracy ${run.metric}`).toBe(false);
      expect(run.metric, file).toBeLessThan(0.85);
    }
  }, 300_000);
});

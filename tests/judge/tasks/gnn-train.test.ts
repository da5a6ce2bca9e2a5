import { beforeAll, describe, expect, it } from 'vitest';
import { trainingTask } from '@/judge/tasks/gnn';
import { HIDDEN_SHAPE, type GraphTestInput, type GraphTrainInput } from '@/judge/tasks/gnn/train/data';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { drawHiddenDataset, fixtureFile, type HostTrainingRun, installGlobalTf, installWasmTf, trainOnHost } from './train-helpers';

const SECRET = 'gnn-train-test';

const hiddenDataset = (secret = SECRET): TrainingDataset => drawHiddenDataset(trainingTask, secret);

const fixturePath = (file: string): string => fixtureFile('gnn-train', file);

describe('gnn-train data', () => {
  it('generates the same hidden dataset from the same secret and another from another', () => {
    expect(hiddenDataset('alpha')).toEqual(hiddenDataset('alpha'));
    expect(hiddenDataset('alpha')).not.toEqual(hiddenDataset('beta'));
    expect(trainingTask.sampleDataset()).toEqual(trainingTask.sampleDataset());
  });

  it('labels a few nodes per class and asks for other nodes', () => {
    const dataset = hiddenDataset();
    const train = dataset.trainInput as unknown as GraphTrainInput;
    const test = dataset.testInput as unknown as GraphTestInput;
    const n = HIDDEN_SHAPE.nodesPerClass * HIDDEN_SHAPE.classes;
    expect(train.features).toHaveLength(n);
    expect(train.features.every((row) => row.length === HIDDEN_SHAPE.featureDim)).toBe(true);
    expect(train.trainNodes).toHaveLength(HIDDEN_SHAPE.labelsPerClass * HIDDEN_SHAPE.classes);
    expect(test.nodes).toHaveLength(HIDDEN_SHAPE.testSize);
    const labelled = new Set(train.trainNodes);
    expect(labelled.size).toBe(train.trainNodes.length);
    expect(test.nodes.some((node) => labelled.has(node))).toBe(false);
    expect(new Set(test.nodes).size).toBe(test.nodes.length);
    for (let c = 0; c < HIDDEN_SHAPE.classes; c++) expect(train.trainLabels.filter((label) => label === c)).toHaveLength(HIDDEN_SHAPE.labelsPerClass);
    expect(train.edges.every(([a, b]) => Number.isInteger(a) && a < b && b < n)).toBe(true);
  });

  it('joins most nodes to their own class', () => {
    const dataset = hiddenDataset();
    const train = dataset.trainInput as unknown as GraphTrainInput;
    const test = dataset.testInput as unknown as GraphTestInput;
    const classOf = new Map<number, number>();
    train.trainNodes.forEach((node, i) => classOf.set(node, train.trainLabels[i]));
    test.nodes.forEach((node, i) => classOf.set(node, (dataset.testTargets as number[])[i]));
    const known = train.edges.filter(([a, b]) => classOf.has(a) && classOf.has(b));
    const inside = known.filter(([a, b]) => classOf.get(a) === classOf.get(b)).length;
    // pIn = 0.05 within a class of 100 and pOut = 0.005 towards 300 others: about 3.3 of 4 edges inside.
    expect(inside / known.length).toBeGreaterThan(0.7);
    const degree = (2 * train.edges.length) / train.features.length;
    expect(degree).toBeGreaterThan(4);
    expect(degree).toBeLessThan(8);
  });
});

describe('gnn-train metric and grade', () => {
  const dataset = hiddenDataset();
  const labels = dataset.testTargets as number[];

  it('counts correct labels and rejects malformed output', () => {
    expect(trainingTask.metric.evaluate(labels, labels, dataset)).toBe(1);
    expect(() => trainingTask.metric.evaluate(labels.map(() => -1), labels, dataset)).toThrow(
      'predict() output[0] = -1, expected at least 0 (predict() returns one class, 0 to 3, per test node)',
    );
  });

  it('takes the majority class as baseline', () => {
    const baseline = trainingTask.baseline(dataset);
    expect(baseline).toBeGreaterThan(0.15);
    expect(baseline).toBeLessThan(0.35);
  });

  it('accepts within 5 points of the reference', () => {
    expect(trainingTask.grade(0.9, 0.95, 0.25)).toMatchObject({ accepted: true, score: 100 });
    expect(trainingTask.grade(0.575, 0.95, 0.25)).toMatchObject({ accepted: false, score: 50 });
  });
});

describe('gnn-train reference on the host', () => {
  const dataset = hiddenDataset();
  let reference: HostTrainingRun;
  let baseline: number;

  beforeAll(async () => {
    installGlobalTf();
    baseline = trainingTask.baseline(dataset);
    reference = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
  }, 120_000);

  it('classifies the nodes within its CPU time', () => {
    expect(reference.metric).toBeGreaterThan(0.88);
    expect(reference.trainCpuMs).toBeLessThan(10_000);
    expect(reference.lossHistory).toHaveLength(200);
    expect(reference.lossHistory!.at(-1)!).toBeLessThan(0.5 * reference.lossHistory![0]);
    expect(trainingTask.grade(reference.metric, reference.metric, baseline).accepted).toBe(true);
  });

  it('trains the same reference model from the same seed', async () => {
    const short = { ...trainingTask.budget, maxEpochs: 5 };
    const first = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    const second = await trainOnHost(trainingTask.referencePath, trainingTask, dataset, short);
    expect(first.lossHistory).toHaveLength(5);
    expect(second.lossHistory).toEqual(first.lossHistory);
    expect(second.metric).toBe(first.metric);
  }, 60_000);

  it('accepts a simplified graph convolution', async () => {
    const run = await trainOnHost(fixturePath('accepted-simplified-gcn.ts'), trainingTask, dataset);
    expect(trainingTask.grade(run.metric, reference.metric, baseline).accepted, `accuracy ${run.metric} vs ${reference.metric}`).toBe(true);
  }, 60_000);

  it('rejects every model that ignores the graph', async () => {
    for (const file of ['wrong-majority-class.ts', 'wrong-seed-answer-port.ts', 'wrong-mlp-on-features.ts']) {
      const run = await trainOnHost(fixturePath(file), trainingTask, dataset);
      expect(trainingTask.grade(run.metric, reference.metric, baseline).accepted, `${file}: accuracy ${run.metric}`).toBe(false);
      expect(run.metric, file).toBeLessThan(reference.metric - 0.15);
    }
  }, 60_000);
});

// Runs last: the wasm backend stays active for the rest of this file.
describe('gnn-train on the wasm backend', () => {
  it('trains the reference on wasm as well as on cpu', async () => {
    const tf = await installWasmTf();
    expect(tf.getBackend()).toBe('wasm');
    const dataset = hiddenDataset();
    const run = await trainOnHost(trainingTask.referencePath, trainingTask, dataset);
    expect(run.metric).toBeGreaterThan(0.88);
    expect(run.trainCpuMs).toBeLessThan(10_000);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomFromSecret, randomFromSeed } from '@/judge/data/random';
import { trainingTask as task } from '@/judge/tasks/transformer';
import { HIDDEN_SHAPE, makeDataset, type SortTrainInput } from '@/judge/tasks/transformer/train/data';
import { trainingTaskRegistry } from '@/judge/tasks/training-registry';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { listFixtures } from './host-judge';
import { cpuSeconds, installTrainingTf, judgeTrainingOnHost, trainAndEvaluate, uninstallTrainingTf } from './neural-helpers';

const SECRET = 'transformer-train-test';

function hidden(secret: string): TrainingDataset {
  return task.hiddenDataset(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

/**
 * Reads the dataset's order of the tokens off the training pairs. A token's rank is the number of
 * tokens seen right before it in some target, which is exact once every pair has been adjacent.
 */
function orderOf(train: SortTrainInput): number[] {
  const before = new Set<string>();
  for (const target of train.targets) {
    for (let i = 1; i < target.length; i++) if (target[i - 1] !== target[i]) before.add(`${target[i - 1]}<${target[i]}`);
  }
  const tokens = Array.from({ length: train.vocabSize }, (_, token) => token);
  const rank = (token: number) => tokens.filter((other) => before.has(`${other}<${token}`)).length;
  return tokens.sort((a, b) => rank(a) - rank(b));
}

describe('transformer-train data', () => {
  it('dataset is deterministic per secret', () => {
    expect(hidden('alpha')).toEqual(hidden('alpha'));
    expect(hidden('alpha')).not.toEqual(hidden('beta'));
    expect(task.sampleDataset()).toEqual(task.sampleDataset());
  });

  it('targets follow one hidden order', () => {
    const train = hidden(SECRET).trainInput as unknown as SortTrainInput;
    expect(train.inputs).toHaveLength(HIDDEN_SHAPE.trainSize);
    const order = orderOf(train);
    const rank = (token: number) => order.indexOf(token);
    train.inputs.forEach((input, i) => {
      expect(train.targets[i]).toEqual(input.slice().sort((a, b) => rank(a) - rank(b)));
    });
    expect(orderOf(hidden('another').trainInput as unknown as SortTrainInput)).not.toEqual(order);
    expect(orderOf(task.sampleDataset().trainInput as unknown as SortTrainInput)).toEqual([0, 2, 4, 5, 3, 1]);
  });

  it('per-position baseline near 46%', () => {
    const baseline = task.baseline(hidden(SECRET));
    expect(baseline).toBeGreaterThan(0.4);
    expect(baseline).toBeLessThan(0.52);
  });
});

describe('transformer-train metric and grade', () => {
  const dataset = makeDataset(randomFromSeed(3), { trainSize: 5, testSize: 2, length: 6, vocabSize: 6 });
  const targets = dataset.testTargets as number[][];

  it('counts correct positions', () => {
    expect(task.metric.evaluate(targets, targets, dataset)).toBe(1);
    const half = targets.map((row) => row.map((token, t) => (t < 3 ? token : (token + 1) % 6)));
    expect(task.metric.evaluate(half, targets, dataset)).toBe(0.5);
  });

  it('rejects malformed predictions with a message', () => {
    expect(() => task.metric.evaluate([targets[0]], targets, dataset)).toThrow('predict() output has 1 rows, expected 2');
    expect(() => task.metric.evaluate([targets[0], [0, 1, 2]], targets, dataset)).toThrow('predict() output[1] has length 3, expected 6');
    expect(() => task.metric.evaluate([targets[0], [0, 1, 2, 3, 4, 6]], targets, dataset)).toThrow('predict() output[1][5] = 6, expected a token in 0..5');
  });

  it('bar and partial credit', () => {
    expect(task.grade(0.98, 0.999, 0.46).accepted).toBe(true);
    expect(task.grade(0.97, 0.999, 0.46)).toMatchObject({ accepted: false, score: 98 });
    expect(task.grade(0.46, 0.999, 0.46)).toMatchObject({ accepted: false, score: 0 });
  });

  it('registered and ready', () => {
    expect(trainingTaskRegistry.get('transformer-train')).toBe(task);
    expect(task.ready).toBe(true);
  });
});

describe('transformer-train reference on the cpu backend', () => {
  beforeAll(() => installTrainingTf('cpu'));
  afterAll(() => uninstallTrainingTf());

  it('reference learns hidden data in time', { timeout: 300_000 }, async () => {
    const dataset = hidden(SECRET);
    const { seconds, result: accuracy } = await cpuSeconds(() => trainAndEvaluate(task.referencePath, task, dataset));
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
    expect(task.grade(task.baseline(dataset), accuracy, task.baseline(dataset)).accepted).toBe(false);
    // The statement quotes about 5 s on this machine; the bound leaves room for a loaded machine.
    expect(seconds).toBeLessThan(20);
  });
});

describe('transformer-train on the wasm backend', () => {
  beforeAll(() => installTrainingTf('wasm'));
  afterAll(async () => {
    await installTrainingTf('cpu');
    uninstallTrainingTf();
  });

  it('wasm loss curve matches cpu', { timeout: 120_000 }, async () => {
    const dataset = task.sampleDataset();
    const budget = { ...task.budget, maxEpochs: 2 };
    const reference = (await import(task.referencePath)) as { train: (input: unknown, budget: unknown) => Promise<{ lossHistory: number[] }> };
    const onWasm = (await reference.train(structuredClone(dataset.trainInput), budget)).lossHistory;
    await installTrainingTf('cpu');
    const onCpu = (await reference.train(structuredClone(dataset.trainInput), budget)).lossHistory;
    await installTrainingTf('wasm');
    expect(onWasm).toHaveLength(2);
    onWasm.forEach((loss, epoch) => expect(loss).toBeCloseTo(onCpu[epoch], 3));
  });

  describe('fixtures', () => {
    const dataset = hidden('host-fixtures');
    let reference = 0;
    beforeAll(async () => {
      reference = await trainAndEvaluate(task.referencePath, task, dataset);
    }, 120_000);

    const fixtures = listFixtures('transformer-train').filter((fixture) => fixture.expected !== 'memory_limit_exceeded');
    it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', { timeout: 120_000 }, async (_, fixture) => {
      const outcome = await judgeTrainingOnHost(fixture.path, task, dataset, reference);
      expect(outcome.verdict, outcome.message).toBe(fixture.expected);
    });

    it('leaking fixture keeps its tensors', { timeout: 120_000 }, async () => {
      const tf = (globalThis as unknown as { tf: typeof import('@tensorflow/tfjs-core') }).tf;
      const [fixture] = listFixtures('transformer-train').filter((entry) => entry.expected === 'memory_limit_exceeded');
      const module = (await import(fixture.path)) as { train: (input: unknown, budget: unknown) => Promise<unknown> };
      const before = tf.memory();
      await module.train(structuredClone(task.sampleDataset().trainInput), { ...task.budget, maxEpochs: 2 });
      expect(tf.memory().numBytes - before.numBytes).toBeGreaterThanOrEqual(4 * 16 * 2 ** 20);
    });
  });
});

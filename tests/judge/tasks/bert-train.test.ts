import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomFromSecret, randomFromSeed } from '@/judge/data/random';
import { trainingTask as task } from '@/judge/tasks/bert';
import {
  HIDDEN_SHAPE,
  isGrammatical,
  makeDataset,
  MASK_TOKEN_ID,
  SENTENCE_LENGTH,
  VOCABULARY,
  type MaskedLmTestInput,
  type MaskedLmTrainInput,
} from '@/judge/tasks/bert/train/data';
import { trainingTaskRegistry } from '@/judge/tasks/training-registry';
import type { TrainingDataset } from '@/judge/tasks/training-types';
import { listFixtures, type Fixture } from './host-judge';
import {
  cpuSeconds,
  installTrainingTf,
  judgeTrainingOnHost,
  trainAndEvaluate,
  uninstallTrainingTf,
  type TrainingOutcome,
} from './neural-helpers';

const SECRET = 'bert-train-test';

function source(secret: string) {
  return randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden');
}

function hidden(secret: string): TrainingDataset {
  return task.hiddenDataset(source(secret));
}

/** Returns the word of each token id of a dataset; makeDataset draws its permutation first, so the same source reproduces it. */
function wordsOf(secret: string): (id: number) => string {
  const idOf = [MASK_TOKEN_ID, ...source(secret).shuffle(Array.from({ length: VOCABULARY.length - 1 }, (_, i) => i + 1))];
  return (id) => VOCABULARY[idOf.indexOf(id)];
}

describe('bert-train data', () => {
  it('dataset is deterministic per secret', () => {
    expect(hidden('alpha')).toEqual(hidden('alpha'));
    expect(hidden('alpha')).not.toEqual(hidden('beta'));
    expect(task.sampleDataset()).toEqual(task.sampleDataset());
  });

  it('grammatical sentences, permuted ids', () => {
    const dataset = hidden(SECRET);
    const train = dataset.trainInput as unknown as MaskedLmTrainInput;
    expect(train.sentences).toHaveLength(HIDDEN_SHAPE.trainSize);
    expect(train.vocabSize).toBe(36);
    expect(train.maskTokenId).toBe(0);
    const word = wordsOf(SECRET);
    for (const sentence of train.sentences) {
      expect(sentence).toHaveLength(SENTENCE_LENGTH);
      expect(isGrammatical(sentence.map(word)), sentence.map(word).join(' ')).toBe(true);
    }
    const other = hidden('another').trainInput as unknown as MaskedLmTrainInput;
    expect(isGrammatical(other.sentences[0].map(wordsOf('another')))).toBe(true);
    expect(wordsOf('another')(1)).not.toBe(word(1));
  });

  it('one mask per test sentence', () => {
    const dataset = hidden(SECRET);
    const test = dataset.testInput as unknown as MaskedLmTestInput;
    const targets = dataset.testTargets as number[][];
    const word = wordsOf(SECRET);
    test.sentences.forEach((sentence, i) => {
      const masked = sentence.flatMap((token, position) => (token === MASK_TOKEN_ID ? [position] : []));
      expect(masked).toHaveLength(1);
      expect(targets[i]).toHaveLength(1);
      const restored = sentence.slice();
      restored[masked[0]] = targets[i][0];
      expect(isGrammatical(restored.map(word))).toBe(true);
    });
  });

  it('rejects ungrammatical sentences', () => {
    expect(isGrammatical(['two', 'rusty', 'keys', 'chase', 'two', 'noisy', 'birds'])).toBe(true);
    expect(isGrammatical(['a', 'rusty', 'keys', 'chase', 'two', 'noisy', 'birds'])).toBe(false);
    expect(isGrammatical(['two', 'furry', 'keys', 'chase', 'two', 'noisy', 'birds'])).toBe(false);
    expect(isGrammatical(['two', 'rusty', 'keys', 'chases', 'two', 'noisy', 'birds'])).toBe(false);
    expect(isGrammatical(['two', 'rusty', 'keys', 'eat', 'two', 'noisy', 'birds'])).toBe(false);
  });

  it('frequent-token baseline near 14%', () => {
    const baseline = task.baseline(hidden(SECRET));
    expect(baseline).toBeGreaterThan(0.1);
    expect(baseline).toBeLessThan(0.2);
  });
});

describe('bert-train metric and grade', () => {
  const dataset = makeDataset(randomFromSeed(5), { trainSize: 5, testSize: 3 });
  const targets = dataset.testTargets as number[][];

  it('counts correct masked tokens', () => {
    expect(task.metric.evaluate(targets, targets, dataset)).toBe(1);
    expect(task.metric.evaluate(targets.map(([token], i) => [i === 0 ? token : 0]), targets, dataset)).toBeCloseTo(1 / 3, 12);
  });

  it('rejects malformed predictions with a message', () => {
    expect(() => task.metric.evaluate([[1]], targets, dataset)).toThrow('predict() output has 1 rows, expected 3 rows (one per test sentence)');
    expect(() => task.metric.evaluate([[1], [1, 2], [1]], targets, dataset)).toThrow('predict() output[1] has length 2, expected 1');
    expect(() => task.metric.evaluate([[1], [36], [1]], targets, dataset)).toThrow('predict() output[1][0] = 36, expected at most 35');
  });

  it('bar and partial credit', () => {
    expect(task.grade(0.98, 1, 0.14).accepted).toBe(true);
    expect(task.grade(0.54, 1, 0.14)).toMatchObject({ accepted: false, score: 47 });
    expect(task.grade(0.14, 1, 0.14)).toMatchObject({ accepted: false, score: 0 });
  });

  it('registered and ready', () => {
    expect(trainingTaskRegistry.get('bert-train')).toBe(task);
    expect(task.ready).toBe(true);
  });
});

describe('bert-train reference on the cpu backend', () => {
  beforeAll(() => installTrainingTf('cpu'));
  afterAll(() => uninstallTrainingTf());

  it('reference learns hidden language in time', { timeout: 600_000 }, async () => {
    const dataset = hidden(SECRET);
    const { seconds, result: accuracy } = await cpuSeconds(() => trainAndEvaluate(task.referencePath, task, dataset));
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
    expect(task.grade(task.baseline(dataset), accuracy, task.baseline(dataset)).accepted).toBe(false);
    // The statement quotes about 30 s on this machine; the bound leaves room for a loaded machine.
    expect(seconds).toBeLessThan(90);
  });
});

describe('bert-train on the wasm backend', () => {
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
    }, 300_000);

    const fixtures = listFixtures('bert-train').filter((fixture) => fixture.expected !== 'memory_limit_exceeded');
    // Each fixture trains once; the later test reads the left-to-right model's outcome again.
    const outcomes = new Map<string, Promise<TrainingOutcome>>();
    const outcomeOf = (fixture: Fixture) => {
      if (!outcomes.has(fixture.file)) outcomes.set(fixture.file, judgeTrainingOnHost(fixture.path, task, dataset, reference));
      return outcomes.get(fixture.file)!;
    };

    it.each(fixtures.map((fixture) => [fixture.file, fixture] as const))('%s', { timeout: 300_000 }, async (_, fixture) => {
      const outcome = await outcomeOf(fixture);
      expect(outcome.verdict, outcome.message).toBe(fixture.expected);
    });

    it('left-to-right model misses right context', { timeout: 300_000 }, async () => {
      const outcome = await outcomeOf(fixtures.find((entry) => entry.file === 'wrong-left-context-only.ts')!);
      expect(outcome.metric).toBeGreaterThan(0.4);
      expect(outcome.metric).toBeLessThan(0.7);
    });

    it('leaking fixture keeps its tensors', { timeout: 120_000 }, async () => {
      const tf = (globalThis as unknown as { tf: typeof import('@tensorflow/tfjs-core') }).tf;
      const [fixture] = listFixtures('bert-train').filter((entry) => entry.expected === 'memory_limit_exceeded');
      const module = (await import(fixture.path)) as { train: (input: unknown, budget: unknown) => Promise<unknown> };
      const before = tf.memory();
      await module.train(structuredClone(task.sampleDataset().trainInput), { ...task.budget, maxEpochs: 2 });
      expect(tf.memory().numBytes - before.numBytes).toBeGreaterThanOrEqual(4 * 16 * 2 ** 20);
    });
  });
});

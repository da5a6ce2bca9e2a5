import path from 'node:path';
import { randomFromSeed, type Random } from '../../../../judge/data/random';
import { gradeAgainstBar } from '../../../../judge/tasks/training-grade';
import type { MetricDefinition, TrainingDataset, TrainingTaskDefinition } from '../../../../judge/tasks/training-types';
import type { Json, TaskLimits } from '../../../../judge/tasks/types';

/**
 * A test-only "train a model" part that trains in about a second: classify points of the two
 * interleaved half-moons (as scikit-learn's make_moons draws them) with 0/1 labels. The judge's own tests use it
 * to exercise the training pipeline, the worker and the sandbox without the real neural tasks.
 */

export interface MoonsTrainInput {
  points: number[][];
  labels: number[];
}

export interface MoonsTestInput {
  points: number[][];
}

/** The accuracy a candidate may lose against the reference and still be accepted. */
export const ACCURACY_MARGIN = 0.05;

function moons(random: Random, count: number, noise: number): { points: number[][]; labels: number[] } {
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const label = i % 2;
    const angle = random.uniform(0, Math.PI);
    const x = label === 0 ? Math.cos(angle) : 1 - Math.cos(angle);
    const y = label === 0 ? Math.sin(angle) : 0.5 - Math.sin(angle);
    points.push([x + random.normal(0, noise), y + random.normal(0, noise)]);
    labels.push(label);
  }
  return { points, labels };
}

/** Train and test points; two thirds of the training points belong to class 1, so majority voting scores about 2/3. */
export function moonsDataset(random: Random, trainCount: number, testCount: number): TrainingDataset {
  const train = moons(random, trainCount, 0.15);
  const test = moons(random, testCount, 0.15);
  // Keeps one class-0 training point in two, so that the classes are unbalanced.
  const kept = train.labels.map((label, index) => label === 1 || index % 4 === 0);
  const trainInput: MoonsTrainInput = { points: train.points.filter((_, i) => kept[i]), labels: train.labels.filter((_, i) => kept[i]) };
  const testInput: MoonsTestInput = { points: test.points };
  return { trainInput: trainInput as unknown as Json, testInput: testInput as unknown as Json, testTargets: test.labels };
}

export const moonsMetric: MetricDefinition = {
  name: { en: 'Accuracy', 'zh-CN': '准确率' },
  higherIsBetter: true,
  evaluate(predictions, targets) {
    const labels = targets as number[];
    if (!Array.isArray(predictions)) throw new Error(`predict() must return an array of ${labels.length} labels, not ${predictions === null ? 'null' : typeof predictions}`);
    if (predictions.length !== labels.length) throw new Error(`predict() returned ${predictions.length} labels for ${labels.length} test points`);
    let correct = 0;
    for (let i = 0; i < labels.length; i++) {
      const label = predictions[i];
      if (label !== 0 && label !== 1) throw new Error(`predictions[${i}] must be 0 or 1`);
      if (label === labels[i]) correct++;
    }
    return correct / labels.length;
  },
};

function majorityBaseline(dataset: TrainingDataset): number {
  const train = dataset.trainInput as unknown as MoonsTrainInput;
  const ones = train.labels.filter((label) => label === 1).length;
  const majority = ones * 2 >= train.labels.length ? 1 : 0;
  const labels = dataset.testTargets as number[];
  return labels.filter((label) => label === majority).length / labels.length;
}

// The wall-clock limit is ten times the CPU limit, so that an endless loop reaches the CPU limit first
// (which the tests check) unless the machine gives the sandbox less than a tenth of a core.
export const MOONS_LIMITS: TaskLimits = { cpuMsPerTest: 4_000, wallMsPerTest: 40_000, memoryMb: 128, sourceBytes: 16_384 };

/** Builds the two-moons part; variants change the slug or limits. */
export function createMoonsTask(overrides: Partial<TrainingTaskDefinition> = {}): TrainingTaskDefinition {
  return {
    slug: 'two-moons-train',
    taskSlug: 'two-moons',
    part: 'train',
    version: 1,
    functionName: 'train',
    topic: 'test',
    difficulty: 'easy',
    tags: ['test'],
    title: { 'zh-CN': '双月分类（测试用）', en: 'Two moons (test only)' },
    statement: { 'zh-CN': '训练一个二分类器。', en: 'Train a binary classifier.' },
    starterCode: 'export async function train(trainInput, budget) {\n  return { predict: (testInput) => testInput.points.map(() => 0) };\n}\n',
    limits: MOONS_LIMITS,
    ready: true,
    mode: 'training',
    referencePath: path.join(import.meta.dirname, 'reference.ts'),
    budget: { maxEpochs: 100, seed: 7 },
    metric: moonsMetric,
    sampleDataset: () => moonsDataset(randomFromSeed(11), 160, 100),
    hiddenDataset: (random) => moonsDataset(random, 400, 300),
    baseline: majorityBaseline,
    grade: (candidate, reference, baseline) =>
      gradeAgainstBar(candidate, baseline, {
        higherIsBetter: true,
        bar: reference - ACCURACY_MARGIN,
        metricName: moonsMetric.name,
        barSource: { en: `the reference's ${reference.toFixed(3)} minus ${ACCURACY_MARGIN}`, 'zh-CN': `参考模型的 ${reference.toFixed(3)} 减去 ${ACCURACY_MARGIN}` },
        format: (value) => value.toFixed(3),
      }),
    ...overrides,
  };
}

export const moonsTask = createMoonsTask();

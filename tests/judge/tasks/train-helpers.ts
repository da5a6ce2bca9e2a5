import { randomFromSecret } from '@/judge/data/random';
import { cpuTfNamespace } from '@/judge/tasks/tfjs-cpu';
import type { TrainedModel, TrainingDataset, TrainingTaskDefinition } from '@/judge/tasks/training-types';
import type { Json } from '@/judge/tasks/types';
import { listFixtures } from './host-judge';

type TrainFunction = (trainInput: Json, budget: TrainingTaskDefinition['budget']) => Promise<TrainedModel>;

export interface HostTrainingRun {
  metric: number;
  /** CPU time of train() in this process, in milliseconds (process.cpuUsage: user + system). */
  trainCpuMs: number;
  lossHistory: number[] | undefined;
}

/**
 * Makes TensorFlow.js on the cpu backend the global `tf` that training modules use, as the judge
 * does inside the isolate.
 */
export function installGlobalTf(): ReturnType<typeof cpuTfNamespace> {
  const tf = cpuTfNamespace();
  (globalThis as { tf?: unknown }).tf = tf;
  return tf;
}

/**
 * Registers the wasm backend, makes it the active one and installs the global `tf` on it. The
 * backend stays active for the rest of the test file (each file runs in its own worker), so call
 * this after the file's cpu tests.
 */
export async function installWasmTf(): Promise<ReturnType<typeof cpuTfNamespace>> {
  await import('@tensorflow/tfjs-backend-wasm');
  const tf = cpuTfNamespace();
  if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend of TensorFlow.js failed to initialise');
  (globalThis as { tf?: unknown }).tf = tf;
  return tf;
}

/**
 * Trains a module with the candidate's contract on the host and scores its predictions, as the
 * judge will: the module gets its own copies of the inputs, and the targets never reach it.
 * No sandbox and no limits, so this only checks metrics and grades. `budget` defaults to the task's.
 * The global `tf` must be installed first (installGlobalTf or installWasmTf).
 */
export async function trainOnHost(
  modulePath: string,
  task: TrainingTaskDefinition,
  dataset: TrainingDataset,
  budget: TrainingTaskDefinition['budget'] = task.budget,
): Promise<HostTrainingRun> {
  const module = (await import(modulePath)) as { train?: TrainFunction };
  if (typeof module.train !== 'function') throw new Error(`${modulePath} does not export train`);

  const start = process.cpuUsage();
  const model = await module.train(structuredClone(dataset.trainInput), { ...budget });
  const used = process.cpuUsage(start);
  const predictions = await model.predict(structuredClone(dataset.testInput));
  return {
    metric: task.metric.evaluate(predictions, dataset.testTargets, dataset),
    trainCpuMs: (used.user + used.system) / 1000,
    lossHistory: model.lossHistory,
  };
}

/** Draws a training part's hidden dataset from `secret` the way the judge does. */
export function drawHiddenDataset(task: TrainingTaskDefinition, secret: string): TrainingDataset {
  return task.hiddenDataset(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'));
}

/** Returns the path of one of a part's fixtures, and fails when the fixture is missing. */
export function fixtureFile(slug: string, file: string): string {
  const fixture = listFixtures(slug).find((entry) => entry.file === file);
  if (fixture === undefined) throw new Error(`no fixture ${file} for ${slug}`);
  return fixture.path;
}

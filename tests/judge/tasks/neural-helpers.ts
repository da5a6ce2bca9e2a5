import * as tfCore from '@tensorflow/tfjs-core';
import * as tfLayers from '@tensorflow/tfjs-layers';
import type { Tolerance } from '@/judge/checkers/numeric';
import type { NestedNumbers } from '@/judge/checkers/tensor';
import { cpuTf } from '@/judge/tasks/tfjs-cpu';
import type { TrainedModel, TrainingBudget, TrainingDataset, TrainingTaskDefinition } from '@/judge/tasks/training-types';
import type { Json, TaskDefinition } from '@/judge/tasks/types';

/**
 * Returns the largest |actual − expected| / (absolute + relative·|expected|) over all elements of
 * two tensors of the same shape: below 1 means within the tolerance.
 */
export function toleranceUsed(actual: NestedNumbers, expected: NestedNumbers, tolerance: Tolerance): number {
  if (!Array.isArray(expected)) {
    return Math.abs((actual as number) - expected) / (tolerance.absolute + tolerance.relative * Math.abs(expected));
  }
  let worst = 0;
  for (let i = 0; i < expected.length; i++) worst = Math.max(worst, toleranceUsed((actual as NestedNumbers[])[i], expected[i], tolerance));
  return worst;
}

/**
 * Returns the task with its reference memoised by input. The TensorFlow.js models dominate the time
 * of judging fixtures on the host, and every fixture runs on the same inputs.
 */
export function withCachedReference<Output>(task: TaskDefinition<Output>): TaskDefinition<Output> {
  const outputs = new Map<string, Output>();
  return {
    ...task,
    reference: (...args: Json[]) => {
      const key = JSON.stringify(args);
      if (!outputs.has(key)) outputs.set(key, task.reference(...args));
      return outputs.get(key) as Output;
    },
  };
}

export type TrainingVerdict = 'accepted' | 'wrong_answer' | 'runtime_error';

export interface TrainingOutcome {
  verdict: TrainingVerdict;
  metric: number | null;
  message: string;
}

interface TrainingModule {
  train(trainInput: Json, budget: TrainingBudget): Promise<TrainedModel>;
}

/** Trains a module (a fixture or the reference) on the dataset and returns its test metric. */
export async function trainAndEvaluate(modulePath: string, task: TrainingTaskDefinition, dataset: TrainingDataset, budget = task.budget): Promise<number> {
  const module = (await import(modulePath)) as TrainingModule;
  // Copies, so that a module that changes its input cannot change the dataset.
  const model = await module.train(structuredClone(dataset.trainInput), budget);
  const predictions = await model.predict(structuredClone(dataset.testInput));
  return task.metric.evaluate(predictions, dataset.testTargets, dataset);
}

/**
 * Judges a training fixture in this process as the judge's training pipeline does in the sandbox.
 * A throw from train() or predict() gives runtime_error, and an output the metric cannot read or a
 * grade below the bar gives wrong_answer. No time or memory limit applies here.
 */
export async function judgeTrainingOnHost(
  modulePath: string,
  task: TrainingTaskDefinition,
  dataset: TrainingDataset,
  reference: number,
): Promise<TrainingOutcome> {
  const module = (await import(modulePath)) as TrainingModule;
  let predictions: Json;
  try {
    const model = await module.train(structuredClone(dataset.trainInput), task.budget);
    predictions = await model.predict(structuredClone(dataset.testInput));
  } catch (error) {
    return { verdict: 'runtime_error', metric: null, message: String(error) };
  }
  let metric: number;
  try {
    metric = task.metric.evaluate(predictions, dataset.testTargets, dataset);
  } catch (error) {
    return { verdict: 'wrong_answer', metric: null, message: String(error) };
  }
  const grade = task.grade(metric, reference, task.baseline(dataset));
  return { verdict: grade.accepted ? 'accepted' : 'wrong_answer', metric, message: grade.message.en };
}

/** Measures the CPU time of the process spent in `work`, in seconds, and returns it with the result. */
export async function cpuSeconds<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const start = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(start);
  return { seconds: (used.user + used.system) / 1e6, result };
}

/**
 * Sets the global `tf` that training modules use, as the judge does inside the isolate: core and
 * layers in one namespace, on the given backend.
 */
export async function installTrainingTf(backend: 'cpu' | 'wasm'): Promise<void> {
  // Registers the cpu backend and turns off the debug checks.
  cpuTf();
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (!(await tfCore.setBackend(backend))) throw new Error(`TensorFlow.js could not start its ${backend} backend`);
  (globalThis as { tf?: unknown }).tf = Object.assign({}, tfCore, tfLayers);
}

export function uninstallTrainingTf(): void {
  delete (globalThis as { tf?: unknown }).tf;
}

import type { Random } from '../data/random';
import type { Json, Localized, TaskMetadata } from './types';

/**
 * One dataset of a "train a model" part. The candidate's module exports
 * `train(trainInput, budget)`, which builds and trains a TensorFlow.js model with the global `tf`
 * and returns a `TrainedModel`; the judge then calls `predict(testInput)` and scores the result
 * against `testTargets`, which never enter the isolate.
 */
export interface TrainingDataset {
  /** First argument of train(): training inputs and targets, and anything else the task provides. */
  trainInput: Json;
  /** Argument of predict(): test inputs only (or, for generative tasks, the noise to map). */
  testInput: Json;
  /** What a perfect predict() would return; kept on the host. */
  testTargets: Json;
}

/** What the candidate's (and the reference's) train() resolves to, inside the isolate. */
export interface TrainedModel {
  predict(testInput: Json): Json | Promise<Json>;
  /** Training loss after each epoch, for the loss-curve chart. Optional for candidates. */
  lossHistory?: number[];
}

/** Training budget passed as train()'s second argument and enforced by the judge. */
export interface TrainingBudget {
  /** The most epochs the statement allows; the judge only reports it, the CPU limit enforces time. */
  maxEpochs: number;
  /** Seed for the model's initialisers and shuffling, so that reruns are comparable. */
  seed: number;
}

export interface MetricDefinition {
  name: Localized;
  higherIsBetter: boolean;
  /** Computes the metric of predict()'s output against the targets; throws on a malformed output. */
  evaluate(predictions: Json, targets: Json, dataset: TrainingDataset): number;
}

export interface TrainingGrade {
  accepted: boolean;
  /** 0..100. */
  score: number;
  /** Why, in terms the candidate can act on; names no hidden data. */
  message: Localized;
}

/**
 * A "train a model" task part. `referencePath` is a module with the same contract as a
 * candidate's (it exports train()), so the reference model is trained the same way, in the same
 * kind of isolate, on the same hidden data.
 */
export interface TrainingTaskDefinition extends TaskMetadata {
  mode: 'training';
  /** Absolute path of the reference module exporting train(); it may use only the global `tf`. */
  referencePath: string;
  budget: TrainingBudget;
  /**
   * TensorFlow.js backend that this task's runs need, in place of the judge's choice (wasm unless
   * the caller asks for another). A task whose models need a kernel that the wasm backend lacks sets
   * 'cpu': tfjs-backend-wasm 4.22 has no Conv2DBackpropFilter, so conv2d layers cannot train there.
   */
  backend?: 'wasm' | 'cpu';
  metric: MetricDefinition;
  /** Small public dataset for the task page and custom runs. Independent of the secret. */
  sampleDataset(): TrainingDataset;
  /** The hidden dataset, generated deterministically from the given source. */
  hiddenDataset(random: Random): TrainingDataset;
  /** Metric of the trivial predictor (mean, majority class, …) on this dataset. */
  baseline(dataset: TrainingDataset): number;
  /** Turns the candidate's metric into a verdict and score, given the reference's and the baseline's. */
  grade(candidate: number, reference: number, baseline: number): TrainingGrade;
}

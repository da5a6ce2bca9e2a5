import { createHash } from 'node:crypto';
import { randomFromSecret } from '../data/random';
import { encodeWire } from '../sandbox/wire-format';
import type { TrainingDataset, TrainingTaskDefinition } from '../tasks/training-types';

/** A dataset with its wire-format arguments and its baseline, computed once. */
export interface PreparedDataset {
  dataset: TrainingDataset;
  /** `[trainInput, budget]` in the wire format. */
  trainArgs: string;
  /** `[testInput]` in the wire format. */
  predictArgs: string;
  /** The task's trivial predictor's metric on this dataset. */
  baseline: number;
}

export interface TrainingDatasets {
  sample: PreparedDataset;
  hidden: PreparedDataset;
}

const MAX_ENTRIES = 16;
const cache = new Map<string, TrainingDatasets>();

function prepare(task: TrainingTaskDefinition, dataset: TrainingDataset): PreparedDataset {
  const budget = { maxEpochs: task.budget.maxEpochs, seed: task.budget.seed };
  return {
    dataset,
    trainArgs: encodeWire([dataset.trainInput, budget]),
    predictArgs: encodeWire([dataset.testInput]),
    baseline: task.baseline(dataset),
  };
}

/**
 * Returns the sample dataset and the hidden one (drawn from
 * `randomFromSecret(secret, slug, 'v' + version, 'hidden')`), cached per (slug, version, secret)
 * because generating and encoding them can cost more than judging a quick submission. Throws what
 * the task's generators or baseline throw.
 */
export function trainingDatasets(task: TrainingTaskDefinition, secret: string): TrainingDatasets {
  const secretDigest = createHash('sha256').update(secret).digest('hex');
  const key = `${task.slug}\u0000${task.version}\u0000${secretDigest}`;
  let datasets = cache.get(key);
  if (datasets) {
    cache.delete(key);
  } else {
    datasets = {
      sample: prepare(task, task.sampleDataset()),
      hidden: prepare(task, task.hiddenDataset(randomFromSecret(secret, task.slug, `v${task.version}`, 'hidden'))),
    };
  }
  cache.set(key, datasets);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
  return datasets;
}

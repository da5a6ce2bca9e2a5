import type { JudgedTask } from '../core/judged-task';
import { findTask } from './registry';
import type { TrainingTaskDefinition } from './training-types';
import { trainingTask as selfAttention } from './self-attention';
import { trainingTask as transformer } from './transformer';
import { trainingTask as bert } from './bert';
import { trainingTask as autoencoder } from './autoencoder';
import { trainingTask as dbn } from './dbn';
import { trainingTask as gan } from './gan';
import { trainingTask as rnn } from './rnn';
import { trainingTask as lstm } from './lstm';
import { trainingTask as cnn } from './cnn';
import { trainingTask as gnn } from './gnn';

/**
 * Every "train a model" part by its judge slug. Loads data generators and metrics but no
 * TensorFlow.js and no sandbox.
 */
const definitions: TrainingTaskDefinition[] = [selfAttention, transformer, bert, autoencoder, dbn, gan, rnn, lstm, cnn, gnn];

export const trainingTaskRegistry: ReadonlyMap<string, TrainingTaskDefinition> = new Map(
  definitions.map((definition) => [definition.slug, definition]),
);

/** Returns the training part with this judge slug, or undefined when there is none. */
export function findTrainingTask(slug: string): TrainingTaskDefinition | undefined {
  return trainingTaskRegistry.get(slug);
}

/**
 * Returns the part with this judge slug, function or training part, or undefined when there is
 * none: the one lookup of the worker and the CLI, which dispatch on isTrainingTask().
 */
export function findJudgedTask(slug: string): JudgedTask | undefined {
  return findTask(slug) ?? findTrainingTask(slug);
}

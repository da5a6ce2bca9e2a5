import type { Json, TaskDefinition } from './types';
import { task as kmeans } from './kmeans';
import { task as pca } from './pca';
import { task as apriori } from './apriori';
import { task as dbscan } from './dbscan';
import { task as agglomerative } from './agglomerative';
import { task as selfAttention } from './self-attention';
import { task as transformer } from './transformer';
import { task as bert } from './bert';
import { task as rnn } from './rnn';
import { task as lstm } from './lstm';
import { task as cnn } from './cnn';
import { task as autoencoder } from './autoencoder';
import { task as dbn } from './dbn';
import { task as gan } from './gan';
import { task as gnn } from './gnn';

/**
 * Every judged task part by its judge slug. Loads references and generators but no sandbox, so
 * the seed can call references on the host to fill in the sample tests' expected outputs.
 */
const definitions: TaskDefinition<Json>[] = [kmeans, pca, apriori, dbscan, agglomerative, selfAttention, transformer, bert, rnn, lstm, cnn, autoencoder, dbn, gan, gnn] as TaskDefinition<Json>[];

export const taskRegistry: ReadonlyMap<string, TaskDefinition<Json>> = new Map(
  definitions.map((definition) => [definition.slug, definition]),
);

/** Returns the task with this judge slug, or undefined when there is none. */
export function findTask(slug: string): TaskDefinition<Json> | undefined {
  return taskRegistry.get(slug);
}

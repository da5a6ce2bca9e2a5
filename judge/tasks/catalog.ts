import type { TaskMetadata } from './types';
import { metadata as kmeans } from './kmeans/metadata';
import { metadata as pca } from './pca/metadata';
import { metadata as apriori } from './apriori/metadata';
import { metadata as dbscan } from './dbscan/metadata';
import { metadata as agglomerative } from './agglomerative/metadata';
import { metadata as autoencoder } from './autoencoder/metadata';
import { metadata as dbn } from './dbn/metadata';
import { metadata as gan } from './gan/metadata';
import { metadata as selfAttention } from './self-attention/metadata';
import { metadata as gnn } from './gnn/metadata';
import { metadata as cnn } from './cnn/metadata';
import { metadata as rnn } from './rnn/metadata';
import { metadata as lstm } from './lstm/metadata';
import { metadata as transformer } from './transformer/metadata';
import { metadata as bert } from './bert/metadata';

/**
 * Every judged part of every coding task, in bank order. Metadata only: importing this module
 * loads no sandbox, reference or generator, so the seed and the site may use it.
 * A task with two parts exports an array from its metadata module.
 */
export const taskCatalog: TaskMetadata[] = [
  kmeans,
  pca,
  autoencoder,
  apriori,
  dbscan,
  agglomerative,
  dbn,
  gan,
  selfAttention,
  gnn,
  cnn,
  rnn,
  lstm,
  transformer,
  bert,
].flat();

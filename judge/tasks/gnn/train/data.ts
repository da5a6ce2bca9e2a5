import type { Random } from '../../../data/random';
import type { TrainingDataset } from '../../training-types';

/**
 * Semi-supervised node classification on a stochastic block model. Nodes fall into `classes`
 * equal communities; each pair of nodes is joined with probability `pIn` inside a community and
 * `pOut` across. Each node's features are its community's mean vector plus Gaussian noise so
 * strong that the features alone classify poorly, while averaging over a node's neighbours, most
 * of whom share its community, cancels much of the noise. The whole graph is visible to train();
 * only `labelsPerClass` nodes per class carry labels, and predict() is asked for other nodes.
 */
export interface GraphTrainInput {
  /** [n, featureDim] features of every node. */
  features: number[][];
  /** Undirected edges [a, b], each listed once with a < b. */
  edges: [number, number][];
  /** Ids of the labelled nodes. */
  trainNodes: number[];
  /** Their classes, 0 … classes − 1. */
  trainLabels: number[];
}

export interface GraphTestInput {
  /** Ids of the nodes to classify; none of them is labelled. */
  nodes: number[];
}

export interface GraphDatasetShape {
  nodesPerClass: number;
  classes: number;
  featureDim: number;
  pIn: number;
  pOut: number;
  /** Length of each community's mean vector. */
  meanNorm: number;
  /** Deviation of the feature noise, per dimension. */
  noise: number;
  labelsPerClass: number;
  testSize: number;
}

/** The hidden dataset's shape. */
export const HIDDEN_SHAPE: GraphDatasetShape = {
  nodesPerClass: 100,
  classes: 4,
  featureDim: 16,
  pIn: 0.05,
  pOut: 0.005,
  meanNorm: 2,
  noise: 1,
  labelsPerClass: 10,
  testSize: 200,
};

/** The public sample dataset's shape: the same graph model, half the size. */
export const SAMPLE_SHAPE: GraphDatasetShape = { ...HIDDEN_SHAPE, nodesPerClass: 50, testSize: 100 };

/** Returns a vector of the given Euclidean norm in a uniformly random direction. */
function randomDirection(random: Random, dimension: number, norm: number): number[] {
  const vector = Array.from({ length: dimension }, () => random.normal());
  const length = Math.hypot(...vector);
  return vector.map((value) => (value / length) * norm);
}

export function makeDataset(random: Random, shape: GraphDatasetShape): TrainingDataset {
  const n = shape.nodesPerClass * shape.classes;
  // Node ids are shuffled, so that an id carries no information about its community.
  const classOf = random.shuffle(Array.from({ length: n }, (_, i) => i % shape.classes));
  const means = Array.from({ length: shape.classes }, () => randomDirection(random, shape.featureDim, shape.meanNorm));
  const features = classOf.map((c) => means[c].map((mean) => Math.round((mean + random.normal(0, shape.noise)) * 1000) / 1000));

  const edges: [number, number][] = [];
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      if (random.float() < (classOf[a] === classOf[b] ? shape.pIn : shape.pOut)) edges.push([a, b]);
    }
  }

  const byClass = Array.from({ length: shape.classes }, (_, c) => random.shuffle(classOf.flatMap((label, node) => (label === c ? [node] : []))));
  const trainNodes = random.shuffle(byClass.flatMap((nodes) => nodes.slice(0, shape.labelsPerClass)));
  const rest = random.shuffle(byClass.flatMap((nodes) => nodes.slice(shape.labelsPerClass)));
  const testNodes = rest.slice(0, shape.testSize);
  return {
    trainInput: { features, edges, trainNodes, trainLabels: trainNodes.map((node) => classOf[node]) },
    testInput: { nodes: testNodes },
    testTargets: testNodes.map((node) => classOf[node]),
  };
}

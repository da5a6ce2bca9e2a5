import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized, TaskMetadata } from '../types';

function readStatements(part: 'scratch' | 'train'): Localized {
  const read = (locale: string) => readFileSync(path.join(import.meta.dirname, part, `statement.${locale}.md`), 'utf8');
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

const scratchStarterCode = `interface GraphInput {
  features: number[][]; // [n, inFeatures]: row i belongs to node i
  edges: [number, number][]; // undirected edges between node ids 0..n-1
}

interface GcnWeights {
  kernel: number[][]; // [inFeatures, units]
  bias: number[]; // [units]
}

interface GcnOptions {
  activation: 'relu' | 'linear';
}

export function gcnLayer(graph: GraphInput, weights: GcnWeights, options: GcnOptions): number[][] {
  // Placeholder: the bias for every node. Replace it with D^-1/2 (A + I) D^-1/2 X W + b.
  return graph.features.map(() => weights.bias.slice());
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js (core and layers).
declare const tf: any;

interface TrainInput {
  features: number[][]; // [n, 16] features of every node of the graph
  edges: [number, number][]; // undirected edges between node ids 0..n-1
  trainNodes: number[]; // ids of the labelled nodes
  trainLabels: number[]; // their classes, 0..3
}

interface TrainBudget {
  maxEpochs: number;
  seed: number;
}

export async function train(trainInput: TrainInput, budget: TrainBudget) {
  // Placeholder: predicts the most frequent training class. Replace it with a graph network.
  const counts = [0, 0, 0, 0];
  for (const label of trainInput.trainLabels) counts[label]++;
  const majority = counts.indexOf(Math.max(...counts));
  return {
    predict(testInput: { nodes: number[] }): number[] {
      return testInput.nodes.map(() => majority);
    },
  };
}
`;

const common = {
  taskSlug: 'gnn',
  topic: 'graph-neural-networks',
  tags: ['gnn', 'gcn', 'message-passing', 'node-classification', 'semi-supervised-learning', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'gnn-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'gcnLayer',
  difficulty: 'medium',
  title: {
    'zh-CN': '实现图神经网络（GNN）：从零实现图卷积层',
    en: 'Implement a graph neural network (GNN): a graph convolution layer from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'gnn-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现图神经网络（GNN）：训练 GCN 做节点分类',
    en: 'Implement a graph neural network (GNN): train a GCN for node classification',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 30_000, wallMsPerTest: 60_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

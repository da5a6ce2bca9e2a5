import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: one graph convolution (GCN) layer with self-loops and symmetric normalisation.

export function gcnLayer(
  features: number[][],
  edges: [number, number][],
  kernel: number[][],
  bias: number[],
  activation: 'relu' | 'linear',
): number[][] {
  // 1. Â = A + I: undirected edges, duplicates count once, an existing self-loop is not doubled
  // 2. degree[i] = row sum of Â
  // 3. output = activation(D^-1/2 Â D^-1/2 · features · kernel + bias)
  return [];
}
`;

export const metadata: TaskMetadata = {
  slug: 'gnn',
  taskSlug: 'gnn',
  part: 'main',
  version: 1,
  functionName: 'gcnLayer',
  topic: 'graph-neural-networks',
  difficulty: 'medium',
  tags: ['gnn', 'gcn', 'message-passing', 'node-classification', 'tensorflow-js'],
  title: {
    'zh-CN': '实现图神经网络（Graph Neural Network，GNN）',
    en: 'Implement a graph neural network (GNN)',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: one CD-1 update of a Bernoulli RBM. weights is [nVisible, nHidden].
// The hidden state from the data is sampled with the uniforms passed in, and every other
// quantity is a probability.

interface RbmParameters {
  weights: number[][];
  visibleBias: number[];
  hiddenBias: number[];
}

export function rbmCd1Step(
  visible: number[][],
  parameters: RbmParameters,
  uniforms: number[][],
  learningRate: number,
): RbmParameters {
  // 1. p(h0 | v0) = sigmoid(v0 · W + c), then sample h0[b][j] = uniforms[b][j] < p ? 1 : 0
  // 2. p(v1 | h0) = sigmoid(h0 · Wᵀ + b)   (probabilities, not sampled)
  // 3. p(h1 | v1) = sigmoid(v1 · W + c)
  // 4. W += learningRate · (v0ᵀ p(h0|v0) - v1ᵀ p(h1|v1)) / batchSize; likewise both biases
  return parameters;
}
`;

export const metadata: TaskMetadata = {
  slug: 'dbn',
  taskSlug: 'dbn',
  part: 'main',
  version: 1,
  functionName: 'rbmCd1Step',
  topic: 'generative-models',
  difficulty: 'hard',
  tags: ['deep-belief-network', 'rbm', 'contrastive-divergence', 'tensorflow-js'],
  title: {
    'zh-CN': '实现深度信念网络（Deep Belief Network，DBN）',
    en: 'Implement a deep belief network (DBN)',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

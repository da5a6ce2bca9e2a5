import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: multi-head self-attention. Kernels are [dModel, dModel], and head h owns
// columns h·dK … (h+1)·dK - 1 of Q, K and V, with dK = dModel / numHeads.

interface AttentionWeights {
  queryKernel: number[][];
  queryBias: number[];
  keyKernel: number[][];
  keyBias: number[];
  valueKernel: number[][];
  valueBias: number[];
  outputKernel: number[][];
  outputBias: number[];
}

export function selfAttention(
  inputs: number[][],
  weights: AttentionWeights,
  numHeads: number,
  causal: boolean,
  attentionMask: number[][] | null,
): number[][] {
  // 1. Q, K, V = inputs · kernel + bias
  // 2. per head: scores = Q_h K_hᵀ / sqrt(dK), leaving out blocked pairs
  // 3. softmax over each row (subtract the row maximum first)
  // 4. concatenate the heads, then · outputKernel + outputBias
  return [];
}
`;

export const metadata: TaskMetadata = {
  slug: 'self-attention',
  taskSlug: 'self-attention',
  part: 'main',
  version: 1,
  functionName: 'selfAttention',
  topic: 'attention',
  difficulty: 'medium',
  tags: ['self-attention', 'multi-head-attention', 'causal-mask', 'softmax', 'tensorflow-js'],
  title: {
    'zh-CN': '实现自注意力机制（Self-Attention）',
    en: 'Implement self-attention',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

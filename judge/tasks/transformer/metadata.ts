import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: one post-norm Transformer encoder block (inference, no dropout).

interface Dense {
  kernel: number[][];
  bias: number[];
}

interface LayerNorm {
  gamma: number[];
  beta: number[];
}

interface EncoderBlockWeights {
  query: Dense;
  key: Dense;
  value: Dense;
  attentionOutput: Dense;
  attentionNorm: LayerNorm;
  feedForwardInner: Dense;
  feedForwardOutput: Dense;
  outputNorm: LayerNorm;
}

export function transformerEncoderBlock(
  inputs: number[][],
  weights: EncoderBlockWeights,
  numHeads: number,
  paddingMask: number[] | null,
): number[][] {
  // 1. a = multi-head self-attention(inputs), scaled by 1/sqrt(dK), padded keys blocked
  // 2. y = layerNorm(inputs + a), epsilon 1e-3 inside the square root, biased variance
  // 3. f = relu(y · W1 + b1) · W2 + b2
  // 4. return layerNorm(y + f)
  return [];
}
`;

export const metadata: TaskMetadata = {
  slug: 'transformer',
  taskSlug: 'transformer',
  part: 'main',
  version: 1,
  functionName: 'transformerEncoderBlock',
  topic: 'attention',
  difficulty: 'hard',
  tags: ['transformer', 'multi-head-attention', 'layer-normalization', 'residual', 'tensorflow-js'],
  title: {
    'zh-CN': '实现Transformer模型',
    en: 'Implement a Transformer',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: BERT embeddings -> one encoder block -> masked-LM logits at the masked positions.
// Layer norms use epsilon 1e-12, and GELU is the exact erf form. JavaScript has no Math.erf,
// so write your own approximation (an absolute error of about 1e-7 is enough).

interface Dense {
  kernel: number[][];
  bias: number[];
}

interface LayerNorm {
  gamma: number[];
  beta: number[];
}

interface BertWeights {
  tokenEmbeddings: number[][];
  positionEmbeddings: number[][];
  segmentEmbeddings: number[][];
  embeddingNorm: LayerNorm;
  query: Dense;
  key: Dense;
  value: Dense;
  attentionOutput: Dense;
  attentionNorm: LayerNorm;
  feedForwardInner: Dense;
  feedForwardOutput: Dense;
  outputNorm: LayerNorm;
  headTransform: Dense;
  headNorm: LayerNorm;
  outputBias: number[];
}

export function bertMaskedLm(
  tokenIds: number[],
  segmentIds: number[],
  maskedPositions: number[],
  weights: BertWeights,
  numHeads: number,
): number[][] {
  // 1. e = layerNorm(token + position + segment embeddings)
  // 2. one post-norm encoder block with a GELU feed-forward network
  // 3. for each masked position: layerNorm(gelu(h · headTransform)) · tokenEmbeddingsᵀ + outputBias
  return [];
}
`;

export const metadata: TaskMetadata = {
  slug: 'bert',
  taskSlug: 'bert',
  part: 'main',
  version: 1,
  functionName: 'bertMaskedLm',
  topic: 'attention',
  difficulty: 'hard',
  tags: ['bert', 'masked-language-model', 'transformer-encoder', 'gelu', 'tensorflow-js'],
  title: {
    'zh-CN': '实现BERT模型',
    en: 'Implement BERT',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

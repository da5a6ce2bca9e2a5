import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized, TaskMetadata } from '../types';

function readStatements(part: 'scratch' | 'train'): Localized {
  const read = (locale: string) => readFileSync(path.join(import.meta.dirname, part, `statement.${locale}.md`), 'utf8');
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

const scratchStarterCode = `interface Dense {
  kernel: number[][]; // [inputDim, units]
  bias: number[]; // [units]
}

interface LayerNorm {
  gamma: number[]; // [dModel]
  beta: number[]; // [dModel]
}

interface BertWeights {
  embeddings: {
    token: number[][]; // [vocabSize, dModel]
    position: number[][]; // [maxPositions, dModel]
    segment: number[][]; // [2, dModel]
    norm: LayerNorm;
  };
  encoder: {
    attention: { query: Dense; key: Dense; value: Dense; output: Dense };
    attentionNorm: LayerNorm;
    feedForwardIntermediate: Dense; // [dModel, dFF]
    feedForwardOutput: Dense; // [dFF, dModel]
    feedForwardNorm: LayerNorm;
  };
  head: { transform: Dense; norm: LayerNorm; outputBias: number[] };
}

interface BertInput {
  tokenIds: number[]; // [n]
  segmentIds: number[]; // [n], 0 or 1
  maskedPositions: number[]; // [m], each in 0..n-1
}

export function bertMaskedLm(
  input: BertInput,
  weights: BertWeights,
  options: { numHeads: number; epsilon: number },
): number[][] {
  // Placeholder: only the output bias at every masked position. Replace it with BERT's forward pass.
  return input.maskedPositions.map(() => weights.head.outputBias.slice());
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js 4.22 (core and layers).
declare const tf: any;

interface TrainInput {
  sentences: number[][]; // [n, 7] token ids in 0..vocabSize-1, no masks
  vocabSize: number; // 36
  maskTokenId: number; // 0
}

export async function train(trainInput: TrainInput, budget: { maxEpochs: number; seed: number }) {
  // Placeholder: predicts the most frequent token at every mask. Replace it with a small BERT.
  const counts = new Array(trainInput.vocabSize).fill(0);
  for (const sentence of trainInput.sentences) for (const token of sentence) counts[token]++;
  const frequent = counts.indexOf(Math.max(...counts));
  return {
    predict(testInput: { sentences: number[][] }): number[][] {
      return testInput.sentences.map((sentence) =>
        sentence.filter((token) => token === trainInput.maskTokenId).map(() => frequent),
      );
    },
  };
}
`;

const common = {
  taskSlug: 'bert',
  topic: 'attention',
  tags: ['bert', 'masked-language-model', 'transformer-encoder', 'gelu', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'bert-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'bertMaskedLm',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现 BERT 模型：从零实现掩码语言模型的前向计算',
    en: 'Implement BERT: the masked-language-model forward pass from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'bert-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现 BERT 模型：用掩码语言模型预训练微型 BERT',
    en: 'Implement BERT: pre-train a tiny BERT with masked-language modelling',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 120_000, wallMsPerTest: 240_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

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

interface SelfAttentionWeights {
  query: Dense; // [dModel, numHeads * keyDim]
  key: Dense; // [dModel, numHeads * keyDim]
  value: Dense; // [dModel, numHeads * valueDim]
  output: Dense; // [numHeads * valueDim, outputDim]
}

interface SelfAttentionOptions {
  numHeads: number;
  causal: boolean;
  attentionMask: number[][] | null; // [n, n]: 1 = query i may attend to key j
}

export function selfAttention(
  input: number[][], // [n, dModel]
  weights: SelfAttentionWeights,
  options: SelfAttentionOptions,
): number[][] {
  // Placeholder: every row as if all its keys were blocked. Replace it with multi-head attention.
  return input.map(() => weights.output.bias.slice());
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js 4.22 (core and layers).
declare const tf: any;

interface TrainInput {
  sequences: number[][]; // [n, 8] token ids in 0..vocabSize-1
  labels: number[]; // [n], 0 or 1
  vocabSize: number; // 15
  contentTokens: number; // 8: tokens below are content, the rest are pointers
}

export async function train(trainInput: TrainInput, budget: { maxEpochs: number; seed: number }) {
  // Placeholder: predicts the majority label. Replace it with an attention model.
  const ones = trainInput.labels.filter((label) => label === 1).length;
  const majority = ones * 2 >= trainInput.labels.length ? 1 : 0;
  return {
    predict(testInput: { sequences: number[][] }): number[] {
      return testInput.sequences.map(() => majority);
    },
  };
}
`;

const common = {
  taskSlug: 'self-attention',
  topic: 'attention',
  tags: ['self-attention', 'multi-head-attention', 'causal-mask', 'softmax', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'self-attention-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'selfAttention',
  difficulty: 'medium',
  title: {
    'zh-CN': '实现自注意力机制（Self-Attention）：从零实现多头注意力',
    en: 'Implement self-attention: multi-head attention from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'self-attention-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现自注意力机制（Self-Attention）：训练注意力分类器',
    en: 'Implement self-attention: train an attention classifier',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 60_000, wallMsPerTest: 120_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

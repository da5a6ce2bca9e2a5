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

interface EncoderBlockWeights {
  attention: { query: Dense; key: Dense; value: Dense; output: Dense };
  attentionNorm: LayerNorm;
  feedForwardIntermediate: Dense; // [dModel, dFF]
  feedForwardOutput: Dense; // [dFF, dModel]
  feedForwardNorm: LayerNorm;
}

interface EncoderBlockOptions {
  numHeads: number;
  epsilon: number;
  normalizeFirst: boolean; // false: post-norm, true: pre-norm
  paddingMask: number[] | null; // [n]: 1 = real token, 0 = padding
}

export function transformerEncoderBlock(
  input: number[][], // [n, dModel]
  weights: EncoderBlockWeights,
  options: EncoderBlockOptions,
): number[][] {
  // Placeholder: returns the input unchanged. Replace it with the encoder block.
  return input.map((row) => row.slice());
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js 4.22 (core and layers).
declare const tf: any;

interface TrainInput {
  inputs: number[][]; // [n, 6] token ids in 0..5
  targets: number[][]; // [n, 6] the same tokens, sorted by the dataset's order
  vocabSize: number; // 6
}

export async function train(trainInput: TrainInput, budget: { maxEpochs: number; seed: number }) {
  // Placeholder: predicts the input unchanged. Replace it with a Transformer encoder.
  return {
    predict(testInput: { inputs: number[][] }): number[][] {
      return testInput.inputs.map((row) => row.slice());
    },
  };
}
`;

const common = {
  taskSlug: 'transformer',
  topic: 'attention',
  tags: ['transformer', 'multi-head-attention', 'layer-normalization', 'residual', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'transformer-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'transformerEncoderBlock',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现 Transformer 模型：从零实现编码器块',
    en: 'Implement a Transformer: an encoder block from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'transformer-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现 Transformer 模型：训练 Transformer 给序列排序',
    en: 'Implement a Transformer: train one to sort sequences',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 60_000, wallMsPerTest: 120_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

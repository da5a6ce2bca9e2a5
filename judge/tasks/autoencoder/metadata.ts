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

interface AutoencoderWeights {
  encoder: Dense[]; // inputDim → … → codeSize, each layer followed by ReLU
  decoder: Dense[]; // codeSize → … → inputDim, ReLU between layers, sigmoid after the last
}

interface AutoencoderOptions {
  loss: 'meanSquaredError' | 'binaryCrossentropy';
}

export function autoencoderForward(
  input: number[][], // [batchSize, inputDim], values in [0, 1]
  weights: AutoencoderWeights,
  options: AutoencoderOptions,
): { codes: number[][]; reconstructions: number[][]; loss: number } {
  // Placeholder: empty codes, reconstructions of 0.5 and no loss. Replace it with the forward pass.
  return {
    codes: input.map(() => []),
    reconstructions: input.map((row) => row.map(() => 0.5)),
    loss: 0,
  };
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js (core and layers).
declare const tf: any;

interface TrainInput {
  images: number[][]; // [n, 144] clean 12×12 glyphs, values in [0, 1]
  noisyImages: number[][]; // [n, 144] the same glyphs, corrupted
}

interface TrainBudget {
  maxEpochs: number;
  seed: number;
}

export async function train(trainInput: TrainInput, budget: TrainBudget) {
  // Placeholder: returns the noisy images unchanged. Replace it with a denoising autoencoder.
  return {
    predict(testInput: { noisyImages: number[][] }): number[][] {
      return testInput.noisyImages.map((row) => row.slice());
    },
  };
}
`;

const common = {
  taskSlug: 'autoencoder',
  topic: 'dimensionality-reduction',
  tags: ['autoencoder', 'denoising-autoencoder', 'reconstruction-loss', 'binary-cross-entropy', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'autoencoder-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'autoencoderForward',
  difficulty: 'medium',
  title: {
    'zh-CN': '实现自编码器（Autoencoder）：从零实现前向传播与重构损失',
    en: 'Implement an autoencoder: forward pass and reconstruction loss from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'autoencoder-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现自编码器（Autoencoder）：训练去噪自编码器',
    en: 'Implement an autoencoder: train a denoising autoencoder',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 30_000, wallMsPerTest: 60_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

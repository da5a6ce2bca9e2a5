import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized, TaskMetadata } from '../types';

function readStatements(part: 'scratch' | 'train'): Localized {
  const read = (locale: string) => readFileSync(path.join(import.meta.dirname, part, `statement.${locale}.md`), 'utf8');
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

const scratchStarterCode = `interface CnnWeights {
  conv: {
    kernel: number[][][][]; // [kernelHeight, kernelWidth, inChannels, filters]
    bias: number[]; // [filters]
  };
  dense: {
    kernel: number[][]; // [flatSize, classes]
    bias: number[]; // [classes]
  };
}

interface CnnOptions {
  strides: number; // convolution stride along both axes
  padding: 'same' | 'valid'; // convolution padding
  activation: 'relu' | 'linear'; // applied to the convolution output
  poolSize: number; // square max-pooling window
  poolStrides: number;
  poolPadding: 'same' | 'valid';
}

export function cnnForward(
  image: number[][][], // [height, width, channels]
  weights: CnnWeights,
  options: CnnOptions,
): number[] {
  // Placeholder: equal probabilities. Replace it with conv2d, activation, max-pool, flatten, dense, softmax.
  const classes = weights.dense.bias.length;
  return new Array<number>(classes).fill(1 / classes);
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js (core and layers).
declare const tf: any;

interface TrainInput {
  images: number[][][]; // [n, 12, 12] grayscale glyphs, values in [0, 1]
  labels: number[]; // [n], classes 0..9
}

interface TrainBudget {
  maxEpochs: number;
  seed: number;
}

export async function train(trainInput: TrainInput, budget: TrainBudget) {
  // Placeholder: predicts the most frequent class. Replace it with a convolutional network.
  const counts = new Array<number>(10).fill(0);
  for (const label of trainInput.labels) counts[label]++;
  const majority = counts.indexOf(Math.max(...counts));
  return {
    predict(testInput: { images: number[][][] }): number[] {
      return testInput.images.map(() => majority);
    },
  };
}
`;

const common = {
  taskSlug: 'cnn',
  topic: 'convolutional-networks',
  tags: ['cnn', 'conv2d', 'max-pooling', 'padding', 'softmax', 'image-classification', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'cnn-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'cnnForward',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现卷积神经网络（CNN）：从零实现卷积、池化与 softmax',
    en: 'Implement a convolutional neural network (CNN): convolution, pooling and softmax from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'cnn-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'medium',
  title: {
    'zh-CN': '实现卷积神经网络（CNN）：训练手写字形分类器',
    en: 'Implement a convolutional neural network (CNN): train a glyph classifier',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 60_000, wallMsPerTest: 120_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

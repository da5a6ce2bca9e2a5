import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: conv2d -> ReLU -> max-pool -> flatten -> dense -> softmax, channels last.
// The convolution kernel is [kernelHeight][kernelWidth][inChannels][outChannels].

interface CnnWeights {
  convKernel: number[][][][];
  convBias: number[];
  denseKernel: number[][];
  denseBias: number[];
}

interface CnnOptions {
  stride: number;
  padding: 'same' | 'valid';
  poolSize: number;
  poolPadding: 'same' | 'valid';
}

export function cnnForward(images: number[][][][], weights: CnnWeights, options: CnnOptions): number[][] {
  // 'same' padding: the odd extra row or column of padding goes at the bottom/right.
  // Max-pooling pads with -Infinity, so padding never wins.
  // Flatten in (row, column, channel) order, then dense and a numerically stable softmax.
  return [];
}
`;

export const metadata: TaskMetadata = {
  slug: 'cnn',
  taskSlug: 'cnn',
  part: 'main',
  version: 1,
  functionName: 'cnnForward',
  topic: 'convolutional-networks',
  difficulty: 'hard',
  tags: ['cnn', 'conv2d', 'max-pooling', 'softmax', 'image-classification', 'tensorflow-js'],
  title: {
    'zh-CN': '实现卷积神经网络（Convolutional Neural Network，CNN）',
    en: 'Implement a convolutional neural network (CNN)',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

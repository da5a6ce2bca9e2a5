import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: encode with ReLU, decode with sigmoid, and report the mean squared error.
// Dense kernels are [inputDim, units].

interface DenseLayer {
  kernel: number[][];
  bias: number[];
}

export function autoencoderForward(
  batch: number[][],
  encoder: DenseLayer,
  decoder: DenseLayer,
): { codes: number[][]; reconstructions: number[][]; loss: number } {
  // 1. codes = relu(batch · encoder.kernel + encoder.bias)
  // 2. reconstructions = sigmoid(codes · decoder.kernel + decoder.bias)
  // 3. loss = mean over every entry of (reconstructions - batch)^2
  return { codes: [], reconstructions: [], loss: 0 };
}
`;

export const metadata: TaskMetadata = {
  slug: 'autoencoder',
  taskSlug: 'autoencoder',
  part: 'main',
  version: 1,
  functionName: 'autoencoderForward',
  topic: 'dimensionality-reduction',
  difficulty: 'medium',
  tags: ['autoencoder', 'neural-network', 'reconstruction-loss', 'tensorflow-js'],
  title: {
    'zh-CN': '实现自编码器（Autoencoder）',
    en: 'Implement an autoencoder',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

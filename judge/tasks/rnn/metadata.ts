import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: a simple (Elman) RNN over one sequence, returning every hidden state.
// kernel is [inputDim, units], recurrentKernel is [units, units].

export function rnnForward(
  sequence: number[][],
  kernel: number[][],
  recurrentKernel: number[][],
  bias: number[],
): number[][] {
  // h_0 = zeros(units)
  // h_t = tanh(x_t · kernel + h_{t-1} · recurrentKernel + bias), for t = 1 … T
  return [];
}
`;

export const metadata: TaskMetadata = {
  slug: 'rnn',
  taskSlug: 'rnn',
  part: 'main',
  version: 1,
  functionName: 'rnnForward',
  topic: 'sequence-models',
  difficulty: 'easy',
  tags: ['rnn', 'simple-rnn', 'sequence-classification', 'tensorflow-js'],
  title: {
    'zh-CN': '实现循环神经网络（Recurrent Neural Network，RNN）',
    en: 'Implement a recurrent neural network (RNN)',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

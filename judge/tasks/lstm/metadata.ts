import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: an LSTM over one sequence. kernel is [inputDim, 4·units], recurrentKernel is
// [units, 4·units] and bias is [4·units]. The four blocks of units are the gates i, f, c, o.
// The recurrent activation is the logistic sigmoid, not the hard sigmoid.

export function lstmForward(
  sequence: number[][],
  kernel: number[][],
  recurrentKernel: number[][],
  bias: number[],
): { hiddenStates: number[][]; finalCell: number[] } {
  // z = x_t · kernel + h_{t-1} · recurrentKernel + bias, split into z_i, z_f, z_c, z_o
  // c_t = sigmoid(z_f) * c_{t-1} + sigmoid(z_i) * tanh(z_c)
  // h_t = sigmoid(z_o) * tanh(c_t)
  return { hiddenStates: [], finalCell: [] };
}
`;

export const metadata: TaskMetadata = {
  slug: 'lstm',
  taskSlug: 'lstm',
  part: 'main',
  version: 1,
  functionName: 'lstmForward',
  topic: 'sequence-models',
  difficulty: 'medium',
  tags: ['lstm', 'gating', 'sequence-classification', 'tensorflow-js'],
  title: {
    'zh-CN': '实现长短时记忆网络（Long Short-Term Memory，LSTM）',
    en: 'Implement a long short-term memory network (LSTM)',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

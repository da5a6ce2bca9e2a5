import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized, TaskMetadata } from '../types';

function readStatements(part: 'scratch' | 'train'): Localized {
  const read = (locale: string) => readFileSync(path.join(import.meta.dirname, part, `statement.${locale}.md`), 'utf8');
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

const scratchStarterCode = `interface LstmWeights {
  kernel: number[][]; // [inputDim, 4 * units], gates i, f, c, o
  recurrentKernel: number[][]; // [units, 4 * units], gates i, f, c, o
  bias: number[]; // [4 * units], gates i, f, c, o
}

interface LstmState {
  h: number[]; // [units]
  c: number[]; // [units]
}

interface LstmOptions {
  recurrentActivation: 'sigmoid' | 'hardSigmoid';
  returnSequences: boolean;
  initialState: LstmState | null; // null means zeros
}

export function lstmForward(
  sequence: number[][], // [T, inputDim]
  weights: LstmWeights,
  options: LstmOptions,
): { output: number[][] | number[]; h: number[]; c: number[] } {
  // Placeholder: returns the initial state for every step. Replace it with the LSTM recurrence.
  const units = weights.bias.length / 4;
  const h = options.initialState?.h ?? new Array<number>(units).fill(0);
  const c = options.initialState?.c ?? new Array<number>(units).fill(0);
  return { output: options.returnSequences ? sequence.map(() => h.slice()) : h.slice(), h, c };
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js (core and layers).
declare const tf: any;

interface TrainInput {
  sequences: number[][][]; // [n, 20, 5]: one-hot symbol (4 channels) and a marker channel per step
  labels: number[]; // [n]: the symbol at the marked step, 0..3
}

interface TrainBudget {
  maxEpochs: number;
  seed: number;
}

export async function train(trainInput: TrainInput, budget: TrainBudget) {
  // Placeholder: predicts the most frequent label. Replace it with an LSTM.
  const counts = [0, 0, 0, 0];
  for (const label of trainInput.labels) counts[label]++;
  const majority = counts.indexOf(Math.max(...counts));
  return {
    predict(testInput: { sequences: number[][][] }): number[] {
      return testInput.sequences.map(() => majority);
    },
  };
}
`;

const common = {
  taskSlug: 'lstm',
  topic: 'sequence-models',
  tags: ['lstm', 'gating', 'long-term-dependencies', 'sequence-classification', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'lstm-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'lstmForward',
  difficulty: 'medium',
  title: {
    'zh-CN': '实现长短时记忆网络（LSTM）：从零实现 LSTM 层',
    en: 'Implement a long short-term memory network (LSTM): an LSTM layer from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'lstm-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现长短时记忆网络（LSTM）：训练 LSTM 记住远处的符号',
    en: 'Implement a long short-term memory network (LSTM): train an LSTM to recall a distant symbol',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 30_000, wallMsPerTest: 60_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized, TaskMetadata } from '../types';

function readStatements(part: 'scratch' | 'train'): Localized {
  const read = (locale: string) => readFileSync(path.join(import.meta.dirname, part, `statement.${locale}.md`), 'utf8');
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

const scratchStarterCode = `interface SimpleRnnWeights {
  kernel: number[][]; // [inputDim, units]
  recurrentKernel: number[][]; // [units, units]
  bias: number[]; // [units]
}

interface SimpleRnnOptions {
  activation: 'tanh' | 'relu';
  returnSequences: boolean;
  initialState: number[] | null; // h_0, [units]; null means zeros
}

export function rnnForward(
  sequence: number[][], // [T, inputDim]
  weights: SimpleRnnWeights,
  options: SimpleRnnOptions,
): number[][] | number[] {
  // Placeholder: returns h_0 for every step. Replace it with the recurrence.
  const units = weights.bias.length;
  const h0 = options.initialState ?? new Array<number>(units).fill(0);
  return options.returnSequences ? sequence.map(() => h0.slice()) : h0.slice();
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js (core and layers).
declare const tf: any;

interface TrainInput {
  sequences: number[][][]; // [n, 10, 2]: (value, marker) per step
  targets: number[]; // [n]: the sum of the two marked values
}

interface TrainBudget {
  maxEpochs: number;
  seed: number;
}

export async function train(trainInput: TrainInput, budget: TrainBudget) {
  // Placeholder: predicts the mean training target. Replace it with a recurrent model.
  const mean = trainInput.targets.reduce((sum, target) => sum + target, 0) / trainInput.targets.length;
  return {
    predict(testInput: { sequences: number[][][] }): number[] {
      return testInput.sequences.map(() => mean);
    },
  };
}
`;

const common = {
  taskSlug: 'rnn',
  topic: 'sequence-models',
  tags: ['rnn', 'simple-rnn', 'backpropagation-through-time', 'adding-problem', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'rnn-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'rnnForward',
  difficulty: 'easy',
  title: {
    'zh-CN': '实现循环神经网络（RNN）：从零实现简单 RNN',
    en: 'Implement a recurrent neural network (RNN): a simple RNN from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'rnn-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'medium',
  title: {
    'zh-CN': '实现循环神经网络（RNN）：训练 RNN 解决加法问题',
    en: 'Implement a recurrent neural network (RNN): train an RNN on the adding problem',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 30_000, wallMsPerTest: 60_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Localized, TaskMetadata } from '../types';

function readStatements(part: 'scratch' | 'train'): Localized {
  const read = (locale: string) => readFileSync(path.join(import.meta.dirname, part, `statement.${locale}.md`), 'utf8');
  return { 'zh-CN': read('zh-CN'), en: read('en') };
}

const scratchStarterCode = `interface Rbm {
  kernel: number[][]; // [nVisible, nHidden]
  visibleBias: number[]; // [nVisible]
  hiddenBias: number[]; // [nHidden]
}

interface DbnWeights {
  rbms: Rbm[]; // bottom to top; the last RBM is the one trained
}

interface DbnOptions {
  learningRate: number;
  uniforms: number[][]; // [batchSize, nHidden of the top RBM], draws in [0, 1)
}

export function dbnPretrainStep(
  input: number[][], // [batchSize, nVisible of rbms[0]], values in [0, 1]
  weights: DbnWeights,
  options: DbnOptions,
): Rbm {
  // Placeholder: returns the top RBM unchanged. Replace it with one CD-1 update.
  const top = weights.rbms[weights.rbms.length - 1];
  return { kernel: top.kernel, visibleBias: top.visibleBias, hiddenBias: top.hiddenBias };
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js (core and layers).
declare const tf: any;

interface TrainInput {
  images: number[][]; // [n, 144] binary 12×12 glyphs, values 0 or 1
  labels: number[]; // [n] classes 0..9
}

interface TrainBudget {
  maxEpochs: number;
  seed: number;
}

export async function train(trainInput: TrainInput, budget: TrainBudget) {
  // Placeholder: predicts the most frequent class. Replace it with a deep belief network.
  const counts = new Array(10).fill(0);
  for (const label of trainInput.labels) counts[label]++;
  const majority = counts.indexOf(Math.max(...counts));
  return {
    predict(testInput: { images: number[][] }): number[] {
      return testInput.images.map(() => majority);
    },
  };
}
`;

const common = {
  taskSlug: 'dbn',
  topic: 'generative-models',
  tags: ['deep-belief-network', 'rbm', 'contrastive-divergence', 'greedy-pretraining', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'dbn-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'dbnPretrainStep',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现深度信念网络（Deep Belief Network，DBN）：从零实现逐层预训练的一步CD-1',
    en: 'Implement a deep belief network (DBN): one CD-1 step of layer-wise pre-training from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'dbn-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现深度信念网络（Deep Belief Network，DBN）：预训练并微调分类器',
    en: 'Implement a deep belief network (DBN): pre-train and fine-tune a classifier',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 30_000, wallMsPerTest: 60_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

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

interface GanInput {
  real: number[][]; // [nReal, dataDim]
  noise: number[][]; // [nFake, latentDim]
}

interface GanWeights {
  generator: Dense[]; // latentDim → … → dataDim, ReLU between layers, linear output
  discriminator: Dense[]; // dataDim → … → 1, LeakyReLU between layers, the output is a logit
}

interface GanOptions {
  leakyReluAlpha: number;
  realLabel: number; // target of real samples in the discriminator's loss; 1 = no smoothing
}

export function ganLosses(
  input: GanInput,
  weights: GanWeights,
  options: GanOptions,
): {
  fake: number[][];
  realLogits: number[];
  fakeLogits: number[];
  discriminatorLoss: number;
  generatorLoss: number;
} {
  // Placeholder: everything zero. Replace it with the forward passes and the losses.
  const dataDim = input.real[0].length;
  return {
    fake: input.noise.map(() => new Array(dataDim).fill(0)),
    realLogits: input.real.map(() => 0),
    fakeLogits: input.noise.map(() => 0),
    discriminatorLoss: 0,
    generatorLoss: 0,
  };
}
`;

const trainStarterCode = `// The global \`tf\` is TensorFlow.js (core and layers).
declare const tf: any;

interface TrainInput {
  samples: number[][]; // [n, 2] points of the hidden 2-D distribution
  latentDim: number; // columns of the noise that predict() receives
}

interface TrainBudget {
  maxEpochs: number;
  seed: number;
}

export async function train(trainInput: TrainInput, budget: TrainBudget) {
  // Placeholder: a Gaussian with the data's mean and per-axis spread. Replace it with a GAN.
  const n = trainInput.samples.length;
  const mean = [0, 1].map((axis) => trainInput.samples.reduce((sum, point) => sum + point[axis], 0) / n);
  const spread = [0, 1].map((axis) =>
    Math.sqrt(trainInput.samples.reduce((sum, point) => sum + (point[axis] - mean[axis]) ** 2, 0) / n),
  );
  return {
    predict(testInput: { noise: number[][] }): number[][] {
      return testInput.noise.map((z) => [mean[0] + spread[0] * z[0], mean[1] + spread[1] * z[1]]);
    },
  };
}
`;

const common = {
  taskSlug: 'gan',
  topic: 'generative-models',
  tags: ['gan', 'adversarial-training', 'binary-cross-entropy', 'mode-collapse', 'tensorflow-js'],
};

export const scratchMetadata: TaskMetadata = {
  ...common,
  slug: 'gan-scratch',
  part: 'scratch',
  version: 1,
  functionName: 'ganLosses',
  difficulty: 'medium',
  title: {
    'zh-CN': '实现生成对抗网络（Generative Adversarial Network，GAN）：从零实现前向传播与两个损失',
    en: 'Implement a generative adversarial network (GAN): forward passes and both losses from scratch',
  },
  statement: readStatements('scratch'),
  starterCode: scratchStarterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

export const trainMetadata: TaskMetadata = {
  ...common,
  slug: 'gan-train',
  part: 'train',
  version: 1,
  functionName: 'train',
  difficulty: 'hard',
  title: {
    'zh-CN': '实现生成对抗网络（Generative Adversarial Network，GAN）：训练GAN拟合八个高斯组成的圆环',
    en: 'Implement a generative adversarial network (GAN): train a GAN on a ring of eight Gaussians',
  },
  statement: readStatements('train'),
  starterCode: trainStarterCode,
  limits: { cpuMsPerTest: 30_000, wallMsPerTest: 60_000, memoryMb: 512, sourceBytes: 65536 },
  ready: true,
};

export const metadata: TaskMetadata[] = [scratchMetadata, trainMetadata];

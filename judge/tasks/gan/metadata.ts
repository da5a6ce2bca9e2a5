import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `// Judging of this task is coming soon: this signature is a draft and may change.
// Part 1: the discriminator's and the generator's losses, computed from logits.
// The generator loss is the non-saturating one, -log D(G(z)).

export function ganLosses(
  realLogits: number[],
  fakeLogits: number[],
): { discriminatorLoss: number; generatorLoss: number } {
  // softplus(x) = log(1 + e^x). Write it so that it neither overflows nor loses precision.
  // discriminatorLoss = mean softplus(-realLogits) + mean softplus(fakeLogits)
  // generatorLoss = mean softplus(-fakeLogits)
  return { discriminatorLoss: 0, generatorLoss: 0 };
}
`;

export const metadata: TaskMetadata = {
  slug: 'gan',
  taskSlug: 'gan',
  part: 'main',
  version: 1,
  functionName: 'ganLosses',
  topic: 'generative-models',
  difficulty: 'medium',
  tags: ['gan', 'adversarial-training', 'binary-cross-entropy', 'tensorflow-js'],
  title: {
    'zh-CN': '实现生成对抗网络（Generative Adversarial Network，GAN）',
    en: 'Implement a generative adversarial network (GAN)',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
  ready: false,
};

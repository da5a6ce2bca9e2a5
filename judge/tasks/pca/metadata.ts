import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

function readStatement(locale: string): string {
  return readFileSync(path.join(import.meta.dirname, `statement.${locale}.md`), 'utf8');
}

export const metadata: TaskMetadata = {
  slug: 'pca',
  taskSlug: 'pca',
  part: 'main',
  version: 1,
  functionName: 'pca',
  topic: 'dimensionality-reduction',
  difficulty: 'medium',
  tags: ['pca', 'covariance', 'eigendecomposition', 'dimensionality-reduction'],
  title: { 'zh-CN': '实现主成分分析（PCA）', en: 'Implement principal component analysis (PCA)' },
  statement: { 'zh-CN': readStatement('zh-CN'), en: readStatement('en') },
  starterCode: `export function pca(
  data: number[][],
  nComponents: number,
): { components: number[][]; explainedVariance: number[]; projected: number[][] } {
  // Placeholder: the first coordinate axes, unsorted and unscaled. Replace it with PCA.
  const d = data[0].length;
  const components = Array.from({ length: nComponents }, (_, j) =>
    Array.from({ length: d }, (_, c) => (c === j ? 1 : 0)),
  );
  const explainedVariance = components.map(() => 0);
  const projected = data.map((row) => components.map((component) => component.reduce((sum, v, c) => sum + v * row[c], 0)));
  return { components, explainedVariance, projected };
}
`,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 4000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

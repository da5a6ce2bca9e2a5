import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

function readStatement(locale: string): string {
  return readFileSync(path.join(import.meta.dirname, `statement.${locale}.md`), 'utf8');
}

export const metadata: TaskMetadata = {
  slug: 'kmeans',
  taskSlug: 'kmeans',
  part: 'main',
  version: 1,
  functionName: 'kmeans',
  topic: 'clustering',
  difficulty: 'medium',
  tags: ['k-means', 'k-means++', 'lloyd-algorithm', 'clustering'],
  title: { 'zh-CN': '实现 K-means 聚类算法', en: 'Implement K-means clustering' },
  statement: { 'zh-CN': readStatement('zh-CN'), en: readStatement('en') },
  starterCode: `export function kmeans(
  points: number[][],
  k: number,
  seed: number,
): { centroids: number[][]; labels: number[] } {
  // Placeholder: one cluster at the first point. Replace it with K-means.
  const centroids = Array.from({ length: k }, () => points[0].slice());
  const labels = points.map(() => 0);
  return { centroids, labels };
}
`,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 4000, memoryMb: 128, sourceBytes: 65536 },
  ready: true,
};

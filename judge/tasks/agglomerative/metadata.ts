import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `export type Linkage = 'single' | 'complete' | 'average' | 'ward';

/** One row of SciPy's linkage matrix: [clusterA, clusterB, height, size]. */
export type Merge = [number, number, number, number];

export function agglomerative(
  points: number[][],
  nClusters: number,
  linkage: Linkage,
): { labels: number[]; merges: Merge[] } {
  // 1. Merge the two closest clusters n - 1 times; row i creates cluster n + i.
  // 2. Cut the tree into nClusters clusters and label every point.
  return { labels: points.map(() => 0), merges: [] };
}
`;

export const metadata: TaskMetadata = {
  slug: 'agglomerative',
  taskSlug: 'agglomerative',
  part: 'main',
  version: 1,
  functionName: 'agglomerative',
  topic: 'clustering',
  difficulty: 'hard',
  tags: ['hierarchical-clustering', 'agglomerative', 'linkage', 'ward', 'dendrogram'],
  title: {
    'zh-CN': '实现层次聚类（凝聚式）',
    en: 'Implement agglomerative hierarchical clustering',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 4000, wallMsPerTest: 8000, memoryMb: 256, sourceBytes: 65536 },
  ready: true,
};

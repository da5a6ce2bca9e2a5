import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

function readStatement(locale: string): string {
  return readFileSync(path.join(import.meta.dirname, `statement.${locale}.md`), 'utf8');
}

export const metadata: TaskMetadata = {
  slug: 'dbscan',
  taskSlug: 'dbscan',
  part: 'main',
  version: 1,
  functionName: 'dbscan',
  topic: 'clustering',
  difficulty: 'medium',
  tags: ['dbscan', 'density-based-clustering', 'noise', 'clustering'],
  title: { 'zh-CN': '实现 DBSCAN 聚类算法', en: 'Implement DBSCAN clustering' },
  statement: { 'zh-CN': readStatement('zh-CN'), en: readStatement('en') },
  starterCode: `export function dbscan(points: number[][], eps: number, minPts: number): number[] {
  // Placeholder: labels every point as noise. Replace it with DBSCAN.
  return points.map(() => -1);
}
`,
  limits: { cpuMsPerTest: 2000, wallMsPerTest: 4000, memoryMb: 256, sourceBytes: 65536 },
  ready: true,
};

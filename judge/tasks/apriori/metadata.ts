import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TaskMetadata } from '../types';

const starterCode = `export interface FrequentItemset {
  items: string[];
  support: number;
}

export interface AssociationRule {
  antecedent: string[];
  consequent: string[];
  support: number;
  confidence: number;
  lift: number;
}

export function apriori(
  transactions: string[][],
  minSupport: number,
  minConfidence: number,
): { itemsets: FrequentItemset[]; rules: AssociationRule[] } {
  // 1. Find every itemset whose support is at least minSupport.
  // 2. Split each frequent itemset of size >= 2 into rules with confidence >= minConfidence.
  return { itemsets: [], rules: [] };
}
`;

export const metadata: TaskMetadata = {
  slug: 'apriori',
  taskSlug: 'apriori',
  part: 'main',
  version: 1,
  functionName: 'apriori',
  topic: 'association-rules',
  difficulty: 'medium',
  tags: ['apriori', 'frequent-itemsets', 'association-rules', 'support', 'confidence', 'lift'],
  title: {
    'zh-CN': '实现 Apriori 关联规则算法',
    en: 'Implement the Apriori algorithm',
  },
  statement: {
    'zh-CN': readFileSync(path.join(import.meta.dirname, 'statement.zh-CN.md'), 'utf8'),
    en: readFileSync(path.join(import.meta.dirname, 'statement.en.md'), 'utf8'),
  },
  starterCode,
  limits: { cpuMsPerTest: 4000, wallMsPerTest: 8000, memoryMb: 256, sourceBytes: 65536 },
  ready: true,
};

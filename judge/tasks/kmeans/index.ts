import path from 'node:path';
import { checkKMeans } from '../../checkers/kmeans';
import { readNumber, readPoints } from '../../checkers/shape';
import type { Json, TaskDefinition } from '../types';
import { hiddenTests, samples } from './generator';
import { metadata } from './metadata';
import { kmeans, type KMeansResult } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const KMEANS_LIMITS = { maxPoints: 5000, maxDimensions: 64, maxClusters: 50 } as const;

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (points, k, seed), got ${args.length}`;
  const points = readPoints(args[0], 'points', {
    maxRows: KMEANS_LIMITS.maxPoints,
    maxColumns: KMEANS_LIMITS.maxDimensions,
  });
  if (!points.ok) return points.message;

  const maxK = Math.min(points.value.length, KMEANS_LIMITS.maxClusters);
  const k = readNumber(args[1], 'k', { integer: true, min: 1, max: maxK });
  if (!k.ok) return `${k.message} (k must be between 1 and min(n, ${KMEANS_LIMITS.maxClusters}))`;

  const seed = readNumber(args[2], 'seed', { integer: true, min: 0, max: 0xffffffff });
  if (!seed.ok) return `${seed.message} (seed must be an integer in [0, 2^32))`;
  return null;
}

export const task: TaskDefinition<KMeansResult> = {
  ...metadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => kmeans(args[0] as number[][], args[1] as number, args[2] as number),
  samples,
  hiddenTests,
  validateArgs,
  check: (args, output, expected) => checkKMeans(args[0] as number[][], args[1] as number, output, expected),
};

import path from 'node:path';
import { checkLinkage, type Linkage, type LinkageOutput } from '../../checkers/linkage';
import { describeType, readNumber, readNumberMatrix } from '../../checkers/shape';
import type { Json, TaskDefinition } from '../types';
import { hiddenTests, samples } from './generator';
import { metadata } from './metadata';
import { agglomerative } from './reference';

/** Input limits from the statement. Custom input beyond them is rejected before anything runs. */
export const MAX_POINTS = 3000;
export const MAX_DIMENSIONS = 64;
const LINKAGES: readonly Linkage[] = ['single', 'complete', 'average', 'ward'];

function isLinkage(value: unknown): value is Linkage {
  return typeof value === 'string' && (LINKAGES as readonly string[]).includes(value);
}

/** Returns a message naming the first argument that does not fit the signature, or null. */
export function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (points, nClusters, linkage), got ${args.length}`;
  const [rawPoints, rawClusters, rawLinkage] = args;

  const points = readNumberMatrix(rawPoints, 'points', { unit: 'coordinates' });
  if (!points.ok) return points.message;
  const n = points.value.length;
  if (n === 0) return 'points is empty, expected at least 1 point';
  if (n > MAX_POINTS) return `points has ${n} points, at most ${MAX_POINTS} are allowed`;
  const d = points.value[0].length;
  if (d === 0) return 'points[0] has 0 coordinates, expected at least 1';
  if (d > MAX_DIMENSIONS) return `points[0] has ${d} coordinates, at most ${MAX_DIMENSIONS} are allowed`;

  const nClusters = readNumber(rawClusters, 'nClusters', { integer: true, min: 1, max: n });
  if (!nClusters.ok) return nClusters.message;

  if (!isLinkage(rawLinkage)) {
    const shown = typeof rawLinkage === 'string' ? `"${rawLinkage}"` : describeType(rawLinkage);
    return `linkage is ${shown}, expected one of ${LINKAGES.map((name) => `"${name}"`).join(', ')}`;
  }
  return null;
}

export const task: TaskDefinition<LinkageOutput> = {
  ...metadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => agglomerative(args[0] as number[][], args[1] as number, args[2] as Linkage),
  samples,
  hiddenTests,
  validateArgs,
  check: (args, output, expected) =>
    checkLinkage(args[0] as number[][], args[1] as number, args[2] as Linkage, output, expected),
};

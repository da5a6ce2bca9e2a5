import path from 'node:path';
import { checkDbscan, type DbscanExpected } from '../../checkers/dbscan';
import { readNumber, readPoints } from '../../checkers/shape';
import type { Json, TaskDefinition } from '../types';
import { hiddenTests, samples } from './generator';
import { metadata } from './metadata';
import { corePoints, dbscan } from './reference';

/** Size limits of the statement, enforced on custom input. */
export const DBSCAN_LIMITS = { maxPoints: 5000, maxDimensions: 16 } as const;

function validateArgs(args: unknown[]): string | null {
  if (args.length !== 3) return `expected 3 arguments (points, eps, minPts), got ${args.length}`;
  const points = readPoints(args[0], 'points', {
    maxRows: DBSCAN_LIMITS.maxPoints,
    maxColumns: DBSCAN_LIMITS.maxDimensions,
  });
  if (!points.ok) return points.message;

  const eps = readNumber(args[1], 'eps');
  if (!eps.ok) return eps.message;
  if (eps.value <= 0) return `eps = ${eps.value}, expected a positive number`;

  const minPts = readNumber(args[2], 'minPts', { integer: true, min: 1 });
  if (!minPts.ok) return minPts.message;
  return null;
}

// Core points do not depend on the candidate. The judge passes the same args array for every
// check of a test, so they are computed once per test.
const cores = new WeakMap<object, boolean[]>();

function expectedFor(args: Json[], labels: number[]): DbscanExpected {
  let core = cores.get(args);
  if (core === undefined) {
    core = corePoints(args[0] as number[][], args[1] as number, args[2] as number);
    cores.set(args, core);
  }
  return { labels, core };
}

export const task: TaskDefinition<number[]> = {
  ...metadata,
  referencePath: path.join(import.meta.dirname, 'reference.ts'),
  reference: (...args: Json[]) => dbscan(args[0] as number[][], args[1] as number, args[2] as number),
  samples,
  hiddenTests,
  validateArgs,
  check: (args, output, expected) =>
    checkDbscan(args[0] as number[][], args[1] as number, output, expectedFor(args, expected)),
};

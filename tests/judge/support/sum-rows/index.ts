import path from 'node:path';
import type { Random } from '../../../../judge/data/random';
import type { CheckResult, Json, TaskDefinition, TaskLimits, TestCase } from '../../../../judge/tasks/types';
import { sumRows } from './reference';

/**
 * A test-only task that is cheap to judge: return the sum of each row of a matrix. The judge's own
 * tests use it (and variants of it) to exercise the sandbox, the worker and the CLI without
 * depending on the real tasks.
 */
function matrix(random: Random, rows: number, columns: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => Math.round(random.uniform(-100, 100) * 1000) / 1000));
}

function check(args: Json[], output: Json, expected: Json): CheckResult {
  const want = expected as number[];
  if (!Array.isArray(output)) return { ok: false, message: `expected an array of ${want.length} numbers, got ${output === null ? 'null' : typeof output}` };
  if (output.length !== want.length) return { ok: false, message: `expected ${want.length} sums, got ${output.length}` };
  for (let i = 0; i < want.length; i++) {
    const value = output[i];
    if (typeof value !== 'number' || Number.isNaN(value)) return { ok: false, message: `sums[${i}] is not a number` };
    if (Math.abs(value - want[i]) > 1e-6 * Math.max(1, Math.abs(want[i]))) {
      return { ok: false, message: `sums[${i}] is ${value}, expected ${want[i]}` };
    }
  }
  return { ok: true };
}

export const SUM_ROWS_LIMITS: TaskLimits = { cpuMsPerTest: 500, wallMsPerTest: 2_000, memoryMb: 64, sourceBytes: 16_384 };

/** Builds a sum-rows task; variants change the slug, limits or test generator. */
export function createSumRowsTask(overrides: Partial<TaskDefinition<Json>> = {}): TaskDefinition<Json> {
  return {
    slug: 'sum-rows',
    taskSlug: 'sum-rows',
    part: 'main',
    version: 1,
    functionName: 'sumRows',
    topic: 'test',
    difficulty: 'easy',
    tags: ['test'],
    title: { 'zh-CN': '行求和（测试用）', en: 'Row sums (test only)' },
    statement: { 'zh-CN': '返回矩阵每一行的和。', en: 'Return the sum of each row of a matrix.' },
    starterCode: 'export function sumRows(rows: number[][]): number[] {\n  return [];\n}\n',
    limits: SUM_ROWS_LIMITS,
    ready: true,
    referencePath: path.join(import.meta.dirname, 'reference.ts'),
    reference: (...args: Json[]) => sumRows(args[0] as number[][]),
    samples: (): TestCase[] => [
      { name: 'sample-1', args: [[[1, 2], [3, 4]]], hidden: false },
      { name: 'sample-2', args: [[[], [5]]], hidden: false },
    ],
    hiddenTests: (random: Random): TestCase[] => [
      { name: 'hidden-01', args: [matrix(random, 3, 4)], hidden: true },
      { name: 'hidden-02', args: [matrix(random, 1, 1)], hidden: true },
      { name: 'hidden-03', args: [matrix(random, 200, 500)], hidden: true, timed: true },
    ],
    validateArgs: (args: unknown[]) => (Array.isArray(args[0]) ? null : 'rows must be an array of arrays of numbers'),
    check,
    ...overrides,
  };
}

export const sumRowsTask = createSumRowsTask();

/** A correct submission, written differently from the reference. */
export const SUM_ROWS_SOLUTION = 'export function sumRows(rows: number[][]): number[] {\n  return rows.map((row) => row.reduce((total, value) => total + value, 0));\n}\n';

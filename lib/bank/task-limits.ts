import { DEFAULT_SOURCE_BYTES } from '../config/limits';

/** A task version's stored limits (judge/tasks/types.ts's TaskLimits). */
export interface StoredTaskLimits {
  cpuMsPerTest: number;
  wallMsPerTest: number;
  memoryMb: number;
  sourceBytes: number;
}

function positiveNumber(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Reads the limits JSON of a TaskVersion row, filling gaps with conservative defaults. */
export function readTaskLimits(limits: unknown): StoredTaskLimits {
  const record = limits !== null && typeof limits === 'object' ? (limits as Record<string, unknown>) : {};
  return {
    cpuMsPerTest: positiveNumber(record.cpuMsPerTest, 1000),
    wallMsPerTest: positiveNumber(record.wallMsPerTest, 3000),
    memoryMb: positiveNumber(record.memoryMb, 128),
    sourceBytes: positiveNumber(record.sourceBytes, DEFAULT_SOURCE_BYTES),
  };
}

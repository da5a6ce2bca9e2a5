import type { Database } from '../db/client';

export interface HistogramBin {
  /** Lower edge (inclusive) and upper edge (exclusive) of the ratio; the last bin is open. */
  from: number;
  to: number | null;
  count: number;
  /** Whether the submission being shown falls in this bin. */
  current: boolean;
}

// Ratios spread multiplicatively, so bin edges grow by √2: 0.25, 0.35, 0.5, … 8.
const EDGES = Array.from({ length: 11 }, (_, index) => Math.round(2 ** (index / 2 - 2) * 100) / 100);

/** Sorts ratios into the fixed bins; ratios under the first edge count in the first bin. */
export function binRatios(ratios: number[], current: number | null): HistogramBin[] {
  const bins: HistogramBin[] = EDGES.map((from, index) => ({ from, to: EDGES[index + 1] ?? null, count: 0, current: false }));
  const binOf = (ratio: number) => {
    const index = EDGES.findLastIndex((edge) => ratio >= edge);
    return bins[Math.max(0, index)];
  };
  for (const ratio of ratios) binOf(ratio).count++;
  if (current !== null) binOf(current).current = true;
  return bins;
}

/**
 * Histogram of the speed ratios of every accepted submission of a task version. Only aggregate
 * counts leave this function: no user, code or per-submission value.
 */
export async function speedHistogram(database: Database, taskVersionId: string, current: number | null): Promise<HistogramBin[]> {
  const rows = await database.submission.findMany({
    where: { taskVersionId, verdict: 'accepted', speedRatio: { not: null } },
    select: { speedRatio: true },
  });
  return binRatios(
    rows.map((row) => row.speedRatio as number),
    current,
  );
}

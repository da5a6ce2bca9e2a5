import { describe, expect, it } from 'vitest';
import { comparePartitions } from '@/judge/checkers/partition';

describe('comparePartitions', () => {
  it('accepts the same partition under any renumbering', () => {
    expect(comparePartitions([0, 0, 1, 2, 1], [0, 0, 1, 2, 1])).toBeNull();
    expect(comparePartitions([2, 2, 0, 1, 0], [0, 0, 1, 2, 1])).toBeNull();
    expect(comparePartitions([7, 7, -1, 3], [0, 0, 1, 2])).toBeNull();
  });

  it('rejects a cluster that should be split', () => {
    expect(comparePartitions([0, 0, 0], [0, 0, 1])).toBe(
      'labels[0] and labels[2] are both 0, but those points belong to different clusters',
    );
  });

  it('rejects a cluster that should be merged', () => {
    expect(comparePartitions([0, 1, 1], [0, 0, 1])).toBe(
      'labels[0] = 0 and labels[1] = 1, but those points belong to the same cluster',
    );
  });

  it('compares only the given indices', () => {
    // Items 1 and 3 differ, but only 0, 2 and 4 are compared.
    expect(comparePartitions([0, 5, 1, 0, 1], [3, 3, 4, 4, 4], { indices: [0, 2, 4] })).toBeNull();
    expect(comparePartitions([0, 5, 1, 0, 0], [3, 3, 4, 4, 4], { indices: [0, 2, 4] })).toBe(
      'labels[0] and labels[4] are both 0, but those points belong to different clusters',
    );
  });

  it('uses the given name and rejects a length mismatch', () => {
    expect(comparePartitions([0, 1], [0, 0], { label: 'cut' })).toBe(
      'cut[0] = 0 and cut[1] = 1, but those points belong to the same cluster',
    );
    expect(comparePartitions([0], [0, 0])).toBe('labels has length 1, expected 2');
  });
});

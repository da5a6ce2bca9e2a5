import { describe, expect, it } from 'vitest';
import { diffCode } from '../../../lib/submissions/diff-submissions';

const lines = (count: number, prefix = 'line') => Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`);

describe('diffCode', () => {
  it('reports identical code as no change', () => {
    const result = diffCode('a\nb\n', 'a\nb\n');
    expect(result.added).toBe(0);
    expect(result.removed).toBe(0);
    expect(result.rows).toEqual([{ kind: 'skipped', count: 2 }]);
  });

  it('folds unchanged lines far from a change', () => {
    const before = lines(20).join('\n');
    const after = lines(20)
      .map((line, index) => (index === 9 ? 'changed' : line))
      .join('\n');
    const { rows, added, removed } = diffCode(before, after);

    expect(added).toBe(1);
    expect(removed).toBe(1);
    expect(rows[0]).toEqual({ kind: 'skipped', count: 6 });
    expect(rows.filter((row) => row.kind === 'context')).toHaveLength(6);
    expect(rows.at(-1)).toEqual({ kind: 'skipped', count: 7 });
    expect(rows).toContainEqual({ kind: 'removed', oldNumber: 10, newNumber: null, text: 'line 10' });
    expect(rows).toContainEqual({ kind: 'added', oldNumber: null, newNumber: 10, text: 'changed' });
  });

  it('treats Windows line endings as Unix ones', () => {
    const result = diffCode('a\r\nb\r\n', 'a\nb\n');
    expect(result.added + result.removed).toBe(0);
  });

  it('numbers lines of a file without a final newline', () => {
    const { rows } = diffCode('x', 'x\ny');
    expect(rows).toEqual([
      { kind: 'context', oldNumber: 1, newNumber: 1, text: 'x' },
      { kind: 'added', oldNumber: null, newNumber: 2, text: 'y' },
    ]);
  });
});

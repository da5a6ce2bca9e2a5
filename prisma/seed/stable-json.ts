/**
 * Rounds a non-integer to 16 significant digits, the precision that Prisma 6.19 with the pg
 * adapter keeps when it writes a Json column. Measured: 0.1 + 0.2 is stored as 0.3, while the
 * same value written as a jsonb literal in SQL keeps all 17 digits. Integers are stored exactly.
 */
export function asStoredNumber(value: number): number {
  return Number.isInteger(value) || !Number.isFinite(value) ? value : Number(value.toPrecision(16));
}

/**
 * Serialises JSON-like data with object keys sorted and numbers rounded as Prisma stores them, so
 * that a value read back from a Json column compares equal to the value that was written.
 * PostgreSQL's jsonb also reorders object keys, so plain JSON.stringify would report changes
 * where there are none.
 */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (typeof inner === 'number') return asStoredNumber(inner);
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(inner).sort()) sorted[key] = (inner as Record<string, unknown>)[key];
    return sorted;
  });
}

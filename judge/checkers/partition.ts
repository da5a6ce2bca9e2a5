/**
 * Label-permutation equality: two labelings describe the same partition when a one-to-one mapping
 * between their label values turns one into the other ("clusters numbered in any order").
 */

export interface PartitionOptions {
  /** Name of the labels in messages (default "labels"). */
  label?: string;
  /** Compare only these item indices (default: every item). */
  indices?: readonly number[];
}

/**
 * Compares the candidate's labeling with the expected one as partitions. Returns null when they
 * match up to renumbering, otherwise a message naming two items that are grouped differently.
 * Both labelings must have the same length.
 */
export function comparePartitions(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  options: PartitionOptions = {},
): string | null {
  const label = options.label ?? 'labels';
  if (actual.length !== expected.length) return `${label} has length ${actual.length}, expected ${expected.length}`;

  // These maps hold the first item seen with each label value on either side. A consistent
  // bijection exists exactly when every item agrees with the first item of its actual label and
  // with the first item of its expected label.
  const firstByActual = new Map<number, number>();
  const firstByExpected = new Map<number, number>();
  const count = options.indices?.length ?? actual.length;
  for (let position = 0; position < count; position++) {
    const i = options.indices === undefined ? position : options.indices[position];
    const actualFirst = firstByActual.get(actual[i]);
    const expectedFirst = firstByExpected.get(expected[i]);
    if (actualFirst === undefined) firstByActual.set(actual[i], i);
    if (expectedFirst === undefined) firstByExpected.set(expected[i], i);

    if (actualFirst !== undefined && expected[actualFirst] !== expected[i]) {
      return `${label}[${actualFirst}] and ${label}[${i}] are both ${actual[i]}, but those points belong to different clusters`;
    }
    if (expectedFirst !== undefined && actual[expectedFirst] !== actual[i]) {
      return (
        `${label}[${expectedFirst}] = ${actual[expectedFirst]} and ${label}[${i}] = ${actual[i]}, ` +
        'but those points belong to the same cluster'
      );
    }
  }
  return null;
}

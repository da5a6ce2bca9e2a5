/**
 * Guards for tests with large attention logits. The reference model computes in float32, whose
 * rounding error on a logit near 1000 is about 1e-4; where two large logits of one row are close,
 * that error moves the softmax weights by more than the tolerance. With a gap of at least
 * MIN_WINNER_GAP between the largest logit of such a row and the next, every other key's weight is
 * below e^−12 ≈ 6e-6, and float32 and float64 agree well within the tolerance.
 */

/** Rows whose largest |logit| exceeds this count as large-logit rows. */
export const LARGE_LOGIT = 30;

export const MIN_WINNER_GAP = 12;

/** exp(x) overflows float64 for x above about 709.78; large-logit tests exceed this. */
export const OVERFLOW_LOGIT = 720;

/** Scores per head and row, null where the pair is blocked (as `attentionScores` returns them). */
export type HeadScores = (number | null)[][][];

/** Checks whether every large-logit row of every head has a clear winner. */
export function hasClearWinners(scores: HeadScores): boolean {
  for (const head of scores) {
    for (const row of head) {
      const allowed = row.filter((score): score is number => score !== null).sort((a, b) => b - a);
      if (allowed.length < 2) continue;
      const largest = Math.max(Math.abs(allowed[0]), Math.abs(allowed[allowed.length - 1]));
      if (largest > LARGE_LOGIT && allowed[0] - allowed[1] < MIN_WINNER_GAP) return false;
    }
  }
  return true;
}

/** Returns the largest |score| of any allowed pair, or 0 when every pair is blocked. */
export function largestScore(scores: HeadScores): number {
  let largest = 0;
  for (const head of scores) {
    for (const row of head) {
      for (const score of row) if (score !== null) largest = Math.max(largest, Math.abs(score));
    }
  }
  return largest;
}

/**
 * Draws until `accept` holds, so that rejection sampling stays deterministic for a given Random.
 * Throws after `attempts` draws, which means the generator's parameters are wrong.
 */
export function drawUntil<T>(draw: () => T, accept: (value: T) => boolean, what: string, attempts = 200): T {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const value = draw();
    if (accept(value)) return value;
  }
  throw new Error(`no acceptable ${what} in ${attempts} draws`);
}

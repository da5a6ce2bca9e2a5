import type { Verdict } from './verdicts';

export type SpeedBand = 'fast' | 'on_par' | 'slow' | 'very_slow';

/**
 * Speed bands by ratio = candidate CPU time ÷ reference CPU time on the timed hidden tests, and the
 * score an accepted submission gets in each. The bands are inclusive at their upper bound.
 */
export const SPEED_BANDS: readonly { band: SpeedBand; maxRatio: number; score: number }[] = [
  { band: 'fast', maxRatio: 0.8, score: 100 },
  { band: 'on_par', maxRatio: 1.5, score: 90 },
  { band: 'slow', maxRatio: 4, score: 75 },
  { band: 'very_slow', maxRatio: Infinity, score: 60 },
];

/** Score of an accepted submission whose task has no timed tests, so there is no speed grade. */
export const ACCEPTED_UNTIMED_SCORE = 100;

/** Highest score of a submission that is not accepted; it scales with the share of tests passed. */
export const PARTIAL_SCORE_MAX = 50;

export function speedBand(ratio: number): SpeedBand {
  const found = SPEED_BANDS.find((entry) => ratio <= entry.maxRatio);
  return (found ?? SPEED_BANDS[SPEED_BANDS.length - 1]).band;
}

export interface ScoreInput {
  verdict: Verdict;
  testsPassed: number;
  testsTotal: number;
  /** Candidate ÷ reference CPU time; null when the speed was not graded. */
  speedRatio: number | null;
}

/**
 * Computes the score, 0 to 100:
 * - accepted: the speed band's score (100, 90, 75 or 60), or 100 without timed tests;
 * - any other verdict: ⌊50 × tests passed ÷ tests in the run⌋, so every accepted submission outranks every rejected one;
 * - compile_error: 0;
 * - internal_error: null, because the submission was not judged.
 */
export function computeScore(input: ScoreInput): number | null {
  switch (input.verdict) {
    case 'internal_error':
      return null;
    case 'compile_error':
      return 0;
    case 'accepted': {
      if (input.speedRatio === null) return ACCEPTED_UNTIMED_SCORE;
      const band = speedBand(input.speedRatio);
      return SPEED_BANDS.find((entry) => entry.band === band)?.score ?? 0;
    }
    default:
      if (input.testsTotal <= 0) return 0;
      return Math.floor((PARTIAL_SCORE_MAX * input.testsPassed) / input.testsTotal);
  }
}

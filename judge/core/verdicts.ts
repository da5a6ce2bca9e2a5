/**
 * The closed set of verdicts, worst first. A submission's verdict is the worst of its tests'
 * verdicts in this order. internal_error is the judge's own failure and never the candidate's.
 */
export const VERDICTS = [
  'internal_error',
  'compile_error',
  'runtime_error',
  'memory_limit_exceeded',
  'time_limit_exceeded',
  'wrong_answer',
  'accepted',
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** Lower is worse. */
export function verdictRank(verdict: Verdict): number {
  return VERDICTS.indexOf(verdict);
}

/** Returns the worst verdict of the list, or accepted for an empty list. */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'accepted';
  for (const verdict of verdicts) {
    if (verdictRank(verdict) < verdictRank(worst)) worst = verdict;
  }
  return worst;
}

/**
 * The only message a hidden test's result carries: it names the verdict and nothing of the data,
 * because checker messages, thrown errors and console output can all quote the hidden input.
 */
export const HIDDEN_TEST_MESSAGES: Record<Verdict, string> = {
  internal_error: 'The judge failed on this hidden test; this is not your fault.',
  compile_error: 'The submission did not compile.',
  runtime_error: 'Your code threw an error on this hidden test.',
  memory_limit_exceeded: 'Your code used more memory than allowed on this hidden test.',
  time_limit_exceeded: 'Your code used more time than allowed on this hidden test.',
  wrong_answer: 'Your output is wrong on this hidden test.',
  accepted: 'Accepted.',
};

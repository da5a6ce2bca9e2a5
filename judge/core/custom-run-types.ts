// The result of a custom run, in a module of its own with type imports only, so that the web app,
// which reads these results from the queue, type-checks no judge code.
import type { Json } from '../tasks/types';
import type { Verdict } from './verdicts';

/** Outcome of the reference's run on the custom input. */
export type ReferenceStatus = 'returned' | 'time_limit_exceeded' | 'memory_limit_exceeded' | 'failed';

/**
 * The result of running a candidate and the reference on input the candidate wrote. Outputs are
 * display JSON (non-finite numbers as the strings "NaN", "Infinity", "-Infinity"), replaced by a
 * note when their JSON exceeds 64 KiB.
 */
export interface CustomRunResult {
  /**
   * The candidate's verdict on this input. internal_error when the candidate returned a value but
   * the reference could not finish on the input, so there was nothing to check it against.
   */
  verdict: Verdict;
  /** The checker's message, the error the code threw, the limit it exceeded, or why nothing was checked. */
  message: string | null;
  candidate: { output: Json | null; cpuMs: number | null; console: string[] };
  reference: { output: Json | null; cpuMs: number | null; status: ReferenceStatus };
}

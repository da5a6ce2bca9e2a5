import type { Logger } from 'pino';
import type { CompileOutcome, CompileRequest, Language, RunOutcome, RunRequest } from '../sandbox/protocol';
import type { Json, TaskDefinition } from '../tasks/types';
import type { SpeedBand } from './score';
import type { Verdict } from './verdicts';

export type JudgeLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

/** The sandbox operations the pipeline uses, as SandboxProcess provides them. */
export interface Sandbox {
  compile(request: CompileRequest): Promise<CompileOutcome>;
  run(request: RunRequest): Promise<RunOutcome>;
}

/** Input, expected and actual output of a sample test, with non-finite numbers as strings. */
export interface TestDetail {
  args: Json[];
  expected: Json;
  /** Null when the code produced no output (it threw, timed out, …). */
  actual: Json | null;
  console: string[];
}

export interface TestReport {
  /** Position in the run: samples first, then hidden tests. */
  index: number;
  name: string;
  hidden: boolean;
  timed: boolean;
  verdict: Verdict;
  /** CPU time of the candidate's code, in milliseconds; null where it could not be measured. */
  cpuMs: number | null;
  /** For hidden tests a generic message that reveals no data. */
  message: string | null;
  /** Sample tests only. */
  detail: TestDetail | null;
}

export interface SpeedReport {
  /** Sum over the timed hidden tests of the candidate's minimum CPU time per test, in ms. */
  candidateCpuMs: number;
  /** The same sum for the reference solution. */
  referenceCpuMs: number;
  /** candidateCpuMs ÷ referenceCpuMs. */
  ratio: number;
  band: SpeedBand;
  /** Runs per side and test; the minimum of them counts. */
  repetitions: number;
  tests: number;
}

export interface JudgeReport {
  verdict: Verdict;
  /** 0–100 by the rule in judge/core/score.ts; null for internal_error. */
  score: number | null;
  /** For the candidate: the compile error, or the first failing test's message. */
  message: string | null;
  testsTotal: number;
  tests: TestReport[];
  speed: SpeedReport | null;
  /** The speed grade's sum when graded, otherwise the sum of the tests' CPU times. */
  candidateCpuMs: number | null;
  referenceCpuMs: number | null;
}

export type JudgeProgress =
  | { type: 'started'; testsTotal: number }
  | { type: 'test'; test: TestReport; testsDone: number; testsTotal: number }
  | { type: 'speed'; tests: number; repetitions: number };

export interface JudgeOptions {
  task: TaskDefinition<Json>;
  code: string;
  language: Language;
  /** Seeds the hidden tests; see judge/core/dataset-secret.ts. */
  secret: string;
  sandbox: Sandbox;
  /** Awaited after each step, so a caller that stores progress keeps the order. */
  onProgress?: (event: JudgeProgress) => void | Promise<void>;
  /**
   * Stops judging after the first test for which this returns true, and the verdict is then the
   * worst of the tests run so far. The worker judges every test. The fixture tests use it to skip the
   * remaining tests after a time limit, because each of them would cost the full limit again.
   */
  stopAfter?: (test: TestReport) => boolean;
  /** Runs per side and timed test for the speed grade (default 5); tests may lower it. */
  speedRepetitions?: number;
  log?: JudgeLogger;
}

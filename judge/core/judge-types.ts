import type { Logger } from 'pino';
import type { CompileOutcome, CompileRequest, Language, RunOutcome, RunRequest, TfBackendName } from '../sandbox/protocol';
import type { Json, Localized, TaskDefinition } from '../tasks/types';
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

/** A test of the plan that was not run because an earlier test ended the judging (see judgeSubmission). */
export interface NotRunTest {
  index: number;
  name: string;
  hidden: boolean;
}

/** One dataset's metric values in a training part's report. */
export interface DatasetMetrics {
  /** The candidate's model; null when its run ended without usable predictions. */
  candidate: number | null;
  reference: number;
  /** The task's trivial predictor. */
  baseline: number;
}

/** What a training part adds to its report (judge/core/judge-training.ts). */
export interface TrainingReport {
  metricName: Localized;
  higherIsBetter: boolean;
  /** Null when the sample run did not happen (compile error). */
  sample: DatasetMetrics | null;
  /** Null when the hidden run did not happen. */
  hidden: DatasetMetrics | null;
  /** The grade's message on the hidden dataset in both languages; null when it was not graded. */
  grade: Localized | null;
  /**
   * Loss after each epoch of the candidate's and the reference's model on the sample dataset (null
   * entries were not finite numbers). A hidden run's loss history is a list of numbers that the
   * candidate's code chooses, so it could carry hidden training data out; it never leaves the judge.
   */
  lossHistory: (number | null)[] | null;
  referenceLossHistory: (number | null)[] | null;
  /** The TensorFlow.js backend of the candidate's runs. */
  backend: TfBackendName | null;
}

export interface JudgeReport {
  verdict: Verdict;
  /** 0–100 by the rule in judge/core/score.ts; null for internal_error. */
  score: number | null;
  /** For the candidate: the compile error, or the first failing test's message. */
  message: string | null;
  testsTotal: number;
  /** The tests that ran, in order. */
  tests: TestReport[];
  /** The remaining tests of the plan, which count as not passed. */
  notRun: NotRunTest[];
  speed: SpeedReport | null;
  /** The speed grade's sum when graded, otherwise the sum of the tests' CPU times. */
  candidateCpuMs: number | null;
  referenceCpuMs: number | null;
  /** Training parts only. */
  training?: TrainingReport;
}

/** A step of judging a training part, on the sample or the hidden dataset. */
export type TrainingPhase = 'reference' | 'training' | 'evaluating';

export type JudgeProgress =
  | { type: 'started'; testsTotal: number }
  | { type: 'test'; test: TestReport; testsDone: number; testsTotal: number }
  | { type: 'speed'; tests: number; repetitions: number }
  | { type: 'phase'; phase: TrainingPhase; dataset: 'sample' | 'hidden' };

export interface JudgeOptions {
  task: TaskDefinition<Json>;
  code: string;
  language: Language;
  /** Seeds the hidden tests; see judge/core/dataset-secret.ts. */
  secret: string;
  sandbox: Sandbox;
  /** Awaited after each step, so a caller that stores progress keeps the order. */
  onProgress?: (event: JudgeProgress) => void | Promise<void>;
  /** Runs per side and timed test for the speed grade (default 5); tests may lower it. */
  speedRepetitions?: number;
  log?: JudgeLogger;
}

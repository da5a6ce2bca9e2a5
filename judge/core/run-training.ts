import type { CompileOutcome, CompileRequest, RunLimits, TfBackendName, TrainOutcome, TrainRequest } from '../sandbox/protocol';
import { decodeWire } from '../sandbox/wire-format';
import type { TrainingGrade, TrainingTaskDefinition } from '../tasks/training-types';
import type { Json } from '../tasks/types';
import type { JudgeLogger } from './judge-types';
import type { PreparedDataset } from './training-datasets';
import type { Verdict } from './verdicts';

/** The sandbox operations that judging a training part uses, as SandboxProcess provides them. */
export interface TrainingSandbox {
  compile(request: CompileRequest): Promise<CompileOutcome>;
  train(request: TrainRequest): Promise<TrainOutcome>;
}

/** One training run's outcome with its output decoded. */
export interface TrainingRun {
  outcome: TrainOutcome;
  /** predict()'s output; undefined when the run returned nothing. */
  predictions: Json | undefined;
  /** The model's lossHistory, with entries that are not finite numbers as null. */
  lossHistory: (number | null)[] | null;
}

/** Runs a compiled module's train() and predict() on one dataset in the sandbox. */
export async function runTraining(
  sandbox: TrainingSandbox,
  options: { code: string; dataset: PreparedDataset; limits: RunLimits; captureConsole: boolean; backend: TfBackendName },
): Promise<TrainingRun> {
  const outcome = await sandbox.train({
    code: options.code,
    trainArgs: options.dataset.trainArgs,
    predictArgs: options.dataset.predictArgs,
    limits: options.limits,
    captureConsole: options.captureConsole,
    backend: options.backend,
  });
  if (outcome.kind !== 'returned') return { outcome, predictions: undefined, lossHistory: null };

  // The harness built this object itself, so its shape is known once it decodes.
  const decoded = decodeWire(outcome.output) as { predictions: Json; lossHistory: Json };
  const lossHistory = Array.isArray(decoded.lossHistory)
    ? decoded.lossHistory.map((loss) => (typeof loss === 'number' && Number.isFinite(loss) ? loss : null))
    : null;
  return { outcome, predictions: decoded.predictions, lossHistory };
}

/** A candidate's run on one dataset, judged. */
export interface TrainingJudgement {
  verdict: Verdict;
  /** For the candidate; the caller replaces it with a generic one for the hidden dataset. */
  message: string;
  /** The metric of predict()'s output; null when the run produced none or it was malformed. */
  metric: number | null;
  grade: TrainingGrade | null;
}

function limitMessage(outcome: Extract<TrainOutcome, { kind: 'time_limit' | 'memory_limit' }>, task: TrainingTaskDefinition): string {
  if (outcome.kind === 'memory_limit') {
    const wasm =
      outcome.cause === 'wasm'
        ? ' The tensors of the wasm backend count too: dispose the ones you no longer need (tf.tidy, tensor.dispose()).'
        : '';
    return `Your code used more than the memory limit of ${task.limits.memoryMb} MiB.${wasm}`;
  }
  if (outcome.cause === 'cpu') return `Training and prediction used more than the limit of ${task.limits.cpuMsPerTest} ms of CPU time.`;
  if (outcome.cause === 'harness') return 'Reading the model or its predictions took more than the judge allows (getters and proxy traps run then).';
  if (outcome.cause === 'wall') return `Training and prediction did not finish within ${task.limits.wallMsPerTest} ms of wall-clock time (a promise that never settles also ends this way).`;
  return 'The sandbox stopped responding while running your code, and was restarted.';
}

/**
 * Judges a candidate's run: limits and errors as for function tasks, then the metric of predict()'s
 * output (a malformed output is wrong_answer with the metric's message) and the task's grade
 * against the reference's metric and the baseline.
 */
export function judgeTrainingRun(task: TrainingTaskDefinition, run: TrainingRun, dataset: PreparedDataset, referenceMetric: number, log: JudgeLogger): TrainingJudgement {
  const { outcome } = run;
  switch (outcome.kind) {
    case 'returned': {
      let metric: number;
      try {
        metric = task.metric.evaluate(run.predictions as Json, dataset.dataset.testTargets, dataset.dataset);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        return { verdict: 'wrong_answer', message: `predict()'s output is malformed: ${reason}`, metric: null, grade: null };
      }
      let grade: TrainingGrade;
      try {
        grade = task.grade(metric, referenceMetric, dataset.baseline);
      } catch (error) {
        log.error({ task: task.slug, err: error }, 'the grade of a training part threw');
        return { verdict: 'internal_error', message: 'The judge failed while grading your model; this is not your fault.', metric, grade: null };
      }
      return { verdict: grade.accepted ? 'accepted' : 'wrong_answer', message: grade.message.en, metric, grade };
    }
    case 'threw':
    case 'invalid_output':
      return { verdict: 'runtime_error', message: outcome.message, metric: null, grade: null };
    case 'not_a_function':
      return { verdict: 'compile_error', message: outcome.message, metric: null, grade: null };
    case 'time_limit':
      return { verdict: 'time_limit_exceeded', message: limitMessage(outcome, task), metric: null, grade: null };
    case 'memory_limit':
      return { verdict: 'memory_limit_exceeded', message: limitMessage(outcome, task), metric: null, grade: null };
    case 'internal':
      log.error({ task: task.slug, reason: outcome.message }, 'the sandbox failed internally during a training run');
      return { verdict: 'internal_error', message: 'The judge failed while training your model; this is not your fault.', metric: null, grade: null };
  }
}

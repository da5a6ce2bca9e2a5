import { readFile } from 'node:fs/promises';
import type { Language, RunLimits, TfBackendName } from '../sandbox/protocol';
import type { TrainingTaskDefinition } from '../tasks/training-types';
import { JudgeInternalError } from './judge-error';
import type { DatasetMetrics, JudgeLogger, JudgeProgress, JudgeReport, NotRunTest, TestReport, TrainingReport } from './judge-types';
import { digestOf, hiddenDatasetKey, type ReferenceCache, type ReferenceKey, type ReferenceRun } from './reference-cache';
import { judgeTrainingRun, runTraining, type TrainingJudgement, type TrainingRun, type TrainingSandbox } from './run-training';
import { trainingDatasets, type PreparedDataset, type TrainingDatasets } from './training-datasets';
import { HIDDEN_TEST_MESSAGES, type Verdict } from './verdicts';

/** The reference module is trusted and may be larger than a candidate's source limit. */
const REFERENCE_MAX_BYTES = 1024 * 1024;

/**
 * The reference runs with twice the task's CPU and wall-clock limits, so that a busy machine cannot
 * turn its run into a judge failure. The task's own tests keep it far below the task's limits.
 */
const REFERENCE_LIMIT_FACTOR = 2;

/** A run that ends like this on the sample dataset would very likely end the same way on the hidden one. */
const STOPPING_VERDICTS: ReadonlySet<Verdict> = new Set(['compile_error', 'runtime_error', 'time_limit_exceeded', 'memory_limit_exceeded', 'internal_error']);

const silentLogger = { info: () => {}, warn: () => {}, error: () => {} } as unknown as JudgeLogger;

export interface TrainingJudgeOptions {
  task: TrainingTaskDefinition;
  code: string;
  language: Language;
  /** Seeds the hidden dataset; see judge/core/dataset-secret.ts. */
  secret: string;
  sandbox: TrainingSandbox;
  references: ReferenceCache;
  /** TensorFlow.js backend of every run (default wasm, which falls back to cpu where it cannot start). */
  backend?: TfBackendName;
  /** Awaited after each step, so a caller that stores progress keeps the order. */
  onProgress?: (event: JudgeProgress) => void | Promise<void>;
  log?: JudgeLogger;
}

const compiledReferences = new Map<string, Promise<string>>();

/** Compiles the task's reference module through the candidates' pipeline, once per process and file content. */
async function compileReference(sandbox: TrainingSandbox, task: TrainingTaskDefinition): Promise<string> {
  const source = await readFile(task.referencePath, 'utf8');
  const key = `${task.referencePath}\u0000${digestOf(source)}`;
  let compiled = compiledReferences.get(key);
  if (!compiled) {
    compiled = (async () => {
      const outcome = await sandbox.compile({ source, language: task.referencePath.endsWith('.ts') ? 'typescript' : 'javascript', functionName: 'train', maxBytes: REFERENCE_MAX_BYTES });
      if (!outcome.ok) throw new JudgeInternalError(`the reference of ${task.slug} does not compile: ${outcome.message}`);
      return outcome.code;
    })();
    compiledReferences.set(key, compiled);
    compiled.catch(() => compiledReferences.delete(key));
  }
  return compiled;
}

function taskLimits(task: TrainingTaskDefinition, factor = 1): RunLimits {
  return { cpuMs: task.limits.cpuMsPerTest * factor, wallMs: task.limits.wallMsPerTest * factor, memoryMb: task.limits.memoryMb };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Options of training the reference: the parts of TrainingJudgeOptions about the task, not the candidate. */
type ReferenceOptions = Pick<TrainingJudgeOptions, 'task' | 'secret' | 'sandbox' | 'references' | 'onProgress'> & { backend: TfBackendName };

/**
 * Trains the reference model on one dataset in the sandbox and evaluates it, or takes the result
 * from the cache. Throws JudgeInternalError when the reference fails, because that is the judge's fault.
 */
async function referenceRun(options: ReferenceOptions & { referenceCode: string }, dataset: PreparedDataset, name: 'sample' | 'hidden'): Promise<ReferenceRun> {
  const { task, sandbox, references, referenceCode, backend } = options;
  const key: ReferenceKey = {
    slug: task.slug,
    version: task.version,
    backend,
    datasetKey: name === 'sample' ? 'sample' : hiddenDatasetKey(options.secret, task.slug, task.version),
    referenceDigest: digestOf(referenceCode),
  };
  if (!(await references.peek(key))) await options.onProgress?.({ type: 'phase', phase: 'reference', dataset: name });

  return references.get(key, async () => {
    const run = await runTraining(sandbox, { code: referenceCode, dataset, limits: taskLimits(task, REFERENCE_LIMIT_FACTOR), captureConsole: false, backend });
    const { outcome } = run;
    if (outcome.kind !== 'returned') {
      let detail = '';
      if ('message' in outcome) detail = `: ${outcome.message}`;
      else if (outcome.kind === 'time_limit' || outcome.kind === 'memory_limit') detail = ` (${outcome.cause})`;
      throw new JudgeInternalError(`the reference of ${task.slug} failed on the ${name} dataset: ${outcome.kind}${detail}`);
    }
    let metric: number;
    try {
      metric = task.metric.evaluate(run.predictions ?? null, dataset.dataset.testTargets, dataset.dataset);
    } catch (error) {
      throw new JudgeInternalError(`the reference of ${task.slug} produced a malformed output on the ${name} dataset`, { cause: error });
    }
    if (!Number.isFinite(metric)) throw new JudgeInternalError(`the reference of ${task.slug} scored ${metric} on the ${name} dataset`);
    return {
      metric,
      lossHistory: run.lossHistory,
      trainCpuMs: round(outcome.trainCpuMs ?? outcome.cpuMs),
      cpuMs: round(outcome.cpuMs),
      backend: outcome.tf?.backend ?? backend,
    };
  });
}

/** Returns the reference's runs on both datasets, from the cache or trained now (sample first). */
async function referenceRuns(options: ReferenceOptions, datasets: TrainingDatasets): Promise<Record<'sample' | 'hidden', ReferenceRun>> {
  const referenceCode = await compileReference(options.sandbox, options.task);
  const context = { ...options, referenceCode };
  return {
    sample: await referenceRun(context, datasets.sample, 'sample'),
    hidden: await referenceRun(context, datasets.hidden, 'hidden'),
  };
}

/**
 * Fills the reference cache for these tasks, so that the first submission of each does not wait
 * for its reference model. Returns the slugs whose references failed, after logging each failure.
 */
export async function warmReferences(options: {
  tasks: readonly TrainingTaskDefinition[];
  secret: string;
  sandbox: TrainingSandbox;
  references: ReferenceCache;
  backend?: TfBackendName;
  log: JudgeLogger;
}): Promise<string[]> {
  const failed: string[] = [];
  for (const task of options.tasks) {
    try {
      const datasets = trainingDatasets(task, options.secret);
      await referenceRuns({ ...options, task, backend: task.backend ?? options.backend ?? 'wasm' }, datasets);
    } catch (error) {
      failed.push(task.slug);
      options.log.error({ task: task.slug, err: error }, 'training the reference model failed while warming the cache');
    }
  }
  return failed;
}

function testReport(index: number, name: 'sample' | 'hidden', run: TrainingRun, judgement: TrainingJudgement, reference: ReferenceRun, baseline: number): TestReport {
  const hidden = name === 'hidden';
  const cpuMs = 'cpuMs' in run.outcome && run.outcome.cpuMs !== null ? round(run.outcome.cpuMs) : null;
  let message: string | null = judgement.message;
  if (hidden) message = judgement.verdict === 'accepted' ? null : HIDDEN_TEST_MESSAGES[judgement.verdict];
  return {
    index,
    name,
    hidden,
    timed: false,
    verdict: judgement.verdict,
    cpuMs,
    message,
    // The sample run shows the metrics and the console. Its data is public, so nothing here is hidden.
    detail: hidden
      ? null
      : {
          args: [],
          expected: { reference: reference.metric, baseline },
          actual: judgement.metric === null ? null : { metric: Number.isFinite(judgement.metric) ? judgement.metric : String(judgement.metric) },
          console: 'console' in run.outcome ? run.outcome.console : [],
        },
  };
}

/**
 * Judges a "train a model" part. The module is compiled, then trained and asked for predictions on
 * the public sample dataset and then on the hidden one (drawn from the secret), each in a fresh
 * isolate with the global `tf`. The reference module is trained the same way on the same data, and
 * its metric is cached (judge/core/reference-cache.ts). The task's grade compares the candidate's
 * metric with the reference's and the trivial baseline's.
 *
 * The hidden dataset decides the verdict and score. The sample run is a preview that shows the
 * candidate its metrics, loss curve and console output. A sample run that ends in an error or a
 * limit ends the judging with that verdict, and the hidden run is listed as not run. Scores: the
 * grade's score for accepted and wrong_answer, 0 for compile, runtime, time and memory errors, none
 * for internal_error. Throws JudgeInternalError (or SandboxUnavailableError) when the judge itself or
 * the reference fails, so that the caller can retry instead of blaming the candidate.
 */
export async function judgeTraining(options: TrainingJudgeOptions): Promise<JudgeReport> {
  const { task, code, language, secret, sandbox } = options;
  const log = options.log ?? silentLogger;
  const backend = task.backend ?? options.backend ?? 'wasm';

  const training: TrainingReport = {
    metricName: task.metric.name,
    higherIsBetter: task.metric.higherIsBetter,
    sample: null,
    hidden: null,
    grade: null,
    lossHistory: null,
    referenceLossHistory: null,
    backend: null,
  };
  const compiled = await sandbox.compile({ source: code, language, functionName: 'train', maxBytes: task.limits.sourceBytes });
  if (!compiled.ok) {
    return { verdict: 'compile_error', score: 0, message: compiled.message, testsTotal: 0, tests: [], notRun: [], speed: null, candidateCpuMs: null, referenceCpuMs: null, training };
  }

  let datasets: TrainingDatasets;
  try {
    datasets = trainingDatasets(task, secret);
  } catch (error) {
    throw new JudgeInternalError(`generating the datasets of ${task.slug} failed`, { cause: error });
  }
  await options.onProgress?.({ type: 'started', testsTotal: 2 });

  const references = await referenceRuns({ ...options, backend }, datasets);
  training.referenceLossHistory = references.sample.lossHistory;

  const tests: TestReport[] = [];
  const judgements: TrainingJudgement[] = [];
  for (const name of ['sample', 'hidden'] as const) {
    const dataset = datasets[name];
    const reference = references[name];
    await options.onProgress?.({ type: 'phase', phase: 'training', dataset: name });
    const run = await runTraining(sandbox, { code: compiled.code, dataset, limits: taskLimits(task), captureConsole: name === 'sample', backend });
    await options.onProgress?.({ type: 'phase', phase: 'evaluating', dataset: name });
    const judgement = judgeTrainingRun(task, run, dataset, reference.metric, log);

    const metrics: DatasetMetrics = { candidate: judgement.metric, reference: reference.metric, baseline: dataset.baseline };
    training[name] = metrics;
    training.backend ??= run.outcome.tf?.backend ?? null;
    if (name === 'sample') training.lossHistory = run.lossHistory;
    else training.grade = judgement.grade?.message ?? null;

    const report = testReport(tests.length, name, run, judgement, reference, dataset.baseline);
    tests.push(report);
    judgements.push(judgement);
    await options.onProgress?.({ type: 'test', test: report, testsDone: tests.length, testsTotal: 2 });
    if (STOPPING_VERDICTS.has(judgement.verdict)) break;
  }

  const notRun: NotRunTest[] = tests.length < 2 ? [{ index: 1, name: 'hidden', hidden: true }] : [];
  const deciding = tests[tests.length - 1];
  const decidingJudgement = judgements[judgements.length - 1];
  const verdict = deciding.verdict;
  let score: number | null = 0;
  if (verdict === 'internal_error') score = null;
  else if (decidingJudgement.grade) score = decidingJudgement.grade.score;

  const cpuTimes = tests.map((test) => test.cpuMs).filter((ms): ms is number => ms !== null);
  return {
    verdict,
    score,
    // The sample run's own message, or the grade on the hidden dataset, which names only the metrics.
    message: deciding.hidden ? (decidingJudgement.grade?.message.en ?? deciding.message) : decidingJudgement.message,
    testsTotal: 2,
    tests,
    notRun,
    speed: null,
    candidateCpuMs: cpuTimes.length === 0 ? null : round(cpuTimes.reduce((sum, ms) => sum + ms, 0)),
    referenceCpuMs: round(references.sample.cpuMs + references.hidden.cpuMs),
    training,
  };
}

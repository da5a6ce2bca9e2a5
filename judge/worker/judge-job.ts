import { judgeSubmission } from '../core/judge-submission';
import { JudgeInternalError } from '../core/judge-error';
import { judgeTraining } from '../core/judge-training';
import type { JudgeLogger, JudgeProgress, Sandbox } from '../core/judge-types';
import { isTrainingTask } from '../core/judged-task';
import { ReferenceCache } from '../core/reference-cache';
import type { TrainingSandbox } from '../core/run-training';
import type { TfBackendName } from '../sandbox/protocol';
import type { TrainingTaskDefinition } from '../tasks/training-types';
import type { Json, TaskDefinition } from '../tasks/types';
import type { Database } from '../../lib/db/client';
import { JUDGE_ATTEMPTS } from '../../lib/judge-queue/queue-config';
import { abandonAttempt, failSubmission, finishAttempt, recordPhase, recordTest, recordTestsTotal, startAttempt } from './submission-store';

export interface JudgeJobContext {
  db: Database;
  sandbox: Sandbox & TrainingSandbox;
  findTask: (slug: string) => TaskDefinition<Json> | undefined;
  /** Looked up when findTask has no task of that slug; without it the worker judges function parts only. */
  findTrainingTask?: (slug: string) => TrainingTaskDefinition | undefined;
  /** The reference models' metrics of the training parts; a memory-only cache of this process when absent. */
  references?: ReferenceCache;
  /** TensorFlow.js backend of training runs (default wasm). */
  tfBackend?: TfBackendName;
  secret: string;
  workerId: string;
  log: JudgeLogger;
  speedRepetitions?: number;
}

let processReferences: ReferenceCache | undefined;

/** Returns the SubmissionEvent.detail of a training phase, or null for a phase that is not stored. */
function phaseDetail(event: Extract<JudgeProgress, { type: 'phase' }>): string | null {
  if (event.phase === 'reference') return `training the reference model on the ${event.dataset} dataset (first judging of this task version)`;
  if (event.phase === 'training') return `training on the ${event.dataset} dataset`;
  return null;
}

/** Thrown inside the progress callback when another attempt has taken the submission over. */
class AttemptSupersededError extends Error {}

/**
 * Judges the submission of one job, recording each transition. Throws when the judge fails, so that
 * pg-boss retries the job. Returns normally when the submission was judged, was judged already, or
 * was taken over by a newer attempt.
 */
export async function runJudgeJob(context: JudgeJobContext, submissionId: string): Promise<void> {
  const { db, workerId, log } = context;
  const submission = await startAttempt(db, submissionId, workerId);
  if (!submission) {
    log.info({ submissionId }, 'submission missing or already judged; job skipped');
    return;
  }
  const attempt = submission.attempts;

  try {
    const { judgeSlug, version } = submission.taskVersion;
    const task = context.findTask(judgeSlug) ?? context.findTrainingTask?.(judgeSlug);
    if (!task) throw new JudgeInternalError(`this judge has no task "${judgeSlug}"`);
    if (task.version !== version) {
      throw new JudgeInternalError(`the submission needs version ${version} of "${judgeSlug}", but this judge has version ${task.version}`);
    }

    const onProgress = async (event: JudgeProgress) => {
      let owned = true;
      if (event.type === 'started') owned = await recordTestsTotal(db, submissionId, attempt, event.testsTotal);
      if (event.type === 'test') owned = await recordTest(db, submissionId, attempt, event.test, event.testsDone);
      const detail = event.type === 'phase' ? phaseDetail(event) : null;
      if (detail) owned = await recordPhase(db, submissionId, attempt, workerId, detail);
      if (!owned) throw new AttemptSupersededError();
    };
    const common = { code: submission.code, language: submission.language, secret: context.secret, sandbox: context.sandbox, log, onProgress };
    const report = isTrainingTask(task)
      ? await judgeTraining({ ...common, task, references: context.references ?? (processReferences ??= new ReferenceCache(null, log)), backend: context.tfBackend })
      : await judgeSubmission({ ...common, task, speedRepetitions: context.speedRepetitions });

    const finished = await finishAttempt(db, submissionId, attempt, workerId, report);
    log.info({ submissionId, verdict: report.verdict, cpuMs: report.candidateCpuMs, attempt, finished }, finished ? 'submission judged' : 'result discarded: a newer attempt owns the submission');
  } catch (error) {
    if (error instanceof AttemptSupersededError) {
      log.warn({ submissionId, attempt }, 'judging stopped: a newer attempt owns the submission');
      return;
    }
    const reason = error instanceof JudgeInternalError ? error.message : 'internal error in the judge';
    log.error({ submissionId, attempt, err: error }, 'judging attempt failed');
    await abandonAttempt(db, submissionId, attempt, workerId, reason).catch((writeError: unknown) => {
      log.error({ submissionId, attempt, err: writeError }, 'recording the failed attempt failed');
    });
    throw error;
  }
}

/** Ends a submission whose job ran out of attempts (it arrives on the dead-letter queue). */
export async function runDeadLetterJob(context: JudgeJobContext, submissionId: string): Promise<void> {
  const message = `The judge failed ${JUDGE_ATTEMPTS} times while judging this submission; this is not your fault. Please submit again later.`;
  const written = await failSubmission(context.db, submissionId, context.workerId, message);
  context.log.error({ submissionId, verdict: 'internal_error', written }, 'judging attempts used up');
}

import type { Database } from '../../lib/db/client';
import type { CustomRunJobData, CustomRunJobOutput } from '../../lib/judge-queue/queue-config';
import { JudgeInternalError } from '../core/judge-error';
import type { JudgeLogger, Sandbox } from '../core/judge-types';
import { CustomInputError, runCustom } from '../core/run-custom';
import type { Json, TaskDefinition } from '../tasks/types';

export interface CustomRunJobContext {
  db: Database;
  /** A sandbox process apart from the one that judges submissions, so that a run does not wait for a submission to finish. */
  sandbox: Sandbox;
  findTask: (slug: string) => TaskDefinition<Json> | undefined;
  workerId: string;
  log: JudgeLogger;
}

/**
 * Runs one custom run and returns the output pg-boss stores on the job. Throws when the judge
 * fails (the task is missing from this judge or has another version, the sandbox cannot start),
 * so that pg-boss retries the job once and then marks it failed.
 */
export async function runCustomRunJob(context: CustomRunJobContext, jobId: string, data: CustomRunJobData): Promise<CustomRunJobOutput> {
  const { log } = context;
  try {
    return await runJob(context, jobId, data);
  } catch (error) {
    // pg-boss keeps the error as the failed job's output, which the web app never shows.
    log.error({ runId: jobId, userId: data.userId, taskVersionId: data.taskVersionId, err: error }, 'custom run failed in the judge');
    throw error;
  }
}

/** Looks up the task of the run's task version and runs it; see runCustomRunJob. */
async function runJob(context: CustomRunJobContext, jobId: string, data: CustomRunJobData): Promise<CustomRunJobOutput> {
  const { db, workerId, log } = context;
  const version = await db.taskVersion.findUnique({ where: { id: data.taskVersionId }, select: { judgeSlug: true, version: true } });
  if (!version) throw new JudgeInternalError(`custom run ${jobId} names task version ${data.taskVersionId}, which does not exist`);
  const task = context.findTask(version.judgeSlug);
  if (!task) throw new JudgeInternalError(`this judge has no task "${version.judgeSlug}"`);
  if (task.version !== version.version) {
    throw new JudgeInternalError(`the run needs version ${version.version} of "${version.judgeSlug}", but this judge has version ${task.version}`);
  }

  try {
    const result = await runCustom({ task, code: data.code, language: data.language, args: data.args, sandbox: context.sandbox, log });
    log.info(
      {
        runId: jobId,
        userId: data.userId,
        task: task.slug,
        verdict: result.verdict,
        cpuMs: result.candidate.cpuMs,
        referenceCpuMs: result.reference.cpuMs,
        referenceStatus: result.reference.status,
      },
      'custom run finished',
    );
    return { kind: 'result', result };
  } catch (error) {
    if (!(error instanceof CustomInputError)) throw error;
    log.warn({ runId: jobId, userId: data.userId, task: task.slug, reason: error.message }, 'custom run input rejected by the worker');
    return { kind: 'invalid_input', message: error.message };
  }
}

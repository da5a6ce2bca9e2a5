import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Json, TaskDefinition } from '../../judge/tasks/types';
import { logger } from '../log/logger';

/** Looks up a judged task part by its judge slug (TaskVersion.judgeSlug). */
export type FindJudgeTask = (judgeSlug: string) => Promise<TaskDefinition<Json> | undefined>;

interface TaskRegistryModule {
  findTask(slug: string): TaskDefinition<Json> | undefined;
}

const globalForRegistry = globalThis as unknown as { holdoutTaskRegistry?: Promise<TaskRegistryModule> };

/**
 * Loads judge/tasks/registry.ts at run time through tsx, outside the Next.js bundle. The task
 * modules read their statements from files next to them (import.meta.dirname, which Turbopack
 * leaves undefined) and the neural ones load TensorFlow.js, so they cannot be bundled. The web app
 * uses only `validateArgs` of the loaded tasks: references run on the host only in the judge, and
 * the sandbox is never loaded here. Paths are relative to the working directory, the project root
 * from which `next start` runs.
 */
async function importRegistry(): Promise<TaskRegistryModule> {
  const { tsImport } = await import('tsx/esm/api');
  const registryPath = path.join(process.cwd(), 'judge', 'tasks', 'registry.ts');
  const started = performance.now();
  const registryUrl = pathToFileURL(registryPath).href;
  const loaded = (await tsImport(registryUrl, registryUrl)) as Partial<TaskRegistryModule>;
  if (typeof loaded.findTask !== 'function') throw new Error(`${registryPath} does not export findTask`);
  logger.info({ ms: Math.round(performance.now() - started) }, 'task registry loaded for validating custom runs');
  return loaded as TaskRegistryModule;
}

/**
 * Returns the judge's task definition for a judge slug, or undefined when this judge has none.
 * The registry loads once per process, and a failed load is retried on the next call.
 * NOTE: loading it adds about 130 MB of resident memory to the web process and takes 1 to 4 s, which
 * the first custom run after a start waits for (measured with Node 24 on 2 loaded cores, all 11
 * function parts registered).
 */
export const findJudgeTask: FindJudgeTask = async (judgeSlug) => {
  if (!globalForRegistry.holdoutTaskRegistry) {
    const loading = importRegistry();
    globalForRegistry.holdoutTaskRegistry = loading;
    loading.catch(() => {
      if (globalForRegistry.holdoutTaskRegistry === loading) globalForRegistry.holdoutTaskRegistry = undefined;
    });
  }
  const registry = await globalForRegistry.holdoutTaskRegistry;
  return registry.findTask(judgeSlug);
};

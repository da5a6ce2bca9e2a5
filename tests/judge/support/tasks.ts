import type { TrainingTaskDefinition } from '../../../judge/tasks/training-types';
import type { Json, TaskDefinition } from '../../../judge/tasks/types';
import { createSumRowsTask, sumRowsTask } from './sum-rows';
import { moonsTask } from './two-moons';

/**
 * Test-only tasks by slug: sum-rows, a variant with generous limits for slow submissions, and one
 * whose hidden-test generator always throws, which makes every judging attempt fail inside the judge.
 */
export const supportTasks: ReadonlyMap<string, TaskDefinition<Json>> = new Map([
  ['sum-rows', sumRowsTask],
  ['slow-sum-rows', createSumRowsTask({ slug: 'slow-sum-rows', limits: { cpuMsPerTest: 10_000, wallMsPerTest: 20_000, memoryMb: 64, sourceBytes: 16_384 } })],
  [
    'broken-sum-rows',
    createSumRowsTask({
      slug: 'broken-sum-rows',
      hiddenTests: () => {
        throw new Error('this generator fails on purpose');
      },
    }),
  ],
]);

export function findSupportTask(slug: string): TaskDefinition<Json> | undefined {
  return supportTasks.get(slug);
}

/** Test-only training parts by slug: two-moons-train (judge-side support for "train a model" parts). */
export const supportTrainingTasks: ReadonlyMap<string, TrainingTaskDefinition> = new Map([['two-moons-train', moonsTask]]);

export function findSupportTrainingTask(slug: string): TrainingTaskDefinition | undefined {
  return supportTrainingTasks.get(slug);
}

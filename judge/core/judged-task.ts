import type { TrainingTaskDefinition } from '../tasks/training-types';
import type { Json, TaskDefinition } from '../tasks/types';

/** A task part the judge grades: a function part (tests and a checker) or a "train a model" part. */
export type JudgedTask = TaskDefinition<Json> | TrainingTaskDefinition;

export function isTrainingTask(task: JudgedTask): task is TrainingTaskDefinition {
  return 'mode' in task && task.mode === 'training';
}

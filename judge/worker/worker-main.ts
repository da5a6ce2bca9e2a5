// Entry point of one judge worker process; judge/main.ts starts and restarts these.
import { findTask } from '../tasks/registry';
import { findTrainingTask, trainingTaskRegistry } from '../tasks/training-registry';
import { runWorkerProcess } from './run-worker-process';

void runWorkerProcess({ findTask, findTrainingTask, trainingTasks: [...trainingTaskRegistry.values()] });

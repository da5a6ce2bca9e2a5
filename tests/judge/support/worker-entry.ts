// A judge worker process that knows only the test tasks of tests/judge/support/tasks.ts.
import { runWorkerProcess } from '../../../judge/worker/run-worker-process';
import { findSupportTask, findSupportTrainingTask } from './tasks';

void runWorkerProcess({ findTask: findSupportTask, findTrainingTask: findSupportTrainingTask });

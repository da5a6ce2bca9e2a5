import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const STOP_TIMEOUT_MS = 40_000;
/** A worker that exits sooner than this after starting counts as failing to start. */
const HEALTHY_UPTIME_MS = 10_000;
const MAX_RESTART_DELAY_MS = 30_000;

export interface WorkerSupervisorOptions {
  count: number;
  /** The worker entry module, run as `node --no-node-snapshot --import tsx <entry>`. */
  entry: string;
  /** Environment of the workers; defaults to this process's. */
  env?: NodeJS.ProcessEnv;
  log: Pick<Logger, 'info' | 'warn' | 'error'>;
}

export interface WorkerSupervisor {
  /** Process ids of the workers running now. */
  pids(): number[];
  /** Sends SIGTERM to every worker, waits for them (SIGKILL after a timeout), and stops restarting. */
  stop(): Promise<void>;
}

/**
 * Starts `count` worker processes and restarts any that exits, however it exits. Restarts of a
 * worker that keeps dying right after its start are delayed more each time, up to 30 s.
 */
export function superviseWorkers(options: WorkerSupervisorOptions): WorkerSupervisor {
  const workers = new Map<number, ChildProcess>();
  const restartTimers = new Set<NodeJS.Timeout>();
  let stopping = false;
  let generation = 0;

  function start(slot: number, quickFailures: number): void {
    generation += 1;
    const workerId = `${os.hostname()}-${process.pid}-w${slot}.${generation}`;
    const startedAt = Date.now();
    const child = spawn(process.execPath, ['--no-node-snapshot', '--import', 'tsx', options.entry], {
      cwd: PROJECT_ROOT,
      env: { ...(options.env ?? process.env), HOLDOUT_SERVICE: 'judge-worker', HOLDOUT_JUDGE_WORKER_ID: workerId },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    workers.set(slot, child);
    options.log.info({ slot, workerId, pid: child.pid }, 'judge worker process started');

    child.once('exit', (code, signal) => {
      if (workers.get(slot) === child) workers.delete(slot);
      if (stopping) return;
      const failures = Date.now() - startedAt < HEALTHY_UPTIME_MS ? quickFailures + 1 : 0;
      const delay = Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** failures);
      options.log.warn({ slot, workerId, code, signal, restartInMs: delay }, 'judge worker process exited; restarting it');
      const timer = setTimeout(() => {
        restartTimers.delete(timer);
        if (!stopping) start(slot, failures);
      }, delay);
      restartTimers.add(timer);
    });
    child.once('error', (error) => options.log.error({ slot, workerId, err: error }, 'judge worker process failed to spawn'));
  }

  for (let slot = 0; slot < options.count; slot++) start(slot, 0);

  return {
    pids: () => [...workers.values()].map((child) => child.pid).filter((pid): pid is number => pid !== undefined),
    async stop() {
      stopping = true;
      for (const timer of restartTimers) clearTimeout(timer);
      restartTimers.clear();
      const running = [...workers.values()].filter((child) => child.exitCode === null && child.signalCode === null);
      await Promise.all(
        running.map(
          (child) =>
            new Promise<void>((resolve) => {
              const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
              child.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              child.kill('SIGTERM');
            }),
        ),
      );
      workers.clear();
    },
  };
}

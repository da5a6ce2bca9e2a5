import { fork, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { COMPILE_DEADLINE_MS, PROCESS_GRACE_MS, TFJS_BUILD_GRACE_MS } from './limits';
import type { ChildMessage, CompileOutcome, CompileRequest, ParentMessage, RunOutcome, RunRequest, TrainOutcome, TrainRequest } from './protocol';

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');
const CHILD_ENTRY = path.join(import.meta.dirname, 'child-main.ts');
const START_TIMEOUT_MS = 60_000;
const RSS_POLL_MS = 50;
const BYTES_PER_MIB = 1024 * 1024;
const PAGE_BYTES = 4096;
const STDERR_KEEP_CHARS = 4000;

export type SandboxLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface SandboxProcessOptions {
  log?: SandboxLogger;
  /**
   * How far the sandbox process's resident memory may grow during one run, in MiB, given the run's
   * isolate limit. isolated-vm's README warns that hostile code can use two to three times an
   * isolate's memoryLimit. Past this cap the process is killed and the run is memory_limit_exceeded.
   */
  rssAllowanceMb?: (memoryMb: number) => number;
  /** How long a compile step (esbuild) may take before the process is killed; default COMPILE_DEADLINE_MS. */
  compileDeadlineMs?: number;
}

/** Reason a request to the sandbox process produced no reply. */
type Failure = { failed: 'exited'; code: number | null; signal: NodeJS.Signals | null } | { failed: 'deadline' } | { failed: 'memory' };

/** The judge's fault: the sandbox process could not be started or stopped responding. */
export class SandboxUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SandboxUnavailableError';
  }
}

function defaultRssAllowanceMb(memoryMb: number): number {
  return 3 * memoryMb + 128;
}

/** Reads a process's resident set size from /proc; null where /proc is not available. */
async function residentBytes(pid: number): Promise<number | null> {
  try {
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8');
    return Number(statm.split(' ')[1]) * PAGE_BYTES;
  } catch {
    return null;
  }
}

/**
 * The parent's handle on the sandbox process (judge/sandbox/child-main.ts). It starts the process on
 * first use, sends one request at a time, and replaces the process whenever it dies, exceeds its
 * memory allowance or misses a deadline, so the judge itself survives whatever candidate code does.
 *
 * A run whose process dies is retried once in a new process. If that process dies as well, the run
 * is memory_limit_exceeded, because running out of memory is the one way known here for code inside
 * an isolate to take the process down (isolated-vm's README warns that out-of-memory can crash it).
 */
export class SandboxProcess {
  private child: ChildProcess | null = null;
  private starting: Promise<ChildProcess> | null = null;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();
  private stderrTail = '';
  private closed = false;
  private readonly log: SandboxLogger | undefined;
  private readonly rssAllowanceMb: (memoryMb: number) => number;
  private readonly compileDeadlineMs: number;

  constructor(options: SandboxProcessOptions = {}) {
    this.log = options.log;
    this.rssAllowanceMb = options.rssAllowanceMb ?? defaultRssAllowanceMb;
    this.compileDeadlineMs = options.compileDeadlineMs ?? COMPILE_DEADLINE_MS;
  }

  /** Process id of the current sandbox process, or null when none runs. */
  get pid(): number | null {
    return this.child?.pid ?? null;
  }

  /** Compiles a submission in the sandbox process, so that esbuild's time is bounded too. */
  compile(request: CompileRequest): Promise<CompileOutcome> {
    return this.exclusive(async () => {
      const reply = await this.request({ id: this.nextId++, type: 'compile', request }, this.compileDeadlineMs, null);
      if ('failed' in reply) {
        if (reply.failed === 'deadline') {
          return { ok: false, message: `Compiling took longer than ${this.compileDeadlineMs / 1000} s and was stopped.`, line: null, column: null };
        }
        throw new SandboxUnavailableError(`the sandbox process failed while compiling (${describeFailure(reply)})`);
      }
      if (reply.type !== 'compiled') throw new SandboxUnavailableError(`unexpected reply ${reply.type} to a compile request`);
      return reply.outcome;
    });
  }

  /** Runs one call of the candidate's function; see the class comment for crash handling. */
  run(request: RunRequest): Promise<RunOutcome> {
    return this.exclusive(async () => {
      const deadline = request.limits.wallMs + PROCESS_GRACE_MS;
      const allowance = this.rssAllowanceMb(request.limits.memoryMb) * BYTES_PER_MIB;
      for (let attempt = 1; ; attempt++) {
        const reply = await this.request({ id: this.nextId++, type: 'run', request }, deadline, allowance);
        if (!('failed' in reply)) {
          if (reply.type !== 'ran') throw new SandboxUnavailableError(`unexpected reply ${reply.type} to a run request`);
          return reply.outcome;
        }
        if (reply.failed === 'deadline') return { kind: 'time_limit', cause: 'unresponsive', cpuMs: null, console: [] };
        if (reply.failed === 'memory') return { kind: 'memory_limit', cause: 'process', cpuMs: null, console: [] };
        this.log?.warn({ attempt, failure: describeFailure(reply), stderr: this.stderrTail }, 'sandbox process died during a run');
        if (attempt >= 2) return { kind: 'memory_limit', cause: 'process', cpuMs: null, console: [] };
      }
    });
  }

  /**
   * Runs one training run (train() and predict() in one isolate with TensorFlow.js); crashes are
   * handled as for run(). The deadline also allows for building the TensorFlow.js bundle, which the
   * sandbox process does on its first training run.
   */
  train(request: TrainRequest): Promise<TrainOutcome> {
    return this.exclusive(async () => {
      const deadline = request.limits.wallMs + PROCESS_GRACE_MS + TFJS_BUILD_GRACE_MS;
      const allowance = this.rssAllowanceMb(request.limits.memoryMb) * BYTES_PER_MIB;
      const lost = { tf: null, trainCpuMs: null, cpuMs: null, console: [] };
      for (let attempt = 1; ; attempt++) {
        const reply = await this.request({ id: this.nextId++, type: 'train', request }, deadline, allowance);
        if (!('failed' in reply)) {
          if (reply.type !== 'trained') throw new SandboxUnavailableError(`unexpected reply ${reply.type} to a train request`);
          return reply.outcome;
        }
        if (reply.failed === 'deadline') return { kind: 'time_limit', cause: 'unresponsive', ...lost };
        if (reply.failed === 'memory') return { kind: 'memory_limit', cause: 'process', ...lost };
        this.log?.warn({ attempt, failure: describeFailure(reply), stderr: this.stderrTail }, 'sandbox process died during a training run');
        if (attempt >= 2) return { kind: 'memory_limit', cause: 'process', ...lost };
      }
    });
  }

  /** Stops the sandbox process; later calls start a new one unless the handle is closed. */
  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task, task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async ensureStarted(): Promise<ChildProcess> {
    if (this.closed) throw new SandboxUnavailableError('the sandbox process handle is closed');
    if (this.child && this.child.exitCode === null && this.child.signalCode === null) return this.child;
    this.starting ??= this.start().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private start(): Promise<ChildProcess> {
    // No secrets: the environment carries only what Node and tsx need.
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: process.env.NODE_ENV ?? 'production' };
    if (process.env.TMPDIR) env.TMPDIR = process.env.TMPDIR;
    const child = fork(CHILD_ENTRY, [], {
      cwd: PROJECT_ROOT,
      env,
      // Without concurrent recompilation, V8 optimises hot code on the isolate's own thread at a
      // fixed point, so CPU times repeat. With it, the moment a background compile finished moved
      // the minimum CPU time of a K-means run by up to 17 % between identical judgings.
      execArgv: ['--no-node-snapshot', '--no-concurrent-recompilation', '--import', 'tsx'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      serialization: 'json',
    });
    this.stderrTail = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_KEEP_CHARS);
    });

    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new SandboxUnavailableError(`the sandbox process did not start within ${START_TIMEOUT_MS / 1000} s`));
      }, START_TIMEOUT_MS);
      const onMessage = (message: ChildMessage) => {
        if (message.type !== 'ready') return;
        cleanup();
        this.child = child;
        this.log?.info({ pid: child.pid }, 'sandbox process started');
        resolve(child);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        reject(new SandboxUnavailableError(`the sandbox process exited while starting (code ${code}, signal ${signal}): ${this.stderrTail}`));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(new SandboxUnavailableError('the sandbox process could not be started', { cause: error }));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
        child.off('error', onError);
      };
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.once('error', onError);
    });
  }

  /** Sends one message and waits for its reply, a deadline, the memory allowance, or the process's exit. */
  private async request(message: ParentMessage, deadlineMs: number, rssAllowanceBytes: number | null): Promise<ChildMessage | Failure> {
    const child = await this.ensureStarted();
    const pid = child.pid;
    const rssBefore = rssAllowanceBytes !== null && pid !== undefined ? await residentBytes(pid) : null;

    return new Promise((resolve) => {
      let settled = false;
      const finish = (result: ChildMessage | Failure) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        clearInterval(memoryWatch);
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(result);
      };
      const kill = (result: Failure) => {
        finish(result);
        this.child = null;
        child.kill('SIGKILL');
      };
      const onMessage = (reply: ChildMessage) => {
        if (reply.type !== 'ready' && reply.id === message.id) finish(reply);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        this.child = null;
        finish({ failed: 'exited', code, signal });
      };
      const deadline = setTimeout(() => kill({ failed: 'deadline' }), deadlineMs);
      // NOTE: resident memory is read from /proc, so the process-level memory cap works on Linux only.
      const memoryWatch = setInterval(() => {
        if (rssBefore === null || rssAllowanceBytes === null || pid === undefined) return;
        void residentBytes(pid).then((bytes) => {
          if (bytes !== null && bytes - rssBefore > rssAllowanceBytes) kill({ failed: 'memory' });
        });
      }, RSS_POLL_MS);

      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send(message, (error) => {
        if (error) kill({ failed: 'exited', code: null, signal: null });
      });
    });
  }
}

function describeFailure(failure: Failure): string {
  if (failure.failed === 'exited') return `exited with code ${failure.code}, signal ${failure.signal}`;
  return failure.failed === 'deadline' ? 'missed its deadline' : 'exceeded its memory allowance';
}

import type ivm from 'isolated-vm';
import { CPU_POLL_MS, HARNESS_CPU_MS } from './limits';
import type { RunLimits } from './protocol';

/** cpu: candidate code ran out of CPU time; harness: the judge's own steps did (see HARNESS_CPU_MS). */
export type StopCause = 'cpu' | 'harness' | 'wall';

const NANOSECONDS_PER_MS = 1_000_000;
const NANOSECONDS_PER_MICROSECOND = 1_000n;

/**
 * Enforces one run's limits from outside the isolate, and measures its CPU time.
 *
 * CPU time is this process's CPU time (process.cpuUsage: every thread, user plus system), read
 * around each phase. The sandbox process runs one isolate at a time and its own thread waits
 * meanwhile, so that is the isolate's CPU time, including V8's background threads (garbage
 * collection, optimising compiler) working for it.
 *
 * isolate.cpuTime is not used. The prebuilt isolated-vm 7.0.1 binary for linux-x64 is built without
 * USE_CLOCK_THREAD_CPUTIME_ID (it imports no clock_gettime), so its cpuTime advances with the wall
 * clock while the isolate runs. On a loaded machine we measured it equal to wall time.
 *
 * The CPU limit is checked every few milliseconds. isolated-vm's `timeout` option is not the CPU
 * limit either: its timer (src/isolate/run_with_timeout.h) counts wall-clock time while the isolate
 * runs. The wall limit is a timer, and it also ends promises that never settle, which no `timeout`
 * covers. Either stops the isolate by disposing it, and the guard remembers why, so the outcome is
 * classified from this state.
 */
export class IsolateGuard {
  private readonly startedAt = performance.now();
  private readonly wallTimer: NodeJS.Timeout;
  private readonly cpuTimer: NodeJS.Timeout;
  private phase: { candidate: boolean; startCpu: bigint } | null = null;
  private candidateNs = 0n;
  stopCause: StopCause | null = null;

  constructor(
    private readonly isolate: ivm.Isolate,
    private readonly limits: RunLimits,
  ) {
    this.wallTimer = setTimeout(() => this.stop('wall'), limits.wallMs);
    this.cpuTimer = setInterval(() => this.checkCpu(), CPU_POLL_MS);
  }

  /** Milliseconds left of the wall limit, for isolated-vm's own `timeout` option as a backstop. */
  remainingWallMs(): number {
    return Math.max(1, Math.ceil(this.limits.wallMs - this.elapsedMs()) + 100);
  }

  elapsedMs(): number {
    return performance.now() - this.startedAt;
  }

  /** Starts counting CPU time; candidate phases count towards the CPU limit, harness phases do not. */
  beginPhase(candidate: boolean): void {
    this.phase = { candidate, startCpu: this.readCpu() };
  }

  endPhase(): void {
    if (!this.phase) return;
    const used = this.readCpu() - this.phase.startCpu;
    if (this.phase.candidate) this.candidateNs += used;
    this.phase = null;
  }

  /** CPU time of the candidate's phases so far, in milliseconds. */
  candidateCpuMs(): number {
    return Number(this.candidateNs) / NANOSECONDS_PER_MS;
  }

  /** Stops the timers; call once the run is over. */
  release(): void {
    clearTimeout(this.wallTimer);
    clearInterval(this.cpuTimer);
  }

  private readCpu(): bigint {
    const usage = process.cpuUsage();
    return BigInt(usage.user + usage.system) * NANOSECONDS_PER_MICROSECOND;
  }

  private checkCpu(): void {
    if (!this.phase || this.stopCause) return;
    const phaseNs = this.readCpu() - this.phase.startCpu;
    const usedMs = this.phase.candidate ? Number(this.candidateNs + phaseNs) / NANOSECONDS_PER_MS : Number(phaseNs) / NANOSECONDS_PER_MS;
    const limitMs = this.phase.candidate ? this.limits.cpuMs : HARNESS_CPU_MS;
    if (usedMs > limitMs) {
      const candidate = this.phase.candidate;
      if (candidate) this.candidateNs += phaseNs;
      this.phase = null;
      this.stop(candidate ? 'cpu' : 'harness');
    }
  }

  private stop(cause: StopCause): void {
    if (this.stopCause || this.isolate.isDisposed) return;
    this.stopCause = cause;
    this.isolate.dispose();
  }
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import ivm from 'isolated-vm';
import { IsolateGuard } from './isolate-guard';
import { CONSOLE_MAX_CHARS, LOSS_HISTORY_MAX_ENTRIES, MEMORY_NEAR_LIMIT_FRACTION, OUTPUT_MAX_CHARS, OUTPUT_MAX_DEPTH } from './limits';
import type { RunOutcome, RunRequest } from './protocol';

const HARNESS_SOURCE = readFileSync(path.join(import.meta.dirname, 'in-isolate', 'harness.js'), 'utf8').trim().replace(/;$/, '');
const HARNESS_SETTINGS = JSON.stringify({
  outputMaxChars: OUTPUT_MAX_CHARS,
  outputMaxDepth: OUTPUT_MAX_DEPTH,
  consoleMaxChars: CONSOLE_MAX_CHARS,
  lossHistoryMaxEntries: LOSS_HISTORY_MAX_ENTRIES,
});
/** Evaluated in a context with the console callback as $0; returns the harness's dispatcher. */
export const HARNESS_CLOSURE = `return (${HARNESS_SOURCE})($0, ${HARNESS_SETTINGS});`;
export const SUBMISSION_FILENAME = 'file:///submission.js';
export const HARNESS_FILENAME = 'file:///holdout-harness.js';
const BYTES_PER_MIB = 1024 * 1024;

export interface HarnessStatus {
  kind: 'ok' | 'threw' | 'not_a_function' | 'invalid_output' | 'unknown_operation';
  message?: string;
}

/**
 * Wraps compiled code in a function that takes `module` and `exports`, so that compiling the script
 * runs none of it. compileSource's output is a complete program reprinted by esbuild, so it cannot
 * close this function early.
 */
export function wrapCompiled(code: string): string {
  return `(function (module, exports) {"use strict";\n${code}\n})`;
}

/** Harness operations during which candidate code runs: the module's top level, its function, and getters or proxy traps on its output. */
const CANDIDATE_OPERATIONS: ReadonlySet<string> = new Set(['load', 'call', 'model', 'predict', 'output']);

type Dispatch = ivm.Reference<(...args: unknown[]) => unknown>;

/** Calls into the harness, one operation at a time, each as a phase of the guard. */
export interface HarnessCaller {
  call(operation: string, args: unknown[], candidate: boolean, awaitPromise?: boolean): Promise<{ status: HarnessStatus; payload: string }>;
  /** The candidate operation from which an exception escaped to the host, or null. */
  readonly escapedFrom: string | null;
}

/** Creates a harness caller. `dispatch()` returns the harness's dispatcher, or undefined before the harness exists. */
export function createHarnessCaller(guard: IsolateGuard, dispatch: () => Dispatch | undefined): HarnessCaller {
  let escapedFrom: string | null = null;
  return {
    get escapedFrom() {
      return escapedFrom;
    },
    async call(operation, args, candidate, awaitPromise = false) {
      const dispatcher = dispatch();
      if (!dispatcher) throw new Error('the harness is not ready');
      guard.beginPhase(candidate);
      try {
        const result: unknown = await dispatcher.apply(undefined, [operation, ...args] as never[], {
          timeout: guard.remainingWallMs(),
          result: awaitPromise ? { promise: true, copy: true } : { copy: true },
        });
        return parseStatus(result);
      } catch (error) {
        if (CANDIDATE_OPERATIONS.has(operation)) escapedFrom = operation;
        throw error;
      } finally {
        guard.endPhase();
      }
    },
  };
}

/**
 * Builds the runtime error for an exception that escaped the harness's try blocks while candidate
 * code ran and no limit was hit. V8 raises some errors that no JavaScript `catch` can handle: a synchronous
 * `import()` in an isolate without a module loader throws "Not supported" straight to the host.
 */
export function uncatchableError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${message} (raised by the sandbox, not catchable by your code: import(), modules and host features are not available)`;
}

export function parseStatus(text: unknown): { status: HarnessStatus; payload: string } {
  if (typeof text !== 'string') throw new Error('the harness returned a non-string');
  const newline = text.indexOf('\n');
  const head = newline < 0 ? text : text.slice(0, newline);
  return { status: JSON.parse(head) as HarnessStatus, payload: newline < 0 ? '' : text.slice(newline + 1) };
}

/**
 * Runs the candidate's exported function once, in a new isolate that is disposed afterwards, so no
 * state crosses runs. The isolate receives only copied strings and a logging callback that takes
 * strings. The harness, set up before the candidate's code existed there, decodes the input and
 * encodes the output inside the isolate. Every outcome is classified from the guard's and the
 * isolate's state, never from error text.
 */
export async function runInIsolate(request: RunRequest): Promise<RunOutcome> {
  const consoleLines: string[] = [];
  let consoleChars = 0;
  const onConsole = (line: unknown) => {
    // The harness caps console output already; this cap only bounds what a broken harness could send.
    if (!request.captureConsole || typeof line !== 'string' || consoleChars > CONSOLE_MAX_CHARS * 2) return;
    consoleLines.push(line);
    consoleChars += line.length + 1;
  };

  const isolate = new ivm.Isolate({ memoryLimit: request.limits.memoryMb });
  const guard = new IsolateGuard(isolate, request.limits);

  let dispatch: Dispatch | undefined;
  const harness = createHarnessCaller(guard, () => dispatch);
  const callHarness = harness.call;

  try {
    const context = await isolate.createContext();
    dispatch = await context.evalClosure(HARNESS_CLOSURE, [new ivm.Callback(onConsole, { ignored: true })], {
      filename: HARNESS_FILENAME,
      timeout: guard.remainingWallMs(),
      result: { reference: true },
    });
    const script = await isolate.compileScript(wrapCompiled(request.code), { filename: SUBMISSION_FILENAME });
    const factory: ivm.Reference<unknown> = await script.run(context, { reference: true, timeout: guard.remainingWallMs() });

    const decoded = await callHarness('input', [request.input], false);
    if (decoded.status.kind !== 'ok') return { kind: 'internal', message: `decoding the input failed: ${decoded.status.kind}` };

    const loaded = await callHarness('load', [factory.derefInto(), request.functionName], true);
    if (loaded.status.kind === 'not_a_function') return { kind: 'not_a_function', message: loaded.status.message ?? '' };
    if (loaded.status.kind === 'threw') return await threwOrOutOfMemory(loaded.status.message ?? '');

    const called = await callHarness('call', [], true, true);
    if (guard.candidateCpuMs() > request.limits.cpuMs) return timeLimit('cpu');
    if (called.status.kind === 'threw') return await threwOrOutOfMemory(called.status.message ?? '');

    const encoded = await callHarness('output', [], false);
    const cpuMs = guard.candidateCpuMs();
    if (encoded.status.kind === 'ok') return { kind: 'returned', output: encoded.payload, cpuMs, console: consoleLines };
    if (encoded.status.kind === 'invalid_output') return { kind: 'invalid_output', message: encoded.status.message ?? '', cpuMs, console: consoleLines };
    if (encoded.status.kind === 'threw') return { kind: 'threw', message: encoded.status.message ?? '', cpuMs, console: consoleLines };
    return { kind: 'internal', message: `unexpected harness status ${encoded.status.kind}` };
  } catch (error) {
    return classifyFailure(error);
  } finally {
    guard.release();
    if (!isolate.isDisposed) isolate.dispose();
  }

  function timeLimit(cause: 'cpu' | 'harness' | 'wall'): RunOutcome {
    return { kind: 'time_limit', cause, cpuMs: guard.candidateCpuMs(), console: consoleLines };
  }

  /** Classifies a thrown exception as memory_limit_exceeded when the heap was full as it was thrown. */
  async function threwOrOutOfMemory(message: string): Promise<RunOutcome> {
    const cpuMs = guard.candidateCpuMs();
    if (guard.candidateCpuMs() > request.limits.cpuMs) return timeLimit('cpu');
    const heap = await isolate.getHeapStatistics();
    const used = heap.used_heap_size + heap.externally_allocated_size;
    if (used >= request.limits.memoryMb * BYTES_PER_MIB * MEMORY_NEAR_LIMIT_FRACTION) {
      return { kind: 'memory_limit', cause: 'heap', cpuMs, console: consoleLines };
    }
    return { kind: 'threw', message, cpuMs, console: consoleLines };
  }

  /**
   * Classifies an exception from the isolate itself. Candidate code runs inside the harness's try
   * blocks, so the exception means that the guard stopped the isolate, isolated-vm disposed it at
   * its memory limit, isolated-vm's own timeout (set just past the wall limit) fired, or candidate
   * code made V8 raise an error that no `catch` can handle. Anything else is the judge's fault.
   */
  function classifyFailure(error: unknown): RunOutcome {
    if (guard.stopCause) return timeLimit(guard.stopCause);
    if (isolate.isDisposed) return { kind: 'memory_limit', cause: 'isolate', cpuMs: guard.candidateCpuMs(), console: consoleLines };
    if (guard.elapsedMs() >= request.limits.wallMs) return timeLimit('wall');
    if (harness.escapedFrom !== null) return { kind: 'threw', message: uncatchableError(error), cpuMs: guard.candidateCpuMs(), console: consoleLines };
    return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Requests and results exchanged between the judge and its sandbox process. */

export type Language = 'typescript' | 'javascript';

export interface CompileRequest {
  source: string;
  language: Language;
  /** The export the module must provide. */
  functionName: string;
  /** Largest accepted source, in UTF-8 bytes; checked before esbuild runs. */
  maxBytes: number;
}

export type CompileOutcome =
  | { ok: true; /** A CommonJS-style function body; see wrapCompiled in run-in-isolate.ts. */ code: string }
  | { ok: false; message: string; /** 1-based, when the error has a position. */ line: number | null; column: number | null };

export interface RunLimits {
  /** CPU time of the candidate's code in one run (module top level plus the call). */
  cpuMs: number;
  /** Wall-clock time of the whole run, from creating the isolate to reading the output. */
  wallMs: number;
  /** The isolate's memory limit in MiB (isolated-vm calls it a guideline, not a hard cap). */
  memoryMb: number;
}

export interface RunRequest {
  /** Output of a successful compile step. */
  code: string;
  functionName: string;
  /** The argument list in the wire format (judge/sandbox/wire-format.ts). */
  input: string;
  limits: RunLimits;
  /** Whether console output is kept; false for hidden tests, whose output must not leave the judge. */
  captureConsole: boolean;
}

/**
 * How one run ended. `cpuMs` is the CPU time spent in candidate code (the module's top level and
 * the call), measured as described in isolate-guard.ts. It is null where the run left no
 * measurement, because the sandbox process died or stopped responding.
 */
export type RunOutcome =
  | { kind: 'returned'; /** Wire format. */ output: string; cpuMs: number; console: string[] }
  | { kind: 'threw'; message: string; cpuMs: number; console: string[] }
  | { kind: 'invalid_output'; message: string; cpuMs: number; console: string[] }
  | { kind: 'not_a_function'; message: string }
  | {
      kind: 'time_limit';
      /**
       * What ran out:
       * - cpu: the candidate's code used up its CPU time.
       * - harness: reading the returned value used up its own CPU budget (getters and proxy traps run then).
       * - wall: the run outlived the wall-clock limit.
       * - unresponsive: the sandbox process stopped responding and was killed.
       */
      cause: 'cpu' | 'harness' | 'wall' | 'unresponsive';
      cpuMs: number | null;
      console: string[];
    }
  | { kind: 'memory_limit'; cause: 'isolate' | 'heap' | 'process'; cpuMs: number | null; console: string[] }
  | { kind: 'internal'; message: string };

export type ParentMessage =
  | { id: number; type: 'compile'; request: CompileRequest }
  | { id: number; type: 'run'; request: RunRequest };

export type ChildMessage =
  | { type: 'ready' }
  | { id: number; type: 'compiled'; outcome: CompileOutcome }
  | { id: number; type: 'ran'; outcome: RunOutcome };

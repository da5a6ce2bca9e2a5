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
  | {
      kind: 'memory_limit';
      /** wasm: TensorFlow.js's wasm backend reached the memory limit (training runs only). */
      cause: 'isolate' | 'heap' | 'process' | 'wasm';
      cpuMs: number | null;
      console: string[];
    }
  | { kind: 'internal'; message: string };

/** TensorFlow.js backends available inside the isolate. */
export type TfBackendName = 'wasm' | 'cpu';

/**
 * One training run of a "train a model" part: the module's train(trainInput, budget), then
 * predict(testInput) on the model it resolved to, in one fresh isolate with the global `tf`.
 */
export interface TrainRequest {
  /** Output of a successful compile step for the export `train`. */
  code: string;
  /** train()'s arguments `[trainInput, budget]` in the wire format. */
  trainArgs: string;
  /** predict()'s arguments `[testInput]` in the wire format. */
  predictArgs: string;
  /** One budget for the whole run: train() and predict() share the CPU and wall limits. */
  limits: RunLimits;
  captureConsole: boolean;
  /** The backend to load; wasm falls back to cpu where it cannot start. */
  backend: TfBackendName;
}

/** Backend and load time of TensorFlow.js in a training run's isolate. */
export interface TfSetup {
  backend: TfBackendName;
  /** Reason the requested backend was replaced by cpu, or null when it was not. */
  fallbackReason: string | null;
  /** Wall-clock time from creating the isolate until `tf` was ready, in ms. */
  loadMs: number;
}

/**
 * Outcome of a training run. A `returned` output is `{ predictions, lossHistory }` in the wire
 * format, where lossHistory is null or the numbers of the model's `lossHistory` (non-numbers as NaN).
 */
export type TrainOutcome = RunOutcome & {
  /** Null when the run ended before TensorFlow.js was ready. */
  tf: TfSetup | null;
  /** CPU time of the module's top level and train(), without predict(), in ms; null where not measured. */
  trainCpuMs: number | null;
};

export type ParentMessage =
  | { id: number; type: 'compile'; request: CompileRequest }
  | { id: number; type: 'run'; request: RunRequest }
  | { id: number; type: 'train'; request: TrainRequest };

export type ChildMessage =
  | { type: 'ready' }
  | { id: number; type: 'compiled'; outcome: CompileOutcome }
  | { id: number; type: 'ran'; outcome: RunOutcome }
  | { id: number; type: 'trained'; outcome: TrainOutcome };

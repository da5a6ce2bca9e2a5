import ivm from 'isolated-vm';
import { IsolateGuard } from './isolate-guard';
import { CONSOLE_MAX_CHARS, MEMORY_NEAR_LIMIT_FRACTION } from './limits';
import { loadTensorFlow, TfInitTimeoutError, type LoadedTensorFlow } from './load-tfjs';
import type { RunOutcome, TfBackendName, TfSetup, TrainOutcome, TrainRequest } from './protocol';
import { tfjsBundle } from './tfjs-bundle';
import { createHarnessCaller, HARNESS_CLOSURE, HARNESS_FILENAME, SUBMISSION_FILENAME, uncatchableError, wrapCompiled } from './run-in-isolate';

const BYTES_PER_MIB = 1024 * 1024;

/** How long the wasm backend may take to initialise before this process gives up on it. */
const TF_INIT_TIMEOUT_MS = 10_000;

/**
 * Reason the wasm backend cannot be used in this sandbox process, set when it first fails. Later
 * runs then load the cpu backend directly instead of waiting for the same failure again.
 */
let wasmUnavailable: string | null = null;

type Attempt = TrainOutcome | { kind: 'tf_init_timeout' };

/**
 * Runs one training run. A fresh isolate gets TensorFlow.js (the global `tf`), then the harness,
 * then the module. The harness calls train(trainInput, budget), checks that it resolved to a model,
 * calls its predict(testInput) and encodes `{ predictions, lossHistory }`. train() and predict()
 * share the run's CPU, wall-clock and memory limits, and the wasm backend's memory is bounded by
 * the same memoryMb. The isolate is disposed afterwards.
 *
 * The wasm backend is preferred when requested. When it does not initialise (inside the isolate, or
 * not within TF_INIT_TIMEOUT_MS), this process falls back to the cpu backend for this and every
 * later run, and the outcome's `tf.fallbackReason` says why.
 */
export async function trainInIsolate(request: TrainRequest): Promise<TrainOutcome> {
  // Built before the isolate exists, so that the first run's wall-clock limit does not pay for it.
  try {
    tfjsBundle();
  } catch (error) {
    return { kind: 'internal', message: `building the TensorFlow.js bundle failed: ${error instanceof Error ? error.message : String(error)}`, tf: null, trainCpuMs: null };
  }
  const backend: TfBackendName = request.backend === 'wasm' && wasmUnavailable === null ? 'wasm' : 'cpu';
  const attempt = await trainOnce(request, backend);
  if (attempt.kind !== 'tf_init_timeout') {
    if (attempt.tf && backend === 'wasm' && attempt.tf.fallbackReason) wasmUnavailable = attempt.tf.fallbackReason;
    return request.backend === 'wasm' && backend === 'cpu' ? withFallbackReason(attempt) : attempt;
  }

  if (backend === 'cpu') return { kind: 'internal', message: 'the cpu backend of TensorFlow.js did not initialise in time', tf: null, trainCpuMs: null };
  wasmUnavailable = `the wasm backend did not initialise within ${TF_INIT_TIMEOUT_MS} ms`;
  const retried = await trainOnce(request, 'cpu');
  if (retried.kind === 'tf_init_timeout') return { kind: 'internal', message: 'the cpu backend of TensorFlow.js did not initialise in time', tf: null, trainCpuMs: null };
  return withFallbackReason(retried);
}

/** Adds the reason to a run that got cpu because wasm failed in an earlier run of this process. */
function withFallbackReason(outcome: TrainOutcome): TrainOutcome {
  if (!outcome.tf || outcome.tf.fallbackReason) return outcome;
  return { ...outcome, tf: { ...outcome.tf, fallbackReason: `wasm is unavailable in this sandbox process: ${wasmUnavailable}` } };
}

async function trainOnce(request: TrainRequest, backend: TfBackendName): Promise<Attempt> {
  const { limits } = request;
  const consoleLines: string[] = [];
  let consoleChars = 0;
  const onConsole = (line: unknown) => {
    if (!request.captureConsole || typeof line !== 'string' || consoleChars > CONSOLE_MAX_CHARS * 2) return;
    consoleLines.push(line);
    consoleChars += line.length + 1;
  };

  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  const guard = new IsolateGuard(isolate, limits);
  let wasmMemoryExceeded = false;
  let loading = true;
  let tf: TfSetup | null = null;
  let trainCpuMs: number | null = null;
  let loaded: LoadedTensorFlow | undefined;
  let dispatch: ivm.Reference<(...args: unknown[]) => unknown> | undefined;
  const harness = createHarnessCaller(guard, () => dispatch);
  const callHarness = harness.call;

  const finish = (outcome: RunOutcome): TrainOutcome => ({ ...outcome, tf, trainCpuMs });
  const timeLimit = (cause: 'cpu' | 'harness' | 'wall'): TrainOutcome => finish({ kind: 'time_limit', cause, cpuMs: guard.candidateCpuMs(), console: consoleLines });
  const memoryLimit = (cause: 'isolate' | 'heap' | 'wasm'): TrainOutcome => finish({ kind: 'memory_limit', cause, cpuMs: guard.candidateCpuMs(), console: consoleLines });

  /** Whether wasm memory ran out, from the host callback or, if that has not arrived yet, from the isolate. */
  async function outOfWasmMemory(): Promise<boolean> {
    if (wasmMemoryExceeded) return true;
    if (!loaded || tf?.backend !== 'wasm') return false;
    return (await loaded.readStatus()).wasmMemoryExceeded;
  }

  /** Classifies a throw that the candidate's code caught nowhere: memory when the heap was nearly full. */
  async function threwOrOutOfMemory(message: string): Promise<TrainOutcome> {
    const cpuMs = guard.candidateCpuMs();
    if (cpuMs > limits.cpuMs) return timeLimit('cpu');
    if (await outOfWasmMemory()) return memoryLimit('wasm');
    const heap = await isolate.getHeapStatistics();
    if (heap.used_heap_size + heap.externally_allocated_size >= limits.memoryMb * BYTES_PER_MIB * MEMORY_NEAR_LIMIT_FRACTION) return memoryLimit('heap');
    return finish({ kind: 'threw', message, cpuMs, console: consoleLines });
  }

  try {
    const context = await isolate.createContext();
    guard.beginPhase(false);
    try {
      loaded = await loadTensorFlow(isolate, context, {
        backend,
        wasmMaxBytes: limits.memoryMb * BYTES_PER_MIB,
        onWasmMemoryExceeded: () => {
          // Stops the run at once: past this point the wasm backend works on a failed allocation.
          wasmMemoryExceeded = true;
          if (!isolate.isDisposed) isolate.dispose();
        },
        initTimeoutMs: Math.min(TF_INIT_TIMEOUT_MS, guard.remainingWallMs()),
        stepTimeoutMs: guard.remainingWallMs(),
      });
    } finally {
      guard.endPhase();
    }
    tf = { backend: loaded.initial.backend, fallbackReason: loaded.initial.fallbackReason, loadMs: Math.round(guard.elapsedMs() * 10) / 10 };

    dispatch = await context.evalClosure(HARNESS_CLOSURE, [new ivm.Callback(onConsole, { ignored: true })], {
      filename: HARNESS_FILENAME,
      timeout: guard.remainingWallMs(),
      result: { reference: true },
    });
    const script = await isolate.compileScript(wrapCompiled(request.code), { filename: SUBMISSION_FILENAME });
    const factory: ivm.Reference<unknown> = await script.run(context, { reference: true, timeout: guard.remainingWallMs() });
    const trainInput = await callHarness('input', [request.trainArgs], false);
    if (trainInput.status.kind !== 'ok') return finish({ kind: 'internal', message: `decoding train()'s arguments failed: ${trainInput.status.kind}` });
    loading = false;

    const loadedModule = await callHarness('load', [factory.derefInto(), 'train'], true);
    if (loadedModule.status.kind === 'not_a_function') return finish({ kind: 'not_a_function', message: loadedModule.status.message ?? '' });
    if (loadedModule.status.kind === 'threw') return await threwOrOutOfMemory(loadedModule.status.message ?? '');

    const trained = await callHarness('call', [], true, true);
    trainCpuMs = guard.candidateCpuMs();
    if (guard.candidateCpuMs() > limits.cpuMs) return timeLimit('cpu');
    if (trained.status.kind === 'threw') return await threwOrOutOfMemory(`train(): ${trained.status.message ?? ''}`);
    if (await outOfWasmMemory()) return memoryLimit('wasm');

    const model = await callHarness('model', [], true);
    if (model.status.kind === 'threw') return await threwOrOutOfMemory(model.status.message ?? '');
    if (model.status.kind === 'invalid_output') return finish({ kind: 'invalid_output', message: model.status.message ?? '', cpuMs: guard.candidateCpuMs(), console: consoleLines });

    const predictInput = await callHarness('input', [request.predictArgs], false);
    if (predictInput.status.kind !== 'ok') return finish({ kind: 'internal', message: `decoding predict()'s arguments failed: ${predictInput.status.kind}` });
    const predicted = await callHarness('predict', [], true, true);
    if (guard.candidateCpuMs() > limits.cpuMs) return timeLimit('cpu');
    if (predicted.status.kind === 'threw') return await threwOrOutOfMemory(`predict(): ${predicted.status.message ?? ''}`);
    if (await outOfWasmMemory()) return memoryLimit('wasm');

    const encoded = await callHarness('output', [], false);
    const cpuMs = guard.candidateCpuMs();
    if (encoded.status.kind === 'ok') return finish({ kind: 'returned', output: encoded.payload, cpuMs, console: consoleLines });
    if (encoded.status.kind === 'invalid_output') {
      return finish({ kind: 'invalid_output', message: `predict()'s output ${encoded.status.message ?? ''}`, cpuMs, console: consoleLines });
    }
    if (encoded.status.kind === 'threw') return finish({ kind: 'threw', message: encoded.status.message ?? '', cpuMs, console: consoleLines });
    return finish({ kind: 'internal', message: `unexpected harness status ${encoded.status.kind}` });
  } catch (error) {
    if (error instanceof TfInitTimeoutError) return { kind: 'tf_init_timeout' };
    return classifyFailure(error);
  } finally {
    guard.release();
    if (!isolate.isDisposed) isolate.dispose();
  }

  /**
   * Classifies an exception from the isolate itself, as runInIsolate does, with two additions: the
   * wasm memory limit, and a failure while TensorFlow.js was loading, which is the judge's fault.
   */
  function classifyFailure(error: unknown): TrainOutcome {
    if (wasmMemoryExceeded) return memoryLimit('wasm');
    const message = error instanceof Error ? error.message : String(error);
    if (loading) return finish({ kind: 'internal', message: `loading TensorFlow.js into the isolate failed: ${message}` });
    if (guard.stopCause) return timeLimit(guard.stopCause);
    if (isolate.isDisposed) return memoryLimit('isolate');
    if (guard.elapsedMs() >= limits.wallMs) return timeLimit('wall');
    if (harness.escapedFrom !== null) return finish({ kind: 'threw', message: uncatchableError(error), cpuMs: guard.candidateCpuMs(), console: consoleLines });
    return finish({ kind: 'internal', message });
  }
}

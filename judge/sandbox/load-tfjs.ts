import { readFileSync } from 'node:fs';
import path from 'node:path';
import ivm from 'isolated-vm';
import type { TfBackendName } from './protocol';
import { TFJS_WASM_FILE, tfjsBundle } from './tfjs-bundle';

const LOADER_SOURCE = readFileSync(path.join(import.meta.dirname, 'in-isolate', 'tfjs-platform.js'), 'utf8').trim().replace(/;$/, '');
const BUNDLE_FILENAME = 'file:///holdout-tfjs.js';
const LOADER_FILENAME = 'file:///holdout-tfjs-platform.js';
/** The one URL the isolate's fetch serves: the wasm backend's SIMD binary. */
const WASM_URL = `holdout:///${TFJS_WASM_FILE}`;

/** The state that in-isolate/tfjs-platform.js reports. */
export interface TfStatus {
  backend: TfBackendName;
  fallbackReason: string | null;
  wasmMemoryExceeded: boolean;
  wasmMemoryBytes: number;
}

export interface LoadedTensorFlow {
  /** The state right after loading. */
  initial: TfStatus;
  /** Reads the state again, e.g. after a candidate phase, to see whether wasm memory ran out. */
  readStatus(): Promise<TfStatus>;
}

export interface LoadTensorFlowOptions {
  backend: TfBackendName;
  /** Most bytes the wasm backend's memory may grow to. */
  wasmMaxBytes: number;
  /** Called (later, on this process's event loop) when the wasm memory would grow past wasmMaxBytes. */
  onWasmMemoryExceeded: () => void;
  /** How long the backend may take to initialise, because the wasm backend's init never settles when instantiation fails. */
  initTimeoutMs: number;
  /** isolated-vm's own timeout for each synchronous step, as a backstop. */
  stepTimeoutMs: number;
}

/** Error for a wasm backend that did not initialise within initTimeoutMs. The isolate may still be running its init. */
export class TfInitTimeoutError extends Error {
  constructor(timeoutMs: number) {
    super(`TensorFlow.js did not initialise within ${timeoutMs} ms`);
    this.name = 'TfInitTimeoutError';
  }
}

// Kept per sandbox process: V8's code cache for the bundle and one copy of the wasm binary, which
// each isolate copies from. The first compile produces the cache and every later isolate accepts
// it, which cut compiling from about 60 ms to about 3 ms on the development machine.
let bundleCache: ivm.ExternalCopy<ArrayBuffer> | undefined;
let wasmBinary: ivm.ExternalCopy<ArrayBuffer> | undefined;

/** isolated-vm 7 sets these on the compiled script, but its type declarations leave them out. */
type CachedScript = ivm.Script & ivm.CachedDataResult & { cachedDataRejected?: boolean };

async function compileBundle(isolate: ivm.Isolate): Promise<ivm.Script> {
  const { code } = tfjsBundle();
  if (bundleCache) {
    const script: CachedScript = await isolate.compileScript(code, { filename: BUNDLE_FILENAME, cachedData: bundleCache });
    if (script.cachedDataRejected !== true) return script;
  }
  const script: CachedScript = await isolate.compileScript(code, { filename: BUNDLE_FILENAME, produceCachedData: true });
  if (script.cachedData) bundleCache = script.cachedData;
  return script;
}

function wasmCopy(): ivm.Copy<ArrayBuffer> {
  if (!wasmBinary) {
    const bytes = tfjsBundle().wasmSimd;
    wasmBinary = new ivm.ExternalCopy(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  }
  return wasmBinary.copyInto();
}

function parseStatus(text: unknown): TfStatus {
  if (typeof text !== 'string') throw new Error('the TensorFlow.js loader returned a non-string status');
  return JSON.parse(text) as TfStatus;
}

/**
 * Loads TensorFlow.js into a fresh context before the harness and any candidate code: runs the
 * bundle, registers the platform, bounds the wasm memory and selects the backend (wasm falls back
 * to cpu inside the isolate when its init fails). Throws TfInitTimeoutError when the init does not
 * settle in time; any other throw comes from the isolate itself (disposed, out of memory).
 */
export async function loadTensorFlow(isolate: ivm.Isolate, context: ivm.Context, options: LoadTensorFlowOptions): Promise<LoadedTensorFlow> {
  await context.eval('globalThis.self = globalThis;', { timeout: options.stepTimeoutMs });
  const script = await compileBundle(isolate);
  await script.run(context, { timeout: options.stepTimeoutMs });

  const settings = JSON.stringify({ backend: options.backend, wasmUrl: WASM_URL, wasmMaxBytes: options.wasmMaxBytes });
  const loader: ivm.Reference<{ install: () => Promise<string>; status: () => string }> = await context.evalClosure(
    `return (${LOADER_SOURCE})($0, $1, $2);`,
    [settings, options.backend === 'wasm' ? wasmCopy() : undefined, new ivm.Callback(options.onWasmMemoryExceeded, { ignored: true })],
    { filename: LOADER_FILENAME, timeout: options.stepTimeoutMs, result: { reference: true } },
  );
  const install = await loader.get('install', { reference: true });
  const status = await loader.get('status', { reference: true });

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TfInitTimeoutError(options.initTimeoutMs)), options.initTimeoutMs);
  });
  const installing = install.apply(undefined, [], { timeout: options.stepTimeoutMs, result: { promise: true, copy: true } });
  // After a timeout the caller disposes the isolate, which rejects `installing` when no code awaits it.
  installing.catch(() => undefined);
  let initial: TfStatus;
  try {
    initial = parseStatus(await Promise.race([installing, timeout]));
  } finally {
    clearTimeout(timer);
  }

  return {
    initial,
    readStatus: async () => parseStatus(await status.apply(undefined, [], { timeout: options.stepTimeoutMs, result: { copy: true } })),
  };
}

import { createRequire } from 'node:module';
import path from 'node:path';
import type * as tfCore from '@tensorflow/tfjs-core';
import type { TfBackendName, TfSetup } from '../sandbox/protocol';
import { JudgeInternalError } from './judge-error';
import type { TrainingSandbox } from './run-training';

/** TensorFlow.js backends on the host, fastest first: tfjs-node's native TensorFlow, wasm, cpu. */
export type HostTfBackend = 'tensorflow' | 'wasm' | 'cpu';

const requireFromRoot = createRequire(path.join(import.meta.dirname, '..', '..', 'package.json'));

function resolves(name: string): boolean {
  try {
    requireFromRoot.resolve(name);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads @tensorflow/tfjs-node where it is installed and its native binding loads. It is an optional
 * dependency: its install downloads libtensorflow, so npm leaves it out on machines without that
 * download (and loading it registers the `tensorflow` backend with TensorFlow.js core).
 */
async function loadTfjsNode(): Promise<boolean> {
  if (!resolves('@tensorflow/tfjs-node')) return false;
  try {
    await import('@tensorflow/tfjs-node' as string);
    return true;
  } catch {
    return false;
  }
}

/** Lists the host backends that can run here, fastest first. */
export async function availableHostBackends(): Promise<HostTfBackend[]> {
  const backends: HostTfBackend[] = [];
  if (await loadTfjsNode()) backends.push('tensorflow');
  if (resolves('@tensorflow/tfjs-backend-wasm')) backends.push('wasm');
  backends.push('cpu');
  return backends;
}

/**
 * Makes `backend` the active backend of the host's TensorFlow.js core, registering it first.
 * Returns false when it does not initialise.
 */
export async function useHostBackend(tf: typeof tfCore, backend: HostTfBackend): Promise<boolean> {
  if (backend === 'tensorflow' && !(await loadTfjsNode())) return false;
  if (backend === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  if (backend === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  try {
    return await tf.setBackend(backend);
  } catch {
    return false;
  }
}

/** Picks the fastest host backend that initialises (tfjs-node, else wasm, else cpu) and makes it active. */
export async function selectHostBackend(tf: typeof tfCore): Promise<HostTfBackend> {
  for (const backend of await availableHostBackends()) {
    if (await useHostBackend(tf, backend)) return backend;
  }
  throw new Error('no TensorFlow.js backend initialises on this host');
}

/** Source of a module with the training contract that only reports how TensorFlow.js started. */
const PROBE_SOURCE = 'export async function train() { return { predict: () => tf.getBackend() }; }';

/**
 * Loads TensorFlow.js in one isolate of the sandbox process, as a training run does, and returns
 * which backend started and how long loading took. The first call also builds the bundle.
 */
export async function probeIsolateBackend(sandbox: TrainingSandbox, backend: TfBackendName): Promise<TfSetup> {
  const compiled = await sandbox.compile({ source: PROBE_SOURCE, language: 'javascript', functionName: 'train', maxBytes: 4096 });
  if (!compiled.ok) throw new JudgeInternalError(`the TensorFlow.js probe does not compile: ${compiled.message}`);
  const outcome = await sandbox.train({
    code: compiled.code,
    trainArgs: '[[null,null],[]]',
    predictArgs: '[[null],[]]',
    limits: { cpuMs: 5_000, wallMs: 30_000, memoryMb: 128 },
    captureConsole: false,
    backend,
  });
  if (outcome.kind !== 'returned' || !outcome.tf) {
    throw new JudgeInternalError(`TensorFlow.js did not load in the sandbox: ${outcome.kind}${'message' in outcome ? `: ${outcome.message}` : ''}`);
  }
  return outcome.tf;
}

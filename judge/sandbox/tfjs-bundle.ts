import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildSync } from 'esbuild';

/**
 * TensorFlow.js for the isolates of training runs. esbuild bundles tfjs-core (with the chained ops
 * such as `tensor.add()`), the cpu and wasm backends and tfjs-layers into one IIFE script. The
 * bytes of the wasm backend's SIMD binary come with it, and the isolate receives a copy of them,
 * because it has no file system or network.
 *
 * The script sets one property of the global object, `__holdoutTf = { tf, setWasmPaths }` (a
 * property, not a `var`, so that it can be deleted). The loader (in-isolate/tfjs-platform.js) takes
 * it, deletes it and defines the global `tf`, which merges core and layers the way the
 * `@tensorflow/tfjs` package does.
 */

/** Name of the SIMD binary in @tensorflow/tfjs-backend-wasm/dist, and the only path the isolate's fetch serves. */
export const TFJS_WASM_FILE = 'tfjs-backend-wasm-simd.wasm';

export interface TfjsBundle {
  /** The IIFE script. */
  code: string;
  /** The wasm backend's SIMD binary. */
  wasmSimd: Uint8Array;
  /** Versions of the bundled packages, for logs and the benchmark. */
  versions: Record<string, string>;
  /** How long esbuild took, in ms. */
  buildMs: number;
}

// `export *` of core and layers matches what the @tensorflow/tfjs package exports, minus the
// converter and tfjs-data, which only load models and datasets over the network.
const ENTRY = `
import * as core from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import * as layers from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
globalThis.__holdoutTf = { tf: Object.assign({}, core, layers), setWasmPaths };
`;

const PACKAGES = ['@tensorflow/tfjs-core', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-wasm'];

let cached: TfjsBundle | null = null;

/**
 * Returns the bundle, building it on the first call in this process (about 1.3 s of esbuild on the
 * development machine) and reusing it afterwards.
 */
export function tfjsBundle(): TfjsBundle {
  if (cached) return cached;
  const root = path.resolve(import.meta.dirname, '..', '..');
  const require = createRequire(path.join(root, 'package.json'));

  const startedAt = performance.now();
  const built = buildSync({
    stdin: { contents: ENTRY, resolveDir: root, sourcefile: 'holdout-tfjs-entry.js', loader: 'js' },
    bundle: true,
    write: false,
    format: 'iife',
    // The browser build: the packages' "browser" fields replace their Node-only imports (fs,
    // worker_threads, node-fetch) with empty modules, and nothing in the isolate can load them.
    platform: 'browser',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const buildMs = performance.now() - startedAt;

  const wasmPath = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist', TFJS_WASM_FILE);
  const versions = Object.fromEntries(
    PACKAGES.map((name) => [name, (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version]),
  );
  cached = { code: built.outputFiles[0].text, wasmSimd: new Uint8Array(readFileSync(wasmPath)), versions, buildMs };
  return cached;
}

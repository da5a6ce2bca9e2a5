import { afterAll, describe, expect, it } from 'vitest';
import type { TfBackendName, TrainOutcome } from '../../../judge/sandbox/protocol';
import { SandboxProcess } from '../../../judge/sandbox/sandbox-process';
import { decodeWire, encodeWire } from '../../../judge/sandbox/wire-format';
import type { Json } from '../../../judge/tasks/types';

// TensorFlow.js inside the isolate of a training run: what loads, which backend, what candidate
// code can and cannot reach through it. Each module's predict() returns what it observed.

const sandbox = new SandboxProcess();
const LIMITS = { cpuMs: 4_000, wallMs: 20_000, memoryMb: 128 };

afterAll(async () => {
  await sandbox.close();
});

async function train(source: string, backend: TfBackendName = 'wasm'): Promise<TrainOutcome> {
  const compiled = await sandbox.compile({ source, language: 'javascript', functionName: 'train', maxBytes: 65_536 });
  if (!compiled.ok) throw new Error(compiled.message);
  return sandbox.train({ code: compiled.code, trainArgs: encodeWire([{ size: 4 }, { maxEpochs: 1, seed: 1 }]), predictArgs: encodeWire([{}]), limits: LIMITS, captureConsole: true, backend });
}

/** Trains a module whose train() has this `body`, and returns its predictions, loss history and outcome. */
async function observe(body: string, backend: TfBackendName = 'wasm'): Promise<{ predictions: Json; lossHistory: Json; outcome: TrainOutcome }> {
  const outcome = await train(`export async function train(trainInput) { ${body} }`, backend);
  if (outcome.kind !== 'returned') throw new Error(`the run ended as ${outcome.kind}: ${JSON.stringify(outcome)}`);
  const output = decodeWire(outcome.output) as { predictions: Json; lossHistory: Json };
  return { ...output, outcome };
}

// The first run also builds the TensorFlow.js bundle in the sandbox process.
describe('TensorFlow.js in the isolate', { timeout: 60_000 }, () => {
  it('loads tf with layers and chained ops on wasm', async () => {
    const { predictions, outcome } = await observe(`
      const x = tf.tensor2d([[1, 2], [3, 4]]);
      const sum = x.add(1).sum().arraySync();
      const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
      return { predict: () => [tf.getBackend(), sum, model.layers.length, typeof tf.train.adam] };
    `);

    expect(predictions).toEqual(['wasm', 14, 1, 'function']);
    expect(outcome.tf).toMatchObject({ backend: 'wasm', fallbackReason: null });
    expect(outcome.tf?.loadMs).toBeGreaterThan(0);
  });

  it('loads the cpu backend on request', async () => {
    const { predictions, outcome } = await observe('return { predict: () => tf.getBackend() };', 'cpu');

    expect(predictions).toBe('cpu');
    expect(outcome.tf).toMatchObject({ backend: 'cpu', fallbackReason: null });
  });

  it('adds only tf and its engine to the globals', async () => {
    const plain = await sandbox.compile({ source: 'export function names() { return Object.getOwnPropertyNames(globalThis); }', language: 'javascript', functionName: 'names', maxBytes: 4096 });
    if (!plain.ok) throw new Error(plain.message);
    const run = await sandbox.run({ code: plain.code, functionName: 'names', input: encodeWire([]), limits: LIMITS, captureConsole: false });
    if (run.kind !== 'returned') throw new Error(run.kind);
    const withoutTf = new Set(decodeWire(run.output) as string[]);

    const { predictions } = await observe('const names = Object.getOwnPropertyNames(globalThis); return { predict: () => names };');
    const added = (predictions as string[]).filter((name) => !withoutTf.has(name)).sort();

    expect(added).toEqual(['_tfGlobals', '_tfengine', 'tf']);
    const enumerable = await observe('const keys = Object.keys(globalThis); return { predict: () => keys };');
    expect(enumerable.predictions).not.toContain('tf');
    expect(enumerable.predictions).not.toContain('_tfengine');
  });

  it('keeps WebAssembly out of reach', async () => {
    const { predictions } = await observe(`
      const memory = tf.backend().wasm.asm.memory;
      const found = [
        typeof WebAssembly,
        typeof globalThis.WebAssembly,
        Function('return typeof WebAssembly')(),
        memory.constructor === Object,
        Object.getPrototypeOf(memory).constructor === Object,
        typeof tf.backend().wasm.asm.__indirect_function_table.constructor.prototype.grow,
      ];
      try { tf.backend().wasm.asm.__indirect_function_table.grow(1000); found.push('table grew'); } catch (error) { found.push(error.name); }
      return { predict: () => found };
    `);

    expect(predictions).toEqual(['undefined', 'undefined', 'undefined', true, true, 'undefined', 'RangeError']);
  });

  it('stops wasm memory growth at the limit', async () => {
    const outcome = await train('export async function train() { tf.backend().wasm.asm.memory.grow(4096); return { predict: () => 1 }; }');

    expect(outcome).toMatchObject({ kind: 'memory_limit', cause: 'wasm' });
  });

  it('gives tf no network, files or host objects', async () => {
    const { predictions } = await observe(`
      const found = [typeof process, typeof require, typeof self, typeof fetch];
      for (const attempt of [
        () => tf.env().platform.fetch('file:///etc/passwd'),
        () => tf.io.http('http://127.0.0.1:9/model.json').load(),
        () => tf.loadLayersModel('file:///etc/passwd'),
      ]) {
        try { await attempt(); found.push('loaded'); } catch (error) { found.push('failed'); }
      }
      found.push(tf.env().platform.now() % 1000);
      return { predict: () => found };
    `);

    expect(predictions).toEqual(['undefined', 'undefined', 'undefined', 'undefined', 'failed', 'failed', 'failed', 0]);
  });

  it('reports an uncatchable import() in predict as thrown', async () => {
    const outcome = await train(`export async function train() {
      return { predict() { try { return String((0, eval)('import("fs")')); } catch { return 'caught'; } } };
    }`);

    expect(outcome).toMatchObject({ kind: 'threw' });
    expect(outcome.kind === 'threw' ? outcome.message : '').toContain('import(), modules and host features are not available');
  });

  it('copies the loss history as numbers', async () => {
    const longHistory = await observe('return { lossHistory: Array.from({ length: 10_050 }, (_, i) => i), predict: () => 0 };');
    const mixed = await observe('return { lossHistory: new Float32Array([0.5, 0.25]), predict: () => 0 };');
    const odd = await observe('return { lossHistory: [1, "2", null, NaN], predict: () => 0 };');
    const none = await observe('return { lossHistory: "falling", predict: () => 0 };');

    expect((longHistory.lossHistory as number[]).length).toBe(10_000);
    expect(mixed.lossHistory).toEqual([0.5, 0.25]);
    expect(odd.lossHistory).toEqual([1, NaN, NaN, NaN]);
    expect(none.lossHistory).toBeNull();
  });

  it('awaits predict and calls it on its model', async () => {
    const { predictions } = await observe(`
      class Model {
        constructor() { this.offset = 3; }
        async predict(testInput) { return [this.offset, Object.keys(testInput).length]; }
      }
      return new Model();
    `);

    expect(predictions).toEqual([3, 0]);
  });
});

import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TfBackendName } from '../sandbox/protocol';
import type { JudgeLogger } from './judge-types';

/** Result of the reference model on one dataset, as the cache stores it. */
export interface ReferenceRun {
  metric: number;
  /** Loss after each epoch; null entries were not finite numbers. Null when the module reported none. */
  lossHistory: (number | null)[] | null;
  /** CPU time of the module's top level and train(), in ms. */
  trainCpuMs: number;
  /** CPU time of train() and predict() together, in ms. */
  cpuMs: number;
  backend: TfBackendName;
}

/**
 * Identifies one reference run. `datasetKey` is "sample" or a digest of the secret (see
 * hiddenDatasetKey), and `referenceDigest` a digest of the compiled reference module, so that an
 * edited reference is trained again even when the task's version stayed the same.
 */
export interface ReferenceKey {
  slug: string;
  version: number;
  backend: TfBackendName;
  datasetKey: string;
  referenceDigest: string;
}

interface StoredRun extends ReferenceRun {
  slug: string;
  version: number;
  datasetKey: string;
  referenceDigest: string;
  createdAt: string;
}

const MAX_MEMORY_ENTRIES = 64;

const PROJECT_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Returns the cache's folder `<dataDir>/judge-cache`, with dataDir (HOLDOUT_DATA_DIR, default `.data`) relative to the project root. */
export function referenceCacheDirectory(dataDir = '.data'): string {
  return path.resolve(PROJECT_ROOT, dataDir, 'judge-cache');
}

/** Digest of the secret for the hidden dataset's key; the cache never stores the secret itself. */
export function hiddenDatasetKey(secret: string, slug: string, version: number): string {
  return `hidden-${createHash('sha256').update(`holdout reference cache\u0000${slug}\u0000${version}\u0000${secret}`).digest('hex').slice(0, 32)}`;
}

export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

function fileName(key: ReferenceKey): string {
  return `${key.slug}-v${key.version}-${key.backend}-${key.datasetKey}-${key.referenceDigest}.json`;
}

function isStoredRun(value: unknown, key: ReferenceKey): value is StoredRun {
  if (value === null || typeof value !== 'object') return false;
  const run = value as Partial<StoredRun>;
  return (
    run.slug === key.slug &&
    run.version === key.version &&
    run.backend === key.backend &&
    run.datasetKey === key.datasetKey &&
    run.referenceDigest === key.referenceDigest &&
    typeof run.metric === 'number' &&
    typeof run.trainCpuMs === 'number' &&
    typeof run.cpuMs === 'number' &&
    (run.lossHistory === null || (Array.isArray(run.lossHistory) && run.lossHistory.every((loss) => loss === null || typeof loss === 'number')))
  );
}

/**
 * The reference models' results per (task, version, backend, dataset, reference module), in memory
 * and, when a directory is given, in one JSON file per entry there, so that a restarted worker does
 * not train the references again. Concurrent requests for the same entry in one process share one
 * computation. Two processes may both compute an entry and both write it, which is harmless because
 * the file is replaced atomically and the runs are deterministic.
 */
export class ReferenceCache {
  private readonly memory = new Map<string, ReferenceRun>();
  private readonly pending = new Map<string, Promise<ReferenceRun>>();
  /** Entries computed by this process (misses), for tests and the benchmark. */
  computed = 0;

  constructor(
    private readonly directory: string | null,
    private readonly log?: JudgeLogger,
  ) {}

  /** Returns the cached run, or null without computing anything. */
  async peek(key: ReferenceKey): Promise<ReferenceRun | null> {
    const name = fileName(key);
    return this.memory.get(name) ?? (await this.readFile(key, name));
  }

  /** Returns the cached run, or computes, stores and returns it. */
  async get(key: ReferenceKey, compute: () => Promise<ReferenceRun>): Promise<ReferenceRun> {
    const name = fileName(key);
    const hit = await this.peek(key);
    if (hit) {
      this.remember(name, hit);
      return hit;
    }
    let running = this.pending.get(name);
    if (!running) {
      running = (async () => {
        const run = await compute();
        this.computed += 1;
        this.remember(name, run);
        // A run that fell back to another backend stays in this process's memory only, so that a
        // process where the requested backend works trains the reference on that backend.
        if (run.backend === key.backend) await this.writeFile(key, name, run);
        return run;
      })().finally(() => this.pending.delete(name));
      this.pending.set(name, running);
    }
    return running;
  }

  private remember(name: string, run: ReferenceRun): void {
    this.memory.delete(name);
    this.memory.set(name, run);
    if (this.memory.size > MAX_MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value as string);
  }

  private async readFile(key: ReferenceKey, name: string): Promise<ReferenceRun | null> {
    if (!this.directory) return null;
    let text: string;
    try {
      text = await readFile(path.join(this.directory, name), 'utf8');
    } catch {
      return null;
    }
    try {
      const stored: unknown = JSON.parse(text);
      if (isStoredRun(stored, key)) {
        const { metric, lossHistory, trainCpuMs, cpuMs, backend } = stored;
        return { metric, lossHistory, trainCpuMs, cpuMs, backend };
      }
    } catch {
      // Falls through to the warning below.
    }
    this.log?.warn({ file: name }, 'ignoring an unreadable reference cache file; the reference will be trained again');
    return null;
  }

  private async writeFile(key: ReferenceKey, name: string, run: ReferenceRun): Promise<void> {
    if (!this.directory) return;
    const stored: StoredRun = { ...key, ...run, createdAt: new Date().toISOString() };
    const target = path.join(this.directory, name);
    const temporary = `${target}.${process.pid}.${randomUUID()}.tmp`;
    try {
      await mkdir(this.directory, { recursive: true });
      await writeFile(temporary, `${JSON.stringify(stored)}\n`, 'utf8');
      await rename(temporary, target);
    } catch (error) {
      // The run is still cached in memory, so only a restart would train it again.
      this.log?.warn({ file: name, err: error }, 'writing the reference cache file failed');
    }
  }
}

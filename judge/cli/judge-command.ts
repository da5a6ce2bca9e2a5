import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { resolveDatasetSecret } from '../core/dataset-secret';
import { judgeSubmission } from '../core/judge-submission';
import type { JudgeProgress, JudgeReport } from '../core/judge-types';
import { judgeTraining } from '../core/judge-training';
import { isTrainingTask } from '../core/judged-task';
import { ReferenceCache, referenceCacheDirectory } from '../core/reference-cache';
import type { Language, TfBackendName } from '../sandbox/protocol';
import { SandboxProcess } from '../sandbox/sandbox-process';
import type { Json, TaskDefinition } from '../tasks/types';
import { UsageError } from './cli-error';
import { clip, formatMs, painter, table, type Style } from './format';
import { parseArgs } from './parse-args';
import { printTrainingSummary, toTrainingJson } from './training-output';

const LANGUAGES: Record<string, Language> = { '.ts': 'typescript', '.mts': 'typescript', '.cts': 'typescript', '.js': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript' };

export const JUDGE_USAGE = 'holdout judge <task-slug> <file> [--json] [--language typescript|javascript]';

/** The single object `holdout judge --json` prints. */
export interface JudgeJson {
  task: string;
  verdict: string;
  score: number | null;
  message: string | null;
  /** The tests that ran, then those that did not (verdict and cpuMs null) because an earlier test exceeded a limit. */
  tests: { name: string; hidden: boolean; verdict: string | null; cpuMs: number | null }[];
  speed: { candidateCpuMs: number; referenceCpuMs: number; ratio: number; band: string } | null;
}

export function toJudgeJson(slug: string, report: JudgeReport): JudgeJson {
  return {
    task: slug,
    verdict: report.verdict,
    score: report.score,
    message: report.message,
    tests: [
      ...report.tests.map((test) => ({ name: test.name, hidden: test.hidden, verdict: test.verdict, cpuMs: test.cpuMs })),
      ...report.notRun.map((test) => ({ name: test.name, hidden: test.hidden, verdict: null, cpuMs: null })),
    ],
    speed: report.speed
      ? { candidateCpuMs: report.speed.candidateCpuMs, referenceCpuMs: report.speed.referenceCpuMs, ratio: report.speed.ratio, band: report.speed.band }
      : null,
  };
}

export function verdictStyle(verdict: string): Style {
  if (verdict === 'accepted') return 'green';
  if (verdict === 'internal_error') return 'yellow';
  return 'red';
}

/**
 * Returns the function part with this slug. A training part, which `holdout run` cannot run, and an
 * unknown or unjudged slug are usage errors that list the judged slugs.
 */
export async function loadTask(slug: string): Promise<TaskDefinition<Json>> {
  const { findTask, taskRegistry } = await import('../tasks/registry');
  const task = findTask(slug);
  if (task) return task;
  const { trainingTaskRegistry } = await import('../tasks/training-registry');
  if (trainingTaskRegistry.has(slug)) {
    throw new UsageError(`"${slug}" is a training part: holdout run works only on parts that implement a function; judge it with \`holdout judge ${slug} <file>\``);
  }
  const judged = [...taskRegistry.keys(), ...trainingTaskRegistry.keys()].join(', ');
  const { taskCatalog } = await import('../tasks/catalog');
  if (taskCatalog.some((entry) => entry.slug === slug)) {
    throw new UsageError(`task "${slug}" is not judged yet; judged tasks: ${judged}`);
  }
  throw new UsageError(`unknown task "${slug}"; judged tasks: ${judged} (see \`holdout tasks\`)`);
}

export function languageOf(file: string, option: string | undefined): Language {
  if (option !== undefined) {
    if (option !== 'typescript' && option !== 'javascript') throw new UsageError(`--language must be typescript or javascript, not "${option}"`);
    return option;
  }
  const language = LANGUAGES[path.extname(file).toLowerCase()];
  if (!language) throw new UsageError(`cannot tell the language of ${file} from its extension; pass --language typescript or --language javascript`);
  return language;
}

function printReport(slug: string, report: JudgeReport): void {
  const paint = painter(process.stdout);
  const lines: string[] = [];
  lines.push(`${paint('bold', slug)}: ${paint(verdictStyle(report.verdict), report.verdict)}, score ${report.score ?? '–'}`);
  if (report.tests.length > 0) {
    lines.push('');
    const rows = report.tests.map((test, index) => [
      String(index + 1),
      test.name,
      test.verdict,
      formatMs(test.cpuMs),
      test.verdict === 'accepted' ? '' : clip(test.message ?? '', 70),
    ]);
    const [header, ...body] = table(['#', 'TEST', 'VERDICT', 'CPU MS', 'MESSAGE'], rows, [0, 3]);
    lines.push(`  ${paint('dim', header)}`);
    body.forEach((line, index) => lines.push(`  ${line.replace(report.tests[index].verdict, paint(verdictStyle(report.tests[index].verdict), report.tests[index].verdict))}`));
  }
  if (report.notRun.length > 0) {
    const first = report.notRun[0];
    const last = report.notRun[report.notRun.length - 1];
    const names = first === last ? first.name : `${first.name} to ${last.name}`;
    const count = `${report.notRun.length} test${report.notRun.length === 1 ? '' : 's'}`;
    lines.push(`  ${paint('dim', `${names} (${count}): not run, because judging stops at the first test that exceeds a limit or finds no function`)}`);
  }
  if (report.speed) {
    const { ratio, band, candidateCpuMs, referenceCpuMs, tests, repetitions } = report.speed;
    lines.push('');
    lines.push(
      `Speed: ${ratio.toFixed(2)}× the reference's CPU time (${band.replace('_', ' ')}): ` +
        `${formatMs(candidateCpuMs)} ms against ${formatMs(referenceCpuMs)} ms, best of ${repetitions} runs on ${tests} timed test${tests === 1 ? '' : 's'}`,
    );
  }
  if (report.message) {
    lines.push('');
    lines.push(`Message: ${report.message}`);
  }
  const failedSample = report.tests.find((test) => !test.hidden && test.verdict !== 'accepted' && test.detail);
  if (failedSample?.detail) {
    lines.push('');
    lines.push(`${failedSample.name} expected: ${clip(JSON.stringify(failedSample.detail.expected), 200)}`);
    lines.push(`${failedSample.name} actual:   ${clip(JSON.stringify(failedSample.detail.actual), 200)}`);
    for (const line of failedSample.detail.console.slice(0, 20)) lines.push(`${failedSample.name} console:  ${clip(line, 200)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

function progressPrinter(): (event: JudgeProgress) => void {
  const paint = painter(process.stderr);
  return (event) => {
    if (event.type === 'started') process.stderr.write(`judging ${event.testsTotal} tests…\n`);
    if (event.type === 'test') {
      const { test } = event;
      process.stderr.write(`  [${event.testsDone}/${event.testsTotal}] ${test.name} ${paint(verdictStyle(test.verdict), test.verdict)} ${formatMs(test.cpuMs)} ms\n`);
    }
    if (event.type === 'speed') process.stderr.write(`grading speed: ${event.tests} timed tests, ${event.repetitions} runs each for your code and the reference…\n`);
    if (event.type === 'phase' && event.phase === 'reference') process.stderr.write(`training the reference model on the ${event.dataset} dataset (not cached yet)…\n`);
    if (event.type === 'phase' && event.phase === 'training') process.stderr.write(`training your model on the ${event.dataset} dataset…\n`);
  };
}

/** HOLDOUT_JUDGE_TF_BACKEND, as the worker reads it: the isolate's TensorFlow.js backend for training parts. */
function tfBackendOption(): TfBackendName {
  const value = process.env.HOLDOUT_JUDGE_TF_BACKEND?.trim() || 'wasm';
  if (value !== 'wasm' && value !== 'cpu') throw new UsageError(`HOLDOUT_JUDGE_TF_BACKEND must be wasm or cpu, not "${value}"`);
  return value;
}

/**
 * `holdout judge`: judges a local file with the worker's pipeline (sandbox process, hidden tests,
 * speed grade) and no database. Returns the exit code: 0 once a verdict is reached, 1 when that
 * verdict is internal_error.
 */
export async function judgeCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, ['json'], ['language']);
  if (parsed.positional.length !== 2) throw new UsageError(`expected a task and a file: ${JUDGE_USAGE}`);
  const [slug, file] = parsed.positional;
  const json = parsed.flags.has('json');

  const { findTrainingTask } = await import('../tasks/training-registry');
  const trainingTask = findTrainingTask(slug);
  const task = trainingTask ?? (await loadTask(slug));
  const filePath = path.resolve(file);
  try {
    await access(filePath);
  } catch {
    throw new UsageError(`file not found: ${file}`);
  }
  const language = languageOf(filePath, parsed.options.get('language'));
  const code = await readFile(filePath, 'utf8');

  const log = pino({ level: 'warn' }, pino.destination(2));
  const secret = resolveDatasetSecret(process.env, (message) => process.stderr.write(`warning: ${message}\n`));
  const sandbox = new SandboxProcess({ log });
  try {
    const onProgress = json ? undefined : progressPrinter();
    const report = isTrainingTask(task)
      ? await judgeTraining({ task, code, language, secret, sandbox, log, onProgress, references: new ReferenceCache(referenceCacheDirectory(process.env.HOLDOUT_DATA_DIR), log), backend: tfBackendOption() })
      : await judgeSubmission({ task, code, language, secret, sandbox, log, onProgress });
    if (json) process.stdout.write(`${JSON.stringify({ ...toJudgeJson(slug, report), ...(report.training ? toTrainingJson(report.training) : {}) })}\n`);
    else {
      printReport(slug, report);
      printTrainingSummary(report);
    }
    return report.verdict === 'internal_error' ? 1 : 0;
  } finally {
    await sandbox.close();
  }
}

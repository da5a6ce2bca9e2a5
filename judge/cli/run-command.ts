import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { CustomInputError, runCustom, type CustomRunResult } from '../core/run-custom';
import { SandboxProcess } from '../sandbox/sandbox-process';
import type { Json } from '../tasks/types';
import { UsageError } from './cli-error';
import { clip, formatMs, painter } from './format';
import { languageOf, loadTask, verdictStyle } from './judge-command';
import { parseArgs } from './parse-args';

export const RUN_USAGE = 'holdout run <task-slug> <file> --input <input.json> [--json] [--language typescript|javascript]';

/** Outputs longer than this, as pretty-printed JSON, are printed on one line and clipped. */
const PRETTY_MAX_CHARS = 4000;

/** The single object `holdout run --json` prints. */
export interface RunJson {
  task: string;
  verdict: string;
  message: string | null;
  candidate: { output: Json | null; cpuMs: number | null };
  reference: { output: Json | null; cpuMs: number | null };
}

export function toRunJson(slug: string, result: CustomRunResult): RunJson {
  return {
    task: slug,
    verdict: result.verdict,
    message: result.message,
    candidate: { output: result.candidate.output, cpuMs: result.candidate.cpuMs },
    reference: { output: result.reference.output, cpuMs: result.reference.cpuMs },
  };
}

async function readInputText(file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    await access(file);
  } catch {
    throw new UsageError(`input file not found: ${file}`);
  }
  return readFile(file, 'utf8');
}

/**
 * Reads the argument list from the input's JSON text: either the array of arguments itself, e.g.
 * `[[[0, 0], [1, 1]], 2, 7]`, or an object with that array under "args", as the samples store it.
 */
export function parseRunInput(text: string, name: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (Array.isArray(value)) return value;
  if (value !== null && typeof value === 'object' && Array.isArray((value as { args?: unknown }).args)) return (value as { args: unknown[] }).args;
  throw new UsageError(`${name} must hold a JSON array of arguments, or an object whose "args" is that array`);
}

function formatOutput(output: Json | null): string[] {
  if (output === null) return ['  (no output)'];
  // Arrays of numbers stay on one line, so that a matrix reads as rows.
  const pretty = JSON.stringify(output, null, 2).replace(/\[\s+([-\d.eE+,\s]+?)\s+\]/g, (_match, body: string) => `[${body.split(/,\s*/).join(', ')}]`);
  if (pretty.length <= PRETTY_MAX_CHARS) return pretty.split('\n').map((line) => `  ${line}`);
  const compact = JSON.stringify(output);
  return [`  ${clip(compact, PRETTY_MAX_CHARS)}`, `  (${compact.length} characters of JSON; --json prints all of it)`];
}

function printResult(slug: string, result: CustomRunResult): void {
  const paint = painter(process.stdout);
  const lines: string[] = [];
  lines.push(`${paint('bold', slug)}: ${paint(verdictStyle(result.verdict), result.verdict)}`);
  if (result.message) lines.push(`Message: ${result.message}`);
  lines.push('');
  lines.push(`${paint('bold', 'Your output')} (${formatMs(result.candidate.cpuMs)} ms CPU):`);
  lines.push(...formatOutput(result.candidate.output));
  lines.push('');
  const referenceNote = result.reference.status === 'returned' ? '' : `, ${result.reference.status.replaceAll('_', ' ')}`;
  lines.push(`${paint('bold', 'Reference output')} (${formatMs(result.reference.cpuMs)} ms CPU${referenceNote}):`);
  lines.push(...formatOutput(result.reference.output));
  if (result.candidate.console.length > 0) {
    lines.push('');
    lines.push(paint('bold', 'Console:'));
    for (const line of result.candidate.console) lines.push(`  ${line}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * `holdout run`: runs a local file and the task's reference on the arguments in a JSON file, in
 * the judge's sandbox, and checks the file's output with the task's checker. Needs no database and
 * no dataset secret: hidden tests play no part. Returns 0 once a verdict is reached.
 */
export async function runCommand(args: string[]): Promise<number> {
  const parsed = parseArgs(args, ['json'], ['input', 'language']);
  if (parsed.positional.length !== 2) throw new UsageError(`expected a task and a file: ${RUN_USAGE}`);
  const inputFile = parsed.options.get('input');
  if (inputFile === undefined) throw new UsageError(`--input is required: ${RUN_USAGE}`);
  const [slug, file] = parsed.positional;
  const json = parsed.flags.has('json');

  const task = await loadTask(slug);
  const filePath = path.resolve(file);
  try {
    await access(filePath);
  } catch {
    throw new UsageError(`file not found: ${file}`);
  }
  const language = languageOf(filePath, parsed.options.get('language'));
  const code = await readFile(filePath, 'utf8');
  const runArgs = parseRunInput(await readInputText(inputFile), inputFile === '-' ? 'standard input' : inputFile);

  const log = pino({ level: 'warn' }, pino.destination(2));
  const sandbox = new SandboxProcess({ log });
  try {
    const result = await runCustom({ task, code, language, args: runArgs, sandbox, log });
    if (json) process.stdout.write(`${JSON.stringify(toRunJson(slug, result))}\n`);
    else printResult(slug, result);
    return 0;
  } catch (error) {
    if (error instanceof CustomInputError) throw new UsageError(`invalid input for ${slug}: ${error.message}`);
    throw error;
  } finally {
    await sandbox.close();
  }
}

import type { Language, RunLimits, RunOutcome } from '../sandbox/protocol';
import { decodeWire, encodeWire } from '../sandbox/wire-format';
import type { Json, TaskDefinition } from '../tasks/types';
import type { JudgeLogger, Sandbox } from './judge-types';
import { displayableOutput, judgeOutcome, type Judgement } from './run-test';
import { compileReference } from './speed-grade';
import type { CustomRunResult, ReferenceStatus } from './custom-run-types';

export type { CustomRunResult, ReferenceStatus } from './custom-run-types';

/** Custom input that does not fit the task's signature; the message names the first invalid argument. */
export class CustomInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CustomInputError';
  }
}

export interface CustomRunOptions {
  task: TaskDefinition<Json>;
  code: string;
  language: Language;
  /** The argument list, as parsed from JSON; validated here with task.validateArgs. */
  args: unknown;
  sandbox: Sandbox;
  log?: JudgeLogger;
}

const silentLogger: JudgeLogger = { info: () => {}, warn: () => {}, error: () => {} } as unknown as JudgeLogger;

interface ReferenceRun {
  status: ReferenceStatus;
  value: Json | null;
  cpuMs: number | null;
}

function roundMs(ms: number | null): number | null {
  return ms === null ? null : Math.round(ms * 1000) / 1000;
}

function cpuOf(outcome: RunOutcome): number | null {
  return 'cpuMs' in outcome ? roundMs(outcome.cpuMs) : null;
}

/** Returns the arguments when they fit the task's signature; throws CustomInputError otherwise. */
export function validateCustomArgs(task: TaskDefinition<Json>, args: unknown): Json[] {
  if (!Array.isArray(args)) throw new CustomInputError('the input must be a JSON array with one element per argument of the function');
  const problem = task.validateArgs(args);
  if (problem !== null) throw new CustomInputError(problem);
  return args as Json[];
}

function readReference(outcome: RunOutcome, task: TaskDefinition<Json>, log: JudgeLogger): ReferenceRun {
  const cpuMs = cpuOf(outcome);
  switch (outcome.kind) {
    case 'returned':
      try {
        return { status: 'returned', value: decodeWire(outcome.output), cpuMs };
      } catch (error) {
        log.error({ task: task.slug, err: error }, 'the reference returned an output that does not decode');
        return { status: 'failed', value: null, cpuMs };
      }
    case 'time_limit':
      return { status: 'time_limit_exceeded', value: null, cpuMs };
    case 'memory_limit':
      return { status: 'memory_limit_exceeded', value: null, cpuMs };
    default:
      // Valid arguments should never make the reference throw: either the reference or validateArgs is wrong.
      log.error({ task: task.slug, outcome: outcome.kind, reason: 'message' in outcome ? outcome.message : null }, 'the reference failed on custom input');
      return { status: 'failed', value: null, cpuMs };
  }
}

function referenceFailureMessage(status: Exclude<ReferenceStatus, 'returned'>, task: TaskDefinition<Json>): string {
  const unchecked = 'so your output could not be checked.';
  if (status === 'time_limit_exceeded') {
    return (
      `The reference solution could not finish on this input within the limits (${task.limits.cpuMsPerTest} ms of CPU time, ` +
      `${task.limits.wallMsPerTest} ms of wall-clock time), ${unchecked} Try a smaller input.`
    );
  }
  if (status === 'memory_limit_exceeded') {
    return `The reference solution could not finish on this input within the memory limit of ${task.limits.memoryMb} MiB, ${unchecked} Try a smaller input.`;
  }
  return `The reference solution failed on this input, ${unchecked} This is not your fault.`;
}

/**
 * Judges the candidate's run against the reference's, or explains why it could not be checked.
 * NOTE: the checker runs on the host without a time limit, as for judged tests. Its cost grows with
 * the custom input (bounded by validateArgs) and the output (at most 16 Mi characters of JSON).
 */
function judgeCandidate(outcome: RunOutcome, args: Json[], reference: ReferenceRun, task: TaskDefinition<Json>, log: JudgeLogger): Judgement {
  if (outcome.kind !== 'returned' || reference.status === 'returned') {
    return judgeOutcome(outcome, { name: 'custom input', args, expected: () => reference.value as Json }, task, log);
  }
  let actual: Json | null = null;
  try {
    actual = decodeWire(outcome.output);
  } catch (error) {
    log.error({ task: task.slug, err: error }, 'the sandbox returned an output that does not decode');
  }
  return { verdict: 'internal_error', message: referenceFailureMessage(reference.status, task), actual };
}

/**
 * Runs the candidate's code and the task's reference on custom input and checks the candidate's
 * output against the reference's with the task's checker. Both run in fresh isolates of the
 * sandbox under the task's limits, because custom input is untrusted: on adversarial input (Apriori
 * with exponentially many frequent itemsets) the reference can be as slow as any candidate. A
 * reference that does not finish leaves the candidate's output unchecked (internal_error, never a
 * verdict against the candidate). Hidden tests play no part.
 *
 * Throws CustomInputError when the arguments do not fit the task's signature, before anything
 * runs, and SandboxUnavailableError or JudgeInternalError when the judge itself fails.
 */
export async function runCustom(options: CustomRunOptions): Promise<CustomRunResult> {
  const { task, code, language, sandbox } = options;
  const log = options.log ?? silentLogger;
  const args = validateCustomArgs(task, options.args);
  const input = encodeWire(args);
  const limits: RunLimits = { cpuMs: task.limits.cpuMsPerTest, wallMs: task.limits.wallMsPerTest, memoryMb: task.limits.memoryMb };

  const compiled = await sandbox.compile({ source: code, language, functionName: task.functionName, maxBytes: task.limits.sourceBytes });
  const candidateRun: { outcome: RunOutcome } | { compileError: string } = compiled.ok
    ? { outcome: await sandbox.run({ code: compiled.code, functionName: task.functionName, input, limits, captureConsole: true }) }
    : { compileError: compiled.message };

  // The reference runs even when the candidate's code does not compile: its output is useful alone.
  const referenceCode = await compileReference(sandbox, task);
  const referenceOutcome = await sandbox.run({ code: referenceCode, functionName: task.functionName, input, limits, captureConsole: false });
  const reference = readReference(referenceOutcome, task, log);
  const referenceSide = {
    output: reference.value === null ? null : displayableOutput(reference.value),
    cpuMs: reference.cpuMs,
    status: reference.status,
  };

  if ('compileError' in candidateRun) {
    return { verdict: 'compile_error', message: candidateRun.compileError, candidate: { output: null, cpuMs: null, console: [] }, reference: referenceSide };
  }

  const { outcome } = candidateRun;
  const judgement = judgeCandidate(outcome, args, reference, task, log);
  return {
    verdict: judgement.verdict,
    message: judgement.message,
    candidate: {
      output: judgement.actual === null ? null : displayableOutput(judgement.actual),
      cpuMs: cpuOf(outcome),
      console: 'console' in outcome ? outcome.console : [],
    },
    reference: referenceSide,
  };
}

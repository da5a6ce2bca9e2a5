import { HARNESS_CPU_MS } from '../sandbox/limits';
import type { RunOutcome } from '../sandbox/protocol';
import { decodeWire, encodeWire, toDisplayJson } from '../sandbox/wire-format';
import type { Json, TaskDefinition } from '../tasks/types';
import type { Sandbox, JudgeLogger, TestDetail, TestReport } from './judge-types';
import type { TestPlan } from './test-plan';
import { HIDDEN_TEST_MESSAGES, type Verdict } from './verdicts';

/** Largest candidate output stored in a sample test's detail, as characters of JSON. */
const DETAIL_OUTPUT_MAX_CHARS = 64 * 1024;

export interface Judgement {
  verdict: Verdict;
  message: string | null;
  actual: Json | null;
}

/** A call whose output is to be judged: its name for the log, its arguments and the expected output. */
export interface JudgedCall {
  name: string;
  args: Json[];
  /** Called only when the code returned a value, so that a lazily computed reference runs only then. */
  expected: () => Json;
}

function limitMessage(outcome: Extract<RunOutcome, { kind: 'time_limit' | 'memory_limit' }>, task: TaskDefinition<Json>): string {
  if (outcome.kind === 'memory_limit') return `Your code used more than the memory limit of ${task.limits.memoryMb} MiB.`;
  if (outcome.cause === 'cpu') return `Your code used more than the limit of ${task.limits.cpuMsPerTest} ms of CPU time.`;
  if (outcome.cause === 'harness') {
    return `Reading the value your code returned took more than ${HARNESS_CPU_MS} ms of CPU time (its getters and proxy traps run then).`;
  }
  if (outcome.cause === 'wall') return `Your code did not finish within ${task.limits.wallMsPerTest} ms of wall-clock time (a promise that never settles also ends this way).`;
  return 'The sandbox stopped responding while running your code, and was restarted.';
}

/** Keeps a sample's actual output for display unless it is too large to store. */
export function displayableOutput(actual: Json): Json {
  const display = toDisplayJson(actual);
  const text = JSON.stringify(display);
  return text.length <= DETAIL_OUTPUT_MAX_CHARS ? display : `[output of ${text.length} characters, too large to show]`;
}

/** Turns a run's outcome into a verdict; a returned value is checked by the task's checker. */
export function judgeOutcome(outcome: RunOutcome, call: JudgedCall, task: TaskDefinition<Json>, log: JudgeLogger): Judgement {
  switch (outcome.kind) {
    case 'returned': {
      let actual: Json;
      try {
        actual = decodeWire(outcome.output);
      } catch (error) {
        log.error({ task: task.slug, test: call.name, err: error }, 'the sandbox returned an output that does not decode');
        return { verdict: 'internal_error', message: 'The judge could not read your output; this is not your fault.', actual: null };
      }
      try {
        const expected = call.expected();
        const result = task.check(structuredClone(call.args), actual, expected);
        if (result.ok) return { verdict: 'accepted', message: result.message ?? null, actual };
        return { verdict: 'wrong_answer', message: result.message ?? 'The output is wrong.', actual };
      } catch (error) {
        // A checker must reject malformed output with a message, so a throw is the checker's fault.
        log.error({ task: task.slug, test: call.name, err: error }, 'the reference or the checker threw');
        return { verdict: 'internal_error', message: 'The judge failed while checking your output; this is not your fault.', actual };
      }
    }
    case 'threw':
      return { verdict: 'runtime_error', message: outcome.message, actual: null };
    case 'invalid_output':
      return { verdict: 'runtime_error', message: outcome.message, actual: null };
    case 'not_a_function':
      return { verdict: 'compile_error', message: outcome.message, actual: null };
    case 'time_limit':
      return { verdict: 'time_limit_exceeded', message: limitMessage(outcome, task), actual: null };
    case 'memory_limit':
      return { verdict: 'memory_limit_exceeded', message: limitMessage(outcome, task), actual: null };
    case 'internal':
      log.error({ task: task.slug, test: call.name, reason: outcome.message }, 'the sandbox failed internally');
      return { verdict: 'internal_error', message: 'The judge failed on this test; this is not your fault.', actual: null };
  }
}

/**
 * Runs the candidate on one test and judges the result. A hidden test's report keeps only the
 * verdict, CPU time and a generic message. A sample's report also carries its input, the expected
 * and actual output, and the console output.
 */
export async function runTest(options: {
  sandbox: Sandbox;
  task: TaskDefinition<Json>;
  code: string;
  plan: TestPlan;
  index: number;
  log: JudgeLogger;
}): Promise<TestReport> {
  const { sandbox, task, code, plan, index, log } = options;
  const test = plan.tests[index];
  const outcome = await sandbox.run({
    code,
    functionName: task.functionName,
    input: encodeWire(test.args),
    limits: { cpuMs: task.limits.cpuMsPerTest, wallMs: task.limits.wallMsPerTest, memoryMb: task.limits.memoryMb },
    captureConsole: !test.hidden,
  });
  const judgement = judgeOutcome(outcome, { name: test.name, args: test.args, expected: () => plan.expected(index) }, task, log);
  const cpuMs = 'cpuMs' in outcome && outcome.cpuMs !== null ? Math.round(outcome.cpuMs * 1000) / 1000 : null;

  let detail: TestDetail | null = null;
  if (!test.hidden) {
    let expected: Json = null;
    try {
      expected = toDisplayJson(plan.expected(index));
    } catch {
      // Already reported as internal_error above when the output was checked.
    }
    detail = {
      args: test.args.map(toDisplayJson),
      expected,
      actual: judgement.actual === null ? null : displayableOutput(judgement.actual),
      console: 'console' in outcome ? outcome.console : [],
    };
  }

  let message = judgement.message;
  if (test.hidden) message = judgement.verdict === 'accepted' ? null : HIDDEN_TEST_MESSAGES[judgement.verdict];

  return {
    index,
    name: test.name,
    hidden: test.hidden,
    timed: test.timed === true,
    verdict: judgement.verdict,
    cpuMs,
    message,
    detail,
  };
}

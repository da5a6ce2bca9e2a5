import { JudgeInternalError } from './judge-error';
import type { JudgeLogger, JudgeOptions, JudgeReport, NotRunTest, SpeedReport, TestReport } from './judge-types';
import { runTest } from './run-test';
import { computeScore } from './score';
import { gradeSpeed } from './speed-grade';
import { planTests } from './test-plan';
import { worstVerdict, type Verdict } from './verdicts';

export const DEFAULT_SPEED_REPETITIONS = 5;

const silentLogger: JudgeLogger = { info: () => {}, warn: () => {}, error: () => {} } as unknown as JudgeLogger;

function sumCpu(tests: TestReport[]): number | null {
  const times = tests.map((test) => test.cpuMs).filter((ms): ms is number => ms !== null);
  return times.length === 0 ? null : Math.round(times.reduce((sum, ms) => sum + ms, 0) * 1000) / 1000;
}

/**
 * Verdicts after which the remaining tests are not run. A time or memory limit would most likely be
 * hit again on every later test, costing the full limit each time (an infinite loop would hold a
 * worker for the CPU limit times the number of tests). A compile error found while running (the
 * export is not a function) fails every test the same way.
 */
const STOPPING_VERDICTS: ReadonlySet<Verdict> = new Set(['compile_error', 'time_limit_exceeded', 'memory_limit_exceeded']);

function firstFailureMessage(tests: TestReport[]): string | null {
  const failed = tests.find((test) => test.verdict !== 'accepted');
  if (!failed) return null;
  return failed.message ? `${failed.name}: ${failed.message}` : failed.name;
}

/**
 * Judges one submission: compiles it in the sandbox, runs the sample tests and then the hidden tests
 * (generated from the secret), checks every output against the reference's, and for an accepted
 * submission grades its speed against the reference. The first test that exceeds a time or memory
 * limit, or finds no function to call, ends the run: the remaining tests are listed as not run and
 * count as not passed. Returns the report; the verdict is the worst verdict of the tests run.
 * Throws JudgeInternalError (or SandboxUnavailableError) when the judge itself fails, so that the
 * caller can retry instead of blaming the candidate.
 */
export async function judgeSubmission(options: JudgeOptions): Promise<JudgeReport> {
  const { task, code, language, secret, sandbox } = options;
  const log = options.log ?? silentLogger;
  const repetitions = options.speedRepetitions ?? DEFAULT_SPEED_REPETITIONS;

  const compiled = await sandbox.compile({ source: code, language, functionName: task.functionName, maxBytes: task.limits.sourceBytes });
  if (!compiled.ok) {
    return { verdict: 'compile_error', score: 0, message: compiled.message, testsTotal: 0, tests: [], notRun: [], speed: null, candidateCpuMs: null, referenceCpuMs: null };
  }

  let plan;
  try {
    plan = planTests(task, secret);
  } catch (error) {
    throw new JudgeInternalError(`generating the tests of ${task.slug} failed`, { cause: error });
  }
  const testsTotal = plan.tests.length;
  await options.onProgress?.({ type: 'started', testsTotal });

  const tests: TestReport[] = [];
  for (let index = 0; index < testsTotal; index++) {
    const report = await runTest({ sandbox, task, code: compiled.code, plan, index, log });
    tests.push(report);
    await options.onProgress?.({ type: 'test', test: report, testsDone: tests.length, testsTotal });
    if (STOPPING_VERDICTS.has(report.verdict)) break;
  }
  const notRun: NotRunTest[] = plan.tests
    .slice(tests.length)
    .map((test, offset) => ({ index: tests.length + offset, name: test.name, hidden: test.hidden }));

  const verdict = worstVerdict(tests.map((test) => test.verdict));
  let speed: SpeedReport | null = null;
  if (verdict === 'accepted') {
    const timedTests = plan.tests.filter((test) => test.hidden && test.timed).length;
    if (timedTests > 0) await options.onProgress?.({ type: 'speed', tests: timedTests, repetitions });
    speed = await gradeSpeed({ sandbox, task, candidateCode: compiled.code, plan, repetitions });
  }

  const testsPassed = tests.filter((test) => test.verdict === 'accepted').length;
  // A compile error found while running (the export is not a function) reads like any other compile error.
  const compileError = tests.find((test) => test.verdict === 'compile_error');
  return {
    verdict,
    score: computeScore({ verdict, testsPassed, testsTotal, speedRatio: speed?.ratio ?? null }),
    message: compileError ? compileError.message : firstFailureMessage(tests),
    testsTotal,
    tests,
    notRun,
    speed,
    candidateCpuMs: speed ? speed.candidateCpuMs : sumCpu(tests),
    referenceCpuMs: speed ? speed.referenceCpuMs : null,
  };
}

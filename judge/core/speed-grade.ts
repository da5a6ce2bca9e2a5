import { readFile } from 'node:fs/promises';
import type { RunOutcome } from '../sandbox/protocol';
import { encodeWire } from '../sandbox/wire-format';
import type { Json, TaskDefinition } from '../tasks/types';
import { JudgeInternalError } from './judge-error';
import type { Sandbox, SpeedReport } from './judge-types';
import { speedBand } from './score';
import type { TestPlan } from './test-plan';

/** The reference module is trusted and may be larger than a candidate's source limit. */
const REFERENCE_MAX_BYTES = 1024 * 1024;

const compiledReferences = new Map<string, Promise<string>>();

/** Compiles the task's reference module through the candidates' pipeline, once per process. */
export function compileReference(sandbox: Sandbox, task: TaskDefinition<Json>): Promise<string> {
  const key = `${task.referencePath}\u0000${task.functionName}`;
  let compiled = compiledReferences.get(key);
  if (!compiled) {
    compiled = (async () => {
      const source = await readFile(task.referencePath, 'utf8');
      const outcome = await sandbox.compile({
        source,
        language: task.referencePath.endsWith('.ts') ? 'typescript' : 'javascript',
        functionName: task.functionName,
        maxBytes: REFERENCE_MAX_BYTES,
      });
      if (!outcome.ok) throw new JudgeInternalError(`the reference of ${task.slug} does not compile: ${outcome.message}`);
      return outcome.code;
    })();
    compiledReferences.set(key, compiled);
    compiled.catch(() => compiledReferences.delete(key));
  }
  return compiled;
}

function cpuOf(outcome: RunOutcome): number | null {
  if (outcome.kind === 'returned') return outcome.cpuMs;
  // A candidate that passed this test but now runs out of time counts with the time it used.
  if (outcome.kind === 'time_limit') return outcome.cpuMs;
  return null;
}

/**
 * Grades speed on the timed hidden tests. Per test, candidate and reference run alternately in the
 * same kind of isolate (c, r, r, c, c, r, …, so that neither side always runs first), `repetitions`
 * times each. The minimum per side counts, because the minimum is the run least disturbed by other
 * load, and ratio = Σ candidate minima ÷ Σ reference minima. Returns null without timed tests.
 */
export async function gradeSpeed(options: {
  sandbox: Sandbox;
  task: TaskDefinition<Json>;
  candidateCode: string;
  plan: TestPlan;
  repetitions: number;
}): Promise<SpeedReport | null> {
  const { sandbox, task, candidateCode, plan, repetitions } = options;
  const timed = plan.tests.filter((test) => test.hidden && test.timed);
  if (timed.length === 0) return null;
  const referenceCode = await compileReference(sandbox, task);
  const limits = { cpuMs: task.limits.cpuMsPerTest, wallMs: task.limits.wallMsPerTest, memoryMb: task.limits.memoryMb };

  let candidateTotal = 0;
  let referenceTotal = 0;
  for (const test of timed) {
    const input = encodeWire(test.args);
    let candidateBest = Infinity;
    let referenceBest = Infinity;
    for (let repetition = 0; repetition < repetitions; repetition++) {
      const order = repetition % 2 === 0 ? (['candidate', 'reference'] as const) : (['reference', 'candidate'] as const);
      for (const side of order) {
        const code = side === 'candidate' ? candidateCode : referenceCode;
        const outcome = await sandbox.run({ code, functionName: task.functionName, input, limits, captureConsole: false });
        const cpuMs = cpuOf(outcome);
        if (side === 'reference') {
          if (outcome.kind !== 'returned') {
            throw new JudgeInternalError(`the reference of ${task.slug} failed on ${test.name} during the speed grade: ${outcome.kind}`);
          }
          referenceBest = Math.min(referenceBest, outcome.cpuMs);
        } else if (cpuMs !== null) {
          candidateBest = Math.min(candidateBest, cpuMs);
        }
      }
    }
    if (!Number.isFinite(candidateBest)) {
      throw new JudgeInternalError(`the candidate's code produced no timing on ${test.name} during the speed grade`);
    }
    candidateTotal += candidateBest;
    referenceTotal += referenceBest;
  }

  // A reference that runs in no measurable time would make every ratio infinite.
  const ratio = candidateTotal / Math.max(referenceTotal, 0.001);
  return {
    candidateCpuMs: round(candidateTotal),
    referenceCpuMs: round(referenceTotal),
    ratio: Math.round(ratio * 10_000) / 10_000,
    band: speedBand(ratio),
    repetitions,
    tests: timed.length,
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

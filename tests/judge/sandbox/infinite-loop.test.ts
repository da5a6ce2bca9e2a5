import { describe, expect, it } from 'vitest';
import { attackTask, expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

describe('attack: infinite loop', () => {
  const sandbox = useSandboxProcess();

  it('stops a loop in the call as time_limit_exceeded', async () => {
    const report = await judgeAttack(sandbox(), submission('while (true) {}'));

    expect(report.verdict).toBe('time_limit_exceeded');
    // The hidden test is not run once the sample has used up the CPU limit.
    expect(report.tests.map((test) => test.verdict)).toEqual(['time_limit_exceeded']);
    expect(report.notRun.map((test) => test.name)).toEqual(['hidden-01']);
    const cpuMs = report.tests[0].cpuMs ?? 0;
    expect(cpuMs).toBeGreaterThanOrEqual(attackTask.limits.cpuMsPerTest);
    expect(cpuMs).toBeLessThan(attackTask.limits.cpuMsPerTest + 100);
    expect(report.tests[0].message).toMatch(/CPU time/);
    await expectSandboxStillJudges(sandbox());
  });

  it('stops a loop in the module top level', async () => {
    const report = await judgeAttack(sandbox(), 'for (;;) {}\nexport function sumRows(rows: number[][]) { return []; }');

    expect(report.verdict).toBe('time_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });

  it('stops a loop that catches every exception', async () => {
    const report = await judgeAttack(sandbox(), submission('for (;;) { try { while (true) {} } catch { /* keep going */ } finally { continue; } }'));

    expect(report.verdict).toBe('time_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });
});

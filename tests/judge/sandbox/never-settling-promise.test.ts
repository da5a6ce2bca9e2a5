import { describe, expect, it } from 'vitest';
import { attackTask, expectSandboxStillJudges, judgeAttack, useSandboxProcess } from '../support/attack';

describe('attack: promise that never settles', () => {
  const sandbox = useSandboxProcess();

  it('ends at the wall-clock limit as time_limit_exceeded', async () => {
    const started = Date.now();
    const report = await judgeAttack(sandbox(), 'export function sumRows(rows: number[][]): Promise<number[]> { return new Promise(() => {}); }');

    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.tests[0].message).toMatch(/wall-clock/);
    // The isolate used no CPU while it waited.
    expect(report.tests[0].cpuMs ?? Infinity).toBeLessThan(50);
    const perTest = (Date.now() - started) / report.tests.length;
    expect(perTest).toBeGreaterThanOrEqual(attackTask.limits.wallMsPerTest);
    expect(perTest).toBeLessThan(attackTask.limits.wallMsPerTest + 1_000);
    await expectSandboxStillJudges(sandbox());
  });

  it('ends an async function awaiting forever', async () => {
    const report = await judgeAttack(sandbox(), 'export async function sumRows(rows: number[][]) { await new Promise(() => {}); return [3, 7]; }');

    expect(report.verdict).toBe('time_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });

  it('awaits a promise that settles', async () => {
    const report = await judgeAttack(sandbox(), 'export async function sumRows(rows: number[][]) { await null; return rows.map((row) => row.reduce((a, b) => a + b, 0)); }');

    expect(report.verdict).toBe('accepted');
  });
});

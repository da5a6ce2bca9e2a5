import { describe, expect, it } from 'vitest';
import { expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

describe('attack: microtask storm', () => {
  const sandbox = useSandboxProcess();

  it('stops an endless await loop as time_limit_exceeded', async () => {
    const report = await judgeAttack(sandbox(), 'export async function sumRows(rows: number[][]) { for (;;) await null; }');

    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.tests[0].message).toMatch(/CPU time/);
    await expectSandboxStillJudges(sandbox());
  });

  it('stops microtasks that outlive a returned value', async () => {
    // The call returns at once, but the microtask queue never empties afterwards.
    const report = await judgeAttack(sandbox(), submission('const spin = (): Promise<void> => Promise.resolve().then(spin); spin(); return [3, 7];'));

    expect(['time_limit_exceeded', 'memory_limit_exceeded']).toContain(report.verdict);
    expect(report.tests[0].verdict).not.toBe('accepted');
    await expectSandboxStillJudges(sandbox());
  });

  it('stops a fan-out of promise chains', async () => {
    const report = await judgeAttack(
      sandbox(),
      'export function sumRows(rows: number[][]) { const grow = (): Promise<unknown> => Promise.all([Promise.resolve().then(grow), Promise.resolve().then(grow)]); return grow(); }',
    );

    expect(['time_limit_exceeded', 'memory_limit_exceeded']).toContain(report.verdict);
    await expectSandboxStillJudges(sandbox());
  });
});

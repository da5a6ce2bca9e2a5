import { describe, expect, it } from 'vitest';
import { expectSandboxStillJudges, judgeAttack, memoryAttackTask, submission, useSandboxProcess } from '../support/attack';

describe('attack: heap bomb with a huge array', () => {
  const sandbox = useSandboxProcess();

  it('stops an ever-growing array as memory_limit_exceeded', async () => {
    const report = await judgeAttack(sandbox(), submission('const hoard: number[][] = []; for (;;) hoard.push([1, 2, 3, 4]);'), { task: memoryAttackTask });

    expect(report.verdict).toBe('memory_limit_exceeded');
    expect(report.tests[0].message).toMatch(/memory limit of 32 MiB/);
    await expectSandboxStillJudges(sandbox());
  });

  it('stops one giant filled array as memory_limit_exceeded', async () => {
    const report = await judgeAttack(sandbox(), submission('const giant = new Array(20_000_000).fill(1.5); return [giant.length];'), { task: memoryAttackTask });

    expect(report.verdict).toBe('memory_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });

  it('stops an array grown inside the module top level', async () => {
    const report = await judgeAttack(sandbox(), 'const hoard: object[] = [];\nfor (;;) hoard.push({ a: 1 });\nexport function sumRows() { return []; }', { task: memoryAttackTask });

    expect(report.verdict).toBe('memory_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });
});

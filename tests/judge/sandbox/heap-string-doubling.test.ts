import { describe, expect, it } from 'vitest';
import { expectSandboxStillJudges, judgeAttack, memoryAttackTask, submission, useSandboxProcess } from '../support/attack';

describe('attack: heap bomb by string doubling', () => {
  const sandbox = useSandboxProcess();

  it('reports V8 string length limit as runtime_error', async () => {
    // Doubling builds a rope of references, so it reaches V8's maximum string length (about
    // 2^29 characters) almost without allocating: the RangeError is the honest outcome.
    const report = await judgeAttack(sandbox(), submission('let text = "x"; for (;;) text = text + text;'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('RangeError: Invalid string length');
    await expectSandboxStillJudges(sandbox());
  });

  it('stops doubling that flattens the string as memory_limit_exceeded', async () => {
    const report = await judgeAttack(sandbox(), submission('let text = "x"; for (;;) { text = text + text; text.charCodeAt(text.length - 1); }'), { task: memoryAttackTask });

    expect(report.verdict).toBe('memory_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });

  it('stops repeat() of a large string', async () => {
    const report = await judgeAttack(sandbox(), submission('const block = "y".repeat(1 << 20); const all: string[] = []; for (;;) all.push((block + all.length).toUpperCase());'), { task: memoryAttackTask });

    expect(report.verdict).toBe('memory_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });
});

import { describe, expect, it } from 'vitest';
import { OUTPUT_MAX_DEPTH } from '../../../judge/sandbox/limits';
import { CORRECT_RESULT, expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

describe('attack: deep recursion', () => {
  const sandbox = useSandboxProcess();

  it('reports a stack overflow as runtime_error', async () => {
    const report = await judgeAttack(sandbox(), submission('const dive = (depth: number): number => dive(depth + 1) + 1; return [dive(0)];'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('RangeError: Maximum call stack size exceeded');
    await expectSandboxStillJudges(sandbox());
  });

  it('recovers when the overflow is caught', async () => {
    const report = await judgeAttack(
      sandbox(),
      submission(`const dive = (depth: number): number => dive(depth + 1) + 1; try { dive(0); } catch { /* expected */ } return ${CORRECT_RESULT};`),
    );

    expect(report.verdict).toBe('accepted');
  });

  it('rejects a returned value nested too deep', async () => {
    const report = await judgeAttack(sandbox(), submission('let nested: unknown = []; for (let i = 0; i < 100000; i++) nested = [nested]; return nested as number[];'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe(`the returned value cannot be sent back: the value is nested more than ${OUTPUT_MAX_DEPTH} levels deep`);
    await expectSandboxStillJudges(sandbox());
  });

  it('reports overflow inside a getter read on output', async () => {
    const report = await judgeAttack(sandbox(), submission('const deep = (n: number): number => deep(n + 1); return [{ get value() { return deep(0); } }] as unknown as number[];'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('while reading the returned value: RangeError: Maximum call stack size exceeded');
    await expectSandboxStillJudges(sandbox());
  });
});

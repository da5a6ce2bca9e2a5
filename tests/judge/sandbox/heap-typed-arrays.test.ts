import { describe, expect, it } from 'vitest';
import { expectSandboxStillJudges, judgeAttack, memoryAttackTask, submission, useSandboxProcess } from '../support/attack';

describe('attack: heap bomb with typed arrays', () => {
  const sandbox = useSandboxProcess();

  it('stops many array buffers as memory_limit_exceeded', async () => {
    // Array buffers live outside the V8 heap but count against the isolate's limit; the failed
    // allocation throws a RangeError while the isolate's memory is full.
    const report = await judgeAttack(sandbox(), submission('const buffers: Float64Array[] = []; for (;;) buffers.push(new Float64Array(1 << 20));'), { task: memoryAttackTask });

    expect(report.verdict).toBe('memory_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });

  it('stops buffers kept while the error is caught', async () => {
    const report = await judgeAttack(
      sandbox(),
      submission('const buffers: Uint8Array[] = []; for (;;) { try { buffers.push(new Uint8Array(1 << 20).fill(7)); } catch { buffers.push(new Uint8Array(64)); } }'),
    );

    // The tight CPU limit of the attack task usually ends the loop before the heap fills up.
    expect(['memory_limit_exceeded', 'time_limit_exceeded']).toContain(report.verdict);
    await expectSandboxStillJudges(sandbox());
  });

  it('reports one impossible allocation as runtime_error', async () => {
    // Nothing was allocated: the request alone was refused, so the isolate's memory is not full.
    const report = await judgeAttack(sandbox(), submission('const huge = new Float64Array(2 ** 31); return [huge.length];'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toMatch(/^RangeError: /);
    await expectSandboxStillJudges(sandbox());
  });
});

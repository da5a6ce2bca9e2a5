import { describe, expect, it } from 'vitest';
import { OUTPUT_MAX_CHARS } from '../../../judge/sandbox/limits';
import { expectSandboxStillJudges, judgeAttack, memoryAttackTask, submission, useSandboxProcess } from '../support/attack';

describe('attack: JSON amplification', () => {
  const sandbox = useSandboxProcess();

  it('stops a small shared structure that expands on output', async () => {
    // 2^40 leaves through shared references: the encoder would write terabytes.
    const report = await judgeAttack(sandbox(), submission('let tree: unknown = [1]; for (let i = 0; i < 40; i++) tree = [tree, tree]; return tree as number[];'));

    // The encoder's own CPU budget or the isolate's memory ends it, whichever comes first.
    expect(['memory_limit_exceeded', 'time_limit_exceeded']).toContain(report.verdict);
    await expectSandboxStillJudges(sandbox());
  });

  it('rejects an output over the size cap', async () => {
    // Within the memory limit but above the cap on output size.
    const report = await judgeAttack(sandbox(), submission(`return [("z".repeat(${OUTPUT_MAX_CHARS} + 10)) as unknown as number];`));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe(`the returned value cannot be sent back: the value is larger than ${OUTPUT_MAX_CHARS} characters as JSON`);
    await expectSandboxStillJudges(sandbox());
  });

  it('stops JSON.stringify of an amplifying structure', async () => {
    const report = await judgeAttack(sandbox(), submission('let tree: unknown = [1]; for (let i = 0; i < 40; i++) tree = [tree, tree]; return [JSON.stringify(tree).length];'));

    expect(['memory_limit_exceeded', 'runtime_error', 'time_limit_exceeded']).toContain(report.verdict);
    await expectSandboxStillJudges(sandbox());
  });

  it('stops JSON.parse of a huge document', async () => {
    // 9 MB of text becomes 3 million arrays. Measured: the parser overshoots the isolate's limit,
    // and the sandbox process's resident-memory cap is what stops it.
    const report = await judgeAttack(sandbox(), submission('const parsed = JSON.parse("[" + "[],".repeat(3_000_000) + "[]]"); return [parsed.length];'), { task: memoryAttackTask });

    expect(report.verdict).toBe('memory_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });
});

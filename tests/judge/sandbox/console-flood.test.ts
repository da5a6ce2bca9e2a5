import { describe, expect, it } from 'vitest';
import { CONSOLE_MAX_CHARS } from '../../../judge/sandbox/limits';
import { CORRECT_RESULT, expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

describe('attack: console flood', () => {
  const sandbox = useSandboxProcess();

  it('keeps 64 KiB of console output and notes the rest was dropped', async () => {
    const report = await judgeAttack(sandbox(), submission(`for (let i = 0; i < 1_000_000; i++) console.log('line', i); return ${CORRECT_RESULT};`));

    expect(report.verdict).toBe('accepted');
    const lines = report.tests[0].detail?.console ?? [];
    const kept = lines.slice(0, -1).reduce((total, line) => total + line.length + 1, 0);
    expect(kept).toBeLessThanOrEqual(CONSOLE_MAX_CHARS);
    expect(kept).toBeGreaterThan(CONSOLE_MAX_CHARS - 100);
    expect(lines[0]).toBe('line 0');
    expect(lines.at(-1)).toBe(`[console output truncated: the limit is ${CONSOLE_MAX_CHARS} characters]`);
    await expectSandboxStillJudges(sandbox());
  });

  it('cuts a single huge line', async () => {
    const report = await judgeAttack(sandbox(), submission(`console.error('y'.repeat(10_000_000)); return ${CORRECT_RESULT};`));

    expect(report.verdict).toBe('accepted');
    const lines = report.tests[0].detail?.console ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[0].startsWith('error: yyy')).toBe(true);
    expect(lines[0].length).toBeLessThan(CONSOLE_MAX_CHARS);
  });

  it('prints values without trusting them', async () => {
    const body = `const cyclic: Record<string, unknown> = { n: NaN }; cyclic.self = cyclic;
      console.log(cyclic, [1, Infinity], new Proxy({}, { ownKeys() { throw 1; } }), 5n);
      return ${CORRECT_RESULT};`;
    const report = await judgeAttack(sandbox(), submission(body));

    expect(report.verdict).toBe('accepted');
    expect(report.tests[0].detail?.console).toEqual(['{"n":NaN,"self":[Circular]} [1,Infinity] [value that could not be printed] 5n']);
  });

  it('keeps no console output of hidden tests', async () => {
    const report = await judgeAttack(sandbox(), submission(`console.log(JSON.stringify(rows)); return ${CORRECT_RESULT};`));

    expect(report.tests[0].detail?.console).toEqual(['[[1,2],[3,4]]']);
    expect(report.tests[1].hidden).toBe(true);
    expect(report.tests[1].detail).toBeNull();
    expect(JSON.stringify(report).match(/"console"/g)).toHaveLength(1);
  });

  it('stops a flood that never ends', async () => {
    const report = await judgeAttack(sandbox(), submission('for (;;) console.log("again");'));

    expect(report.verdict).toBe('time_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });
});

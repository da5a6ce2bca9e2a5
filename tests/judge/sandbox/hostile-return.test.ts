import { describe, expect, it } from 'vitest';
import { HARNESS_CPU_MS } from '../../../judge/sandbox/limits';
import { expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

describe('attack: returning proxies, getters and cycles', () => {
  const sandbox = useSandboxProcess();

  it('reads a proxy like any array', async () => {
    const report = await judgeAttack(sandbox(), submission('const sums = rows.map((row) => row.reduce((a, b) => a + b, 0)); return new Proxy(sums, {});'));

    expect(report.verdict).toBe('accepted');
  });

  it('sees the values a lying proxy reports', async () => {
    const report = await judgeAttack(sandbox(), submission('return new Proxy([0, 0], { get(target, key) { return key === "length" ? 3 : 7; } });'));

    expect(report.verdict).toBe('wrong_answer');
    expect(report.tests[0].detail?.actual).toEqual([7, 7, 7]);
  });

  it('reports a proxy whose traps throw as runtime_error', async () => {
    const report = await judgeAttack(sandbox(), submission('return new Proxy([], { get() { throw new Error("trap"); } });'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('while reading the returned value: Error: trap');
    await expectSandboxStillJudges(sandbox());
  });

  it('stops a trap that never returns', async () => {
    const report = await judgeAttack(sandbox(), submission('return new Proxy([], { get() { for (;;) {} } });'));

    // Reading the output has its own CPU budget; this task's wall-clock limit may end it first.
    expect(report.verdict).toBe('time_limit_exceeded');
    expect(report.tests[0].message).toMatch(new RegExp(`${HARNESS_CPU_MS} ms of CPU time|wall-clock`));
    await expectSandboxStillJudges(sandbox());
  });

  it('reads getters of the returned value, as JSON does', async () => {
    const report = await judgeAttack(
      sandbox(),
      submission('const sums = rows.map((row) => row.reduce((a, b) => a + b, 0)); const last = sums[1]; Object.defineProperty(sums, 1, { get: () => last, enumerable: true }); return sums;'),
    );

    expect(report.verdict).toBe('accepted');
  });

  it('rejects a cycle', async () => {
    const report = await judgeAttack(sandbox(), submission('const sums: unknown[] = [3, 7]; sums.push(sums); return sums as number[];'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('the returned value cannot be sent back: the value contains a cycle (an object that contains itself)');
    await expectSandboxStillJudges(sandbox());
  });

  it('rejects a BigInt', async () => {
    const report = await judgeAttack(sandbox(), submission('return [3n, 7n] as unknown as number[];'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('the returned value cannot be sent back: a BigInt cannot be returned; use a number');
  });

  it('turns functions and symbols into null like JSON', async () => {
    const report = await judgeAttack(sandbox(), submission('return [() => 3, Symbol("x")] as unknown as number[];'));

    expect(report.verdict).toBe('wrong_answer');
    expect(report.tests[0].detail?.actual).toEqual([null, null]);
  });

  it('keeps NaN and Infinity instead of turning them into null', async () => {
    const report = await judgeAttack(sandbox(), submission('return [NaN, -Infinity];'));

    expect(report.verdict).toBe('wrong_answer');
    expect(report.tests[0].detail?.actual).toEqual(['NaN', '-Infinity']);
    expect(report.tests[0].message).toBe('sums[0] is not a number');
  });

  it('accepts typed-array rows as arrays', async () => {
    const report = await judgeAttack(sandbox(), submission('return Float64Array.from(rows.map((row) => row.reduce((a, b) => a + b, 0))) as unknown as number[];'));

    expect(report.verdict).toBe('accepted');
  });

  it('treats a thenable that is not a promise as data', async () => {
    const report = await judgeAttack(sandbox(), submission('return { then(resolve: (value: number[]) => void) { resolve([3, 7]); } } as unknown as number[];'));

    expect(report.verdict).toBe('wrong_answer');
  });
});

import { describe, expect, it } from 'vitest';
import { expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

describe('attack: throwing hostile values', () => {
  const sandbox = useSandboxProcess();

  const cases: [string, string, string][] = [
    ['a string', 'throw "plain text";', 'plain text'],
    ['a number', 'throw 42;', 'threw number 42'],
    ['null', 'throw null;', 'threw null'],
    ['undefined', 'throw undefined;', 'threw undefined undefined'],
    ['a symbol', 'throw Symbol("s");', 'threw a symbol'],
    ['a plain object', 'throw { code: 7 };', 'threw a value that is not an Error'],
    ['an Error subclass', 'class Oops extends Error { name = "Oops"; } throw new Oops("bad input");', 'Oops: bad input'],
    ['a getter that throws', 'throw { get message(): string { throw new Error("gotcha"); } };', 'threw an object whose properties could not be read'],
    ['a proxy that throws on every trap', 'throw new Proxy({}, { get() { throw 1; }, getPrototypeOf() { throw 2; }, has() { throw 3; } });', 'threw an object whose properties could not be read'],
    ['an Error whose name is not a string', 'const error = new Error("odd"); Object.defineProperty(error, "name", { value: { toString() { throw 1; } } }); throw error;', 'Error: odd'],
    ['a message with a huge text', 'throw new Error("x".repeat(1_000_000));', `Error: ${'x'.repeat(1993)}…`],
  ];

  it.each(cases)('reports %s as runtime_error', async (_label, body, message) => {
    const report = await judgeAttack(sandbox(), submission(body));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe(message);
    expect(report.tests[1].message).toBe('Your code threw an error on this hidden test.');
  });

  it('stops a getter that loops while the error is described', async () => {
    const report = await judgeAttack(sandbox(), submission('throw { get message(): string { for (;;) {} } };'));

    expect(report.verdict).toBe('time_limit_exceeded');
    await expectSandboxStillJudges(sandbox());
  });

  it('reports a rejected promise as runtime_error', async () => {
    const report = await judgeAttack(sandbox(), 'export async function sumRows(rows: number[][]) { await null; throw new TypeError("late"); }');

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('TypeError: late');
    await expectSandboxStillJudges(sandbox());
  });
});

import { describe, expect, it } from 'vitest';
import { CORRECT_RESULT, expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

// Each body replaces built-ins that the judge's own code in the isolate could depend on, then
// returns the correct sums. The harness captured every built-in it uses before candidate code ran,
// so the result must be read exactly.
const POLLUTIONS: [string, string][] = [
  ['Array.prototype methods', 'Array.prototype.push = Array.prototype.map = Array.prototype.join = () => { throw new Error("polluted"); };'],
  ['Array index setters', 'for (let i = 0; i < 4; i++) Object.defineProperty(Array.prototype, i, { set() { throw new Error("setter"); }, get() { return 99; }, configurable: true });'],
  ['the array iterator', 'Array.prototype[Symbol.iterator] = function* () { yield 99; };'],
  ['JSON', '(JSON as { stringify: unknown }).stringify = () => "[1]"; (JSON as { parse: unknown }).parse = () => [1];'],
  ['Object.prototype.toJSON', '(Object.prototype as { toJSON?: unknown }).toJSON = () => "hijacked";'],
  ['Object and Reflect', 'Object.keys = () => ["evil"]; (Reflect as { apply: unknown }).apply = () => 0; Object.defineProperty = () => ({});'],
  ['Set and Promise', 'Set.prototype.add = Set.prototype.has = () => true; Promise.prototype.then = () => { throw 1; };'],
  ['Function.prototype', 'Function.prototype.call = Function.prototype.apply = Function.prototype.bind = () => { throw 2; };'],
  ['String and Number', 'String.prototype.slice = () => "!"; Number.prototype.toString = () => "!"; (String as { prototype: { concat: unknown } }).prototype.concat = () => "!";'],
  ['Object.prototype setters', 'Object.defineProperty(Object.prototype, "kind", { set() { throw 3; }, get() { return "evil"; } }); Object.defineProperty(Object.prototype, "message", { get() { return "evil"; } });'],
  ['the global object', 'for (const name of Object.getOwnPropertyNames(globalThis)) { try { delete (globalThis as Record<string, unknown>)[name]; } catch { /* non-configurable */ } }'],
];

describe('attack: polluting built-ins', () => {
  const sandbox = useSandboxProcess();

  it.each(POLLUTIONS)('reads the result exactly after polluting %s', async (_label, pollution) => {
    const report = await judgeAttack(sandbox(), submission(`const result = ${CORRECT_RESULT};\n${pollution}\nreturn result;`));

    expect(report.tests[0].message).toBeNull();
    expect(report.tests[0].detail?.actual).toEqual([3, 7]);
    expect(report.verdict).toBe('accepted');
  });

  it('starts every test from clean built-ins', async () => {
    // If any state survived from one test to the next, the second test would see the marker.
    const report = await judgeAttack(
      sandbox(),
      submission(`const marked = (Array.prototype as { marker?: boolean }).marker === true || (globalThis as { seen?: boolean }).seen === true;
        (Array.prototype as { marker?: boolean }).marker = true;
        (globalThis as { seen?: boolean }).seen = true;
        return marked ? [] : ${CORRECT_RESULT};`),
    );

    expect(report.tests.map((test) => test.verdict)).toEqual(['accepted', 'accepted']);
    await expectSandboxStillJudges(sandbox());
  });

  it('keeps pollution of the module top level inside the run', async () => {
    const report = await judgeAttack(sandbox(), `JSON.parse = () => [[0]];\nArray.isArray = () => false;\n${submission(`return ${CORRECT_RESULT};`)}`);

    expect(report.verdict).toBe('accepted');
  });
});

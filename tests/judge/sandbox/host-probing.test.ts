import { describe, expect, it } from 'vitest';
import { CORRECT_RESULT, expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

// Each probe returns a description of what it found, or null when it found nothing of the host.
const PROBES: [string, string][] = [
  ['Node globals', `const names = ['process', 'require', 'module', 'Buffer', 'global', 'setTimeout', 'setImmediate', 'queueMicrotask', 'fetch', 'performance', 'ivm', '_ivm', 'isolatedVm'];
    const found = names.filter((name) => typeof (globalThis as Record<string, unknown>)[name] !== 'undefined');
    return found.length > 0 ? 'globals: ' + found.join(',') : null;`],
  ['the Function constructor', `const viaConstructor = (0, eval)('this').constructor.constructor('return typeof process + typeof require')();
    const viaFunction = Function('return typeof process')();
    return viaConstructor === 'undefinedundefined' && viaFunction === 'undefined' ? null : 'constructor walk: ' + viaConstructor + viaFunction;`],
  ['constructor walks from the console', `const walk = (console.log as unknown as { constructor: FunctionConstructor }).constructor('return typeof process')();
    return walk === 'undefined' ? null : 'console walk: ' + walk;`],
  ['stack frames', `let found: string | null = null;
    (Error as unknown as { prepareStackTrace: unknown }).prepareStackTrace = (_error: unknown, frames: { getFunction(): unknown; getThis(): unknown; getFileName(): string | null }[]) => {
      for (const frame of frames) {
        const fn = frame.getFunction();
        const self = frame.getThis();
        if (fn !== undefined && fn !== null && String(fn).includes('[native code]')) found = 'native function on the stack: ' + String(fn);
        if (self !== undefined && self !== null && self !== globalThis && typeof self === 'object' && 'derefInto' in (self as object)) found = 'reference on the stack';
        const file = frame.getFileName();
        if (file && file !== 'file:///submission.js' && file !== 'file:///holdout-harness.js') found = 'host file on the stack: ' + file;
      }
      return 'probed';
    };
    void new Error('probe').stack;
    return found;`],
  ['the arguments of the call', `const callee = (arguments as unknown as { callee?: unknown }).length;
    return typeof callee === 'number' ? null : 'arguments: ' + String(callee);`],
  ['properties of the global object', `const expected = new Set(['console', 'Date', 'globalThis', 'eval', 'Math', 'JSON']);
    const own = Object.getOwnPropertyNames(globalThis).filter((name) => /^[a-z]/.test(name) && !expected.has(name) && !/^(parseFloat|parseInt|isNaN|isFinite|decodeURI|decodeURIComponent|encodeURI|encodeURIComponent|escape|unescape|undefined|NaN|Infinity)$/.test(name));
    return own.length > 0 ? 'unexpected globals: ' + own.join(',') : null;`],
  ['dynamic import through eval', `let outcome: string | null = null;
    try { (0, eval)('import("fs")').then(() => { outcome = 'imported'; }, () => {}); } catch { /* rejected */ }
    return outcome;`],
  ['a clock finer than a second', `const now = Date.now();
    const text = new Date().toISOString();
    return now % 1000 === 0 && text.endsWith('.000Z') ? null : 'clock: ' + now + ' ' + text;`],
];

describe('attack: probing for the host', () => {
  const sandbox = useSandboxProcess();

  it.each(PROBES)('finds nothing through %s', async (_label, probe) => {
    const code = `function probe(): string | null {\n${probe}\n}\n${submission(`const found = probe(); if (found !== null) throw new Error(found); return ${CORRECT_RESULT};`)}`;
    const report = await judgeAttack(sandbox(), code.replace('function probe(): string | null {', 'function probe(this: unknown, ...rest: unknown[]): string | null {'));

    expect(report.tests[0].message).toBeNull();
    expect(report.verdict).toBe('accepted');
  });

  it('rejects a static import at compile time', async () => {
    const report = await judgeAttack(sandbox(), `import { readFileSync } from 'node:fs';\n${submission('return [readFileSync.length];')}`);

    expect(report.verdict).toBe('compile_error');
    expect(report.message).toMatch(/^line 1, column 30: imports are not allowed, but the submission imports 'node:fs'/);
    await expectSandboxStillJudges(sandbox());
  });

  it('reports an uncatchable import() as a runtime error', async () => {
    const code = submission(`let found = 'nothing';
      try { found = String((0, eval)('import("fs")')); } catch { found = 'caught'; }
      if (found !== 'nothing') throw new Error(found);
      return ${CORRECT_RESULT};`);
    const report = await judgeAttack(sandbox(), code);

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests.map((test) => test.verdict)).toEqual(['runtime_error', 'runtime_error']);
    expect(report.tests[0].message).toContain('import(), modules and host features are not available');
    await expectSandboxStillJudges(sandbox());
  });

  it('rejects require at compile time', async () => {
    const report = await judgeAttack(sandbox(), "export function sumRows(rows) { const os = require('os'); return [os.cpus().length]; }", { language: 'javascript' });

    expect(report.verdict).toBe('compile_error');
    expect(report.message).toContain("imports 'os'");
  });
});

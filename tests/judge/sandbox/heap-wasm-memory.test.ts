import { describe, expect, it } from 'vitest';
import { expectSandboxStillJudges, judgeAttack, submission, useSandboxProcess } from '../support/attack';

describe('attack: WebAssembly.Memory growth', () => {
  const sandbox = useSandboxProcess();

  // WebAssembly memory is allocated outside the isolate's memory limit (measured: an isolate with
  // a 32 MiB limit grew a WebAssembly.Memory to 3.9 GB), so the sandbox removes WebAssembly.
  it('finds no WebAssembly global', async () => {
    const report = await judgeAttack(sandbox(), submission('const memory = new WebAssembly.Memory({ initial: 1, maximum: 65536 }); memory.grow(60000); return [memory.buffer.byteLength];'));

    expect(report.verdict).toBe('runtime_error');
    expect(report.tests[0].message).toBe('ReferenceError: WebAssembly is not defined');
    await expectSandboxStillJudges(sandbox());
  });

  it('finds no other way to WebAssembly or shared memory', async () => {
    const probe = submission(`
      const names = Object.getOwnPropertyNames(globalThis);
      const found = names.filter((name) => /wasm|webassembly|shared/i.test(name));
      const viaFunction = new Function('return typeof WebAssembly')();
      if (found.length > 0 || viaFunction !== 'undefined' || typeof SharedArrayBuffer !== 'undefined') {
        throw new Error('found: ' + found.join(',') + ' ' + viaFunction);
      }
      return rows.map((row) => row.reduce((total, value) => total + value, 0));
    `);
    const report = await judgeAttack(sandbox(), probe);

    expect(report.tests[0].message).toBeNull();
    expect(report.verdict).toBe('accepted');
  });
});

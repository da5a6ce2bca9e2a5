import { afterEach, describe, expect, it } from 'vitest';
import { SandboxProcess } from '../../../judge/sandbox/sandbox-process';
import type { RunRequest } from '../../../judge/sandbox/protocol';
import { encodeWire } from '../../../judge/sandbox/wire-format';

async function compiled(sandbox: SandboxProcess, body: string): Promise<string> {
  const outcome = await sandbox.compile({ source: `export function run(): unknown {\n${body}\n}`, language: 'typescript', functionName: 'run', maxBytes: 65_536 });
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.code;
}

function request(code: string, limits: Partial<RunRequest['limits']> = {}): RunRequest {
  return { code, functionName: 'run', input: encodeWire([]), limits: { cpuMs: 2_000, wallMs: 3_000, memoryMb: 64, ...limits }, captureConsole: false };
}

describe('sandbox process', () => {
  const sandboxes: SandboxProcess[] = [];
  function create(options?: ConstructorParameters<typeof SandboxProcess>[0]): SandboxProcess {
    const sandbox = new SandboxProcess(options);
    sandboxes.push(sandbox);
    return sandbox;
  }

  afterEach(async () => {
    await Promise.all(sandboxes.splice(0).map((sandbox) => sandbox.close()));
  });

  it('retries a run whose process was killed', async () => {
    const sandbox = create();
    const code = await compiled(sandbox, 'let spin = 0; for (let i = 0; i < 200_000_000; i++) spin += i & 1; return spin;');
    const first = sandbox.pid;
    expect(first).not.toBeNull();

    setTimeout(() => process.kill(first as number, 'SIGKILL'), 100);
    const outcome = await sandbox.run(request(code));

    expect(outcome.kind).toBe('returned');
    expect(sandbox.pid).not.toBe(first);
  });

  it('counts a run that kills two processes as memory_limit_exceeded', async () => {
    const sandbox = create();
    const code = await compiled(sandbox, 'for (;;) {}');
    const victims: number[] = [];
    const killer = setInterval(() => {
      const pid = sandbox.pid;
      if (pid !== null && !victims.includes(pid)) {
        victims.push(pid);
        process.kill(pid, 'SIGKILL');
      }
    }, 50);
    const outcome = await sandbox.run(request(code, { cpuMs: 10_000, wallMs: 10_000 }));
    clearInterval(killer);

    expect(outcome).toEqual({ kind: 'memory_limit', cause: 'process', cpuMs: null, console: [] });
    expect(victims).toHaveLength(2);
  });

  it('replaces a process that stops responding', async () => {
    const sandbox = create();
    const code = await compiled(sandbox, 'return 1;');
    const frozen = sandbox.pid as number;
    process.kill(frozen, 'SIGSTOP');

    const started = Date.now();
    const outcome = await sandbox.run(request(code, { wallMs: 200 }));
    expect(outcome).toEqual({ kind: 'time_limit', cause: 'unresponsive', cpuMs: null, console: [] });
    expect(Date.now() - started).toBeLessThan(10_000);

    const next = await sandbox.run(request(code));
    expect(next.kind).toBe('returned');
    expect(sandbox.pid).not.toBe(frozen);
  });

  it('kills a process whose memory outgrows its allowance', async () => {
    // An allowance of 1 MiB: any real allocation in the isolate exceeds it.
    const sandbox = create({ rssAllowanceMb: () => 1 });
    const code = await compiled(sandbox, 'const keep: Float64Array[] = []; for (let i = 0; i < 40; i++) { keep.push(new Float64Array(1 << 17).fill(i)); } let spin = 0; for (let i = 0; i < 400_000_000; i++) spin += i & 1; return keep.length + spin;');

    const outcome = await sandbox.run(request(code, { cpuMs: 10_000, wallMs: 10_000 }));

    expect(outcome).toEqual({ kind: 'memory_limit', cause: 'process', cpuMs: null, console: [] });
  });

  it('gives the process no secrets from the environment', async () => {
    process.env.HOLDOUT_DATASET_SECRET_PROBE = 'must-not-leak';
    const sandbox = create();
    const code = await compiled(sandbox, 'return 1;');
    const pid = sandbox.pid as number;
    const { readFile } = await import('node:fs/promises');
    const environment = await readFile(`/proc/${pid}/environ`, 'utf8');
    delete process.env.HOLDOUT_DATASET_SECRET_PROBE;

    expect(code.length).toBeGreaterThan(0);
    expect(environment).not.toContain('must-not-leak');
    expect(environment).not.toContain('DATABASE_URL');
  });

  it('bounds compile time with a deadline', async () => {
    const sandbox = create({ compileDeadlineMs: 1_000 });
    const first = await sandbox.compile({ source: 'export function run() { return 1; }', language: 'typescript', functionName: 'run', maxBytes: 100 });
    expect(first.ok).toBe(true);
    process.kill(sandbox.pid as number, 'SIGSTOP');

    const outcome = await sandbox.compile({ source: 'export function run() { return 2; }', language: 'typescript', functionName: 'run', maxBytes: 100 });
    expect(outcome).toEqual({ ok: false, message: 'Compiling took longer than 1 s and was stopped.', line: null, column: null });
  });
});

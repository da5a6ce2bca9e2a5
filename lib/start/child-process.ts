import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ManagedChild {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Writes each line of a stream to stdout with a `[name]` prefix. */
function forwardLines(stream: NodeJS.ReadableStream | null, prefix: string, write: (line: string) => void): void {
  if (!stream) return;
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => write(`${prefix} ${line}`));
}

/** Starts a child process whose output is forwarded line by line with a `[name]` prefix. */
export function startChild(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ManagedChild {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}]`;
  forwardLines(child.stdout, prefix, (line) => process.stdout.write(`${line}\n`));
  forwardLines(child.stderr, prefix, (line) => process.stderr.write(`${line}\n`));
  const exited = new Promise<number | string>((resolve) => {
    child.on('error', (error) => {
      process.stderr.write(`${prefix} failed to start: ${error.message}\n`);
      resolve(-1);
    });
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return { name, process: child, exited };
}

/** Sends SIGTERM, then SIGKILL after `graceMs` if the process is still running. */
export async function stopChild(child: ManagedChild, graceMs = 10_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}

/** Runs a command to completion with prefixed output; rejects on a non-zero exit. */
export async function runToCompletion(name: string, command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  const child = startChild(name, command, args, options);
  const code = await child.exited;
  if (code !== 0) throw new Error(`${name} failed (exit ${code}); its output is above.`);
}

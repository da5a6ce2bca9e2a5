// Entry point of the sandbox process: the only process that creates isolates. The judge forks it
// (judge/sandbox/sandbox-process.ts) with `--no-node-snapshot` and an environment without secrets,
// sends one request at a time over IPC, and kills and replaces it when it dies or stops responding.
import { compileSource } from './compile-source';
import type { ChildMessage, ParentMessage } from './protocol';
import { runInIsolate } from './run-in-isolate';
import { trainInIsolate } from './train-in-isolate';

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function handle(message: ParentMessage): Promise<void> {
  if (message.type === 'compile') {
    let outcome;
    try {
      outcome = compileSource(message.request);
    } catch (error) {
      // esbuild failed for a reason other than the source: the judge's fault, not the candidate's.
      process.stderr.write(`sandbox: compile step failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(70);
    }
    send({ id: message.id, type: 'compiled', outcome });
    return;
  }
  if (message.type === 'train') {
    send({ id: message.id, type: 'trained', outcome: await trainInIsolate(message.request) });
    return;
  }
  const outcome = await runInIsolate(message.request);
  send({ id: message.id, type: 'ran', outcome });
}

if (!process.send) {
  process.stderr.write('sandbox: this entry point runs only as a child process of the judge (it needs an IPC channel)\n');
  process.exit(2);
}

let queue = Promise.resolve();
process.on('message', (message: ParentMessage) => {
  queue = queue.then(() => handle(message));
});
// The parent owns this process: when the IPC channel closes, the parent is gone.
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });

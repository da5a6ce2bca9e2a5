#!/usr/bin/env node
// The `holdout` command. It is plain JavaScript so that it can check the Node.js version on any
// Node. Then it runs the TypeScript CLI (judge/cli/main.ts) with the flags that isolated-vm needs.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Exits with an explanation on Node.js older than 24.
await import('../scripts/check-node.mjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const child = spawn(
  process.execPath,
  ['--no-node-snapshot', '--import', import.meta.resolve('tsx'), path.join(root, 'judge', 'cli', 'main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit' },
);

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});

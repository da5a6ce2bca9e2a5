// `npm start`: checks the Node.js version, then runs the TypeScript start script through tsx.
// Plain JavaScript, so that an old Node.js gets the version message instead of a syntax error.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

await import('./check-node.mjs');

const root = path.resolve(import.meta.dirname, '..');
// Settings may come from a .env file (see .env.example); variables already set take precedence.
const envFile = path.join(root, '.env');
const nodeOptions = existsSync(envFile) ? [`--env-file=${envFile}`] : [];
const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', path.join(root, 'scripts', 'start-holdout.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});

// Ctrl+C reaches the whole process group, and the TypeScript script does the shutdown. This
// wrapper passes on the signals it receives and waits for the script to finish.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});

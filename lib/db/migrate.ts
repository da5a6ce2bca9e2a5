import { spawn } from 'node:child_process';
import path from 'node:path';

const SUCCESS_LINES = [/All migrations have been successfully applied/, /No pending migrations to apply/];
// Prisma 6.19's WASM schema engine keeps the CLI alive for about 10 s after it has finished.
// Once the CLI has printed its success line, the migrations are committed, so waiting is pointless.
const LINGER_GRACE_MS = 500;

/**
 * Applies pending migrations from prisma/migrations with `prisma migrate deploy`.
 * Resolves with the CLI's output; rejects with it when the CLI reports a failure.
 */
export function migrateDeploy(databaseUrl: string, root = process.cwd()): Promise<string> {
  const cli = path.join(root, 'node_modules', 'prisma', 'build', 'index.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'migrate', 'deploy'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let succeeded = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!succeeded && SUCCESS_LINES.some((line) => line.test(output))) {
        succeeded = true;
        setTimeout(() => child.kill('SIGTERM'), LINGER_GRACE_MS).unref();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (succeeded || code === 0) resolve(output);
      else reject(new Error(`prisma migrate deploy failed (exit code ${code}):\n${output}`));
    });
  });
}

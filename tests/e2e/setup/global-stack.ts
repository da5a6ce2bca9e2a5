import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../../../lib/db/client';
import { freePort } from '../../../lib/db/embedded-postgres';
import { ensureJudgeQueue } from '../../../lib/judge-queue/ensure-judge-queue';
import { buildIsStale, writeBuildStamp } from '../../../lib/start/build-fingerprint';
import { runToCompletion, startChild, stopChild, type ManagedChild } from '../../../lib/start/child-process';
import { waitForHttp } from '../../../lib/start/wait-for-http';
import { seedDatabase } from '../../../prisma/seed';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the site under test, e.g. http://127.0.0.1:41234. */
    e2eBaseUrl: string;
    /** Password of the seeded demo accounts. */
    e2eDemoPassword: string;
    /** Connection string of the database behind the site under test. */
    e2eDatabaseUrl: string;
    /** Whether a judge worker runs, so submit-code scenarios can run. */
    e2eJudgeRunning: boolean;
  }
}

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const DEMO_PASSWORD = 'e2e-demo-password';

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Boots the real stack once for all browser tests: a fresh seeded database cloned from the test
 * cluster's template, a production build (rebuilt only when the sources changed), `next start`
 * on a free 127.0.0.1 port and one judge worker.
 */
export default async function setup(project: TestProject) {
  const { pgAdminUrl, pgTemplateDatabase } = project.getProvidedContext();
  const name = `e2e_${randomBytes(4).toString('hex')}`;
  await adminQuery(pgAdminUrl, `CREATE DATABASE ${name} TEMPLATE ${pgTemplateDatabase}`);
  const databaseUrl = pgAdminUrl.replace(/\/postgres$/, `/${name}`);

  const prisma = createDatabase(databaseUrl, { max: 2 });
  await seedDatabase(prisma, { demoPassword: DEMO_PASSWORD });
  await prisma.$disconnect();
  await ensureJudgeQueue(databaseUrl);

  const { stale, fingerprint } = await buildIsStale(ROOT);
  if (stale) {
    await runToCompletion('build', process.execPath, [NEXT_BIN, 'build'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' } });
    await writeBuildStamp(ROOT, fingerprint);
  }

  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    NEXTAUTH_URL: origin,
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    HOLDOUT_JUDGE_WORKERS: '1',
    // Fewer speed-grade repetitions keep the scenario quick; the ratio is still measured.
    HOLDOUT_JUDGE_SPEED_REPETITIONS: '2',
  };

  const children: ManagedChild[] = [];
  children.push(startChild('e2e-web', process.execPath, [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', String(port)], { cwd: ROOT, env }));
  const judgeEntry = path.join(ROOT, 'judge', 'main.ts');
  const judgeRunning = existsSync(judgeEntry);
  if (judgeRunning) {
    children.push(startChild('e2e-judge', process.execPath, ['--no-node-snapshot', '--import', 'tsx', judgeEntry], { cwd: ROOT, env }));
  }

  const teardown = async () => {
    await Promise.all(children.map((child) => stopChild(child, 5_000)));
    await adminQuery(pgAdminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  };

  try {
    await waitForHttp(`${origin}/api/health`, 90_000, () => children[0].process.exitCode === null);
  } catch (error) {
    await teardown();
    throw error;
  }

  project.provide('e2eBaseUrl', origin);
  project.provide('e2eDemoPassword', DEMO_PASSWORD);
  project.provide('e2eDatabaseUrl', databaseUrl);
  project.provide('e2eJudgeRunning', judgeRunning);
  return teardown;
}

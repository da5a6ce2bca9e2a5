/**
 * Holdout's start script, run through scripts/start.mjs by `npm start` (serve), `npm run db:migrate`,
 * `npm run seed` and `npm run build`.
 *
 *   serve    (default) database, migrations, judge queue, seed, build if stale, then the web
 *            server and the judge until Ctrl+C
 *   migrate  database and migrations only
 *   seed     database, migrations, judge queue and seed only
 *   build    the site's production build, always, recording which sources it was built from
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { assertProductionSafe, DEMO_PASSWORD_DEFAULT, demoPassword, EnvError, parseEnv, type Env } from '../lib/config/env';
import { createDatabase, type Database } from '../lib/db/client';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../lib/db/embedded-postgres';
import { migrateDeploy } from '../lib/db/migrate';
import { ensureJudgeQueue } from '../lib/judge-queue/ensure-judge-queue';
import { pruneRateLimits } from '../lib/rate-limit/consume-rate-limit';
import { buildIsStale, writeBuildStamp } from '../lib/start/build-fingerprint';
import { runToCompletion, startChild, stopChild, type ManagedChild } from '../lib/start/child-process';
import { developmentSecret } from '../lib/start/development-secret';
import { waitForHttp } from '../lib/start/wait-for-http';
import { demoAccountsWithPassword, seedDatabase, type SeedCounts } from '../prisma/seed';

type Mode = 'serve' | 'migrate' | 'seed' | 'build';

const ROOT = path.resolve(import.meta.dirname, '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const READY_TIMEOUT_MS = 120_000;
const startedAt = Date.now();

function say(line: string): void {
  process.stdout.write(`[holdout] ${line}\n`);
}

function elapsed(): string {
  return `${((Date.now() - startedAt) / 1000).toFixed(1)} s`;
}

function describeCounts(counts: SeedCounts): string {
  return `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`;
}

/** Everything the script started, stopped in reverse order on exit. */
const running: { children: ManagedChild[]; database?: EmbeddedDatabase; prisma?: Database } = { children: [] };
let stopping: Promise<void> | undefined;

function shutdown(reason: string, exitCode: number): Promise<void> {
  stopping ??= (async () => {
    say(`stopping (${reason})`);
    await Promise.all(running.children.map((child) => stopChild(child)));
    await running.prisma?.$disconnect().catch(() => {});
    if (running.database) {
      await running.database.stop().catch((error: unknown) => say(`embedded PostgreSQL did not stop cleanly: ${String(error)}`));
      say('embedded PostgreSQL stopped');
    }
    // An explicit exit: embedded-postgres's exit hook would otherwise end the process with 0 on
    // 'beforeExit', whatever went wrong.
    process.exit(exitCode);
  })();
  return stopping;
}

function readEnvironment(): Env {
  try {
    const env = parseEnv();
    assertProductionSafe(env);
    return env;
  } catch (error) {
    if (error instanceof EnvError) {
      process.stderr.write(`[holdout] ${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function openDatabase(env: Env, dataDir: string): Promise<string> {
  if (env.DATABASE_URL) {
    say('using the PostgreSQL server at DATABASE_URL');
    return env.DATABASE_URL;
  }
  const folder = path.join(dataDir, 'postgres');
  say(`starting embedded PostgreSQL 17 (data in ${folder})`);
  running.database = await startEmbeddedPostgres({ dataDir: folder, port: env.HOLDOUT_PG_PORT });
  say(`embedded PostgreSQL listening on 127.0.0.1:${running.database.port}`);
  return running.database.url;
}

async function seed(env: Env, prisma: Database): Promise<void> {
  say('seeding the question bank');
  const report = await seedDatabase(prisma, { demoPassword: demoPassword(env), log: (line) => say(line) });
  say(`questions: ${describeCounts(report.questions)}`);
  say(`tasks: ${describeCounts(report.tasks)}; task versions: ${describeCounts(report.taskVersions)}`);
  if (report.demoAccountsCreated) say('demo accounts created (fresh database)');
}

/** In production, refuses to serve while a demo account still accepts the development password. */
async function assertNoDefaultDemoPassword(env: Env, prisma: Database): Promise<void> {
  if (env.NODE_ENV !== 'production') return;
  const exposed = await demoAccountsWithPassword(prisma, DEMO_PASSWORD_DEFAULT);
  if (exposed.length > 0) {
    throw new Error(
      `Refusing to start in production: ${exposed.map((account) => account.email).join(', ')} still ` +
        'accept the development demo password. Change their passwords or delete them first.',
    );
  }
}

async function buildIfStale(force = false): Promise<void> {
  const { stale, reason, fingerprint } = await buildIsStale(ROOT);
  if (!stale && !force) {
    say(`using the existing build (${reason})`);
    return;
  }
  say(`building the site: ${force ? 'requested' : reason} (this takes a minute or two)`);
  await runToCompletion('build', process.execPath, [NEXT_BIN, 'build'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
  });
  await writeBuildStamp(ROOT, fingerprint);
  say(`build finished at ${elapsed()}`);
}

function watchChild(child: ManagedChild): void {
  running.children.push(child);
  void child.exited.then((code) => {
    if (stopping) return;
    process.stderr.write(`[holdout] ${child.name} exited unexpectedly (${code}); stopping everything.\n`);
    void shutdown(`${child.name} exited`, 1);
  });
}

async function serve(env: Env, databaseUrl: string, secret: string, prisma: Database): Promise<void> {
  const origin = `http://${env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST}:${env.PORT}`;
  const childEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? origin,
    NEXT_TELEMETRY_DISABLED: '1',
  };

  const web = startChild('web', process.execPath, [NEXT_BIN, 'start', '--hostname', env.HOST, '--port', String(env.PORT)], {
    cwd: ROOT,
    env: childEnv,
  });
  watchChild(web);

  if (env.HOLDOUT_JUDGE_WORKERS > 0) {
    const judge = startChild('judge', process.execPath, ['--no-node-snapshot', '--import', 'tsx', path.join(ROOT, 'judge', 'main.ts')], {
      cwd: ROOT,
      env: { ...childEnv, HOLDOUT_JUDGE_WORKERS: String(env.HOLDOUT_JUDGE_WORKERS) },
    });
    watchChild(judge);
  } else {
    say('HOLDOUT_JUDGE_WORKERS=0: no judge started here; run `npm run judge` on a worker machine');
  }

  await waitForHttp(`${origin}/api/health`, READY_TIMEOUT_MS, () => web.process.exitCode === null);
  // A child that died while the site was starting has already begun the shutdown.
  if (stopping) return;
  const password = demoPassword(env);
  const demo = password ? await demoAccountsWithPassword(prisma, password) : [];

  say(`ready in ${elapsed()}: ${origin}`);
  if (demo.length > 0) {
    const password = env.HOLDOUT_DEMO_PASSWORD ? '(HOLDOUT_DEMO_PASSWORD)' : DEMO_PASSWORD_DEFAULT;
    say('demo accounts:');
    for (const account of demo) say(`  ${account.role.padEnd(11)} ${account.email}  password: ${password}`);
  }
  say('press Ctrl+C to stop');
}

async function main(): Promise<void> {
  const mode = (process.argv[2] ?? 'serve') as Mode;
  if (!['serve', 'migrate', 'seed', 'build'].includes(mode)) {
    process.stderr.write(`Usage: start-holdout.ts [serve|migrate|seed|build] (got "${mode}")\n`);
    process.exit(2);
  }
  if (mode === 'build') return buildIfStale(true);

  const env = readEnvironment();
  const dataDir = path.resolve(ROOT, env.HOLDOUT_DATA_DIR);
  await mkdir(dataDir, { recursive: true });

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    // embedded-postgres registers handlers (through async-exit-hook) that stop the database and
    // exit at once, under the web server and the judge. This script stops those first instead.
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal, 0));
  }

  const databaseUrl = await openDatabase(env, dataDir);
  say('applying migrations');
  await migrateDeploy(databaseUrl, ROOT);
  if (mode === 'migrate') return shutdown('migrations applied', 0);

  await ensureJudgeQueue(databaseUrl);
  say('judge queue ready');
  running.prisma = createDatabase(databaseUrl, { max: 2 });
  await seed(env, running.prisma);
  await pruneRateLimits(running.prisma, new Date(Date.now() - 24 * 60 * 60 * 1000));
  if (mode === 'seed') return shutdown('seed finished', 0);

  await assertNoDefaultDemoPassword(env, running.prisma);
  // Production refuses to start without NEXTAUTH_SECRET (assertProductionSafe), so only
  // development falls back to the secret kept in the data folder.
  const secret = env.NEXTAUTH_SECRET ?? (await developmentSecret(dataDir));
  await buildIfStale();
  await serve(env, databaseUrl, secret, running.prisma);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`[holdout] start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof Error && error.cause) process.stderr.write(`[holdout] cause: ${String(error.cause)}\n`);
  await shutdown('start failed', 1);
});

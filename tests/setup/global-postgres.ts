import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { migrateDeploy } from '../../lib/db/migrate';

export const TEMPLATE_DATABASE = 'holdout_template';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Connection string of the test cluster's maintenance database. */
    pgAdminUrl: string;
    /** Name of the migrated database that each test file clones. */
    pgTemplateDatabase: string;
  }
}

/**
 * Starts one real PostgreSQL 17 for the whole run in a temporary folder, migrates a template
 * database once, and removes everything at the end. Test files clone the template.
 */
export default async function setup(project: TestProject) {
  const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'holdout-test-pg-'));
  // mkdtemp creates the folder as 0700. When the run is root, the server runs as the postgres
  // user, which must be able to enter it.
  await chmod(dataRoot, 0o755);
  const database = await startEmbeddedPostgres({ dataDir: path.join(dataRoot, 'cluster'), database: 'postgres' });
  const templateUrl = database.url.replace(/\/postgres$/, `/${TEMPLATE_DATABASE}`);

  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  await migrateDeploy(templateUrl);

  project.provide('pgAdminUrl', database.url);
  project.provide('pgTemplateDatabase', TEMPLATE_DATABASE);

  return async () => {
    await database.stop();
    await rm(dataRoot, { recursive: true, force: true });
  };
}

import type { Database } from '../../lib/db/client';
import { seedBank, type BankSeedReport, type SeedLog } from './seed-bank';
import { seedDemoUsers } from './seed-demo-users';

export { DEMO_ACCOUNTS, demoAccountsWithPassword } from './seed-demo-users';
export type { BankSeedReport, SeedCounts } from './seed-bank';

export interface SeedOptions {
  /** Password of the demo accounts; undefined seeds none. */
  demoPassword?: string;
  log?: SeedLog;
}

export interface SeedReport extends BankSeedReport {
  demoAccountsCreated: boolean;
}

/** Seeds the question bank and, on a database without users, the demo accounts. Idempotent. */
export async function seedDatabase(database: Database, options: SeedOptions = {}): Promise<SeedReport> {
  const log = options.log ?? (() => {});
  const bank = await seedBank(database, log);
  const demoAccountsCreated = options.demoPassword ? await seedDemoUsers(database, options.demoPassword) : false;
  return { ...bank, demoAccountsCreated };
}

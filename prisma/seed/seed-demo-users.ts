import type { Database } from '../../lib/db/client';
import { hashPassword, verifyPassword } from '../../lib/auth/password';
import type { Role } from '../../lib/generated/prisma/enums';

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
}

/** One account per role. `.test` is a reserved top-level domain, so no real mailbox is named. */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'candidate@holdout.test', name: 'Demo Candidate', role: 'candidate' },
  { email: 'interviewer@holdout.test', name: 'Demo Interviewer', role: 'interviewer' },
  { email: 'admin@holdout.test', name: 'Demo Admin', role: 'admin' },
];

/**
 * Creates the demo accounts with `password`, only when the database has no users at all: a
 * database that already has users never gets accounts with a known password added to it.
 * Returns whether it created them.
 */
export async function seedDemoUsers(database: Database, password: string): Promise<boolean> {
  if ((await database.user.count()) > 0) return false;
  const passwordHash = await hashPassword(password);
  await database.user.createMany({
    data: DEMO_ACCOUNTS.map((account) => ({ ...account, passwordHash })),
    skipDuplicates: true,
  });
  return true;
}

/** Lists the demo accounts that still exist and still accept `password`. */
export async function demoAccountsWithPassword(database: Database, password: string): Promise<DemoAccount[]> {
  const users = await database.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((account) => account.email) } },
    select: { email: true, name: true, role: true, passwordHash: true },
  });
  const matching: DemoAccount[] = [];
  for (const account of DEMO_ACCOUNTS) {
    const user = users.find((candidate) => candidate.email === account.email);
    if (user?.passwordHash && (await verifyPassword(user.passwordHash, password))) {
      matching.push({ email: user.email, name: user.name, role: user.role });
    }
  }
  return matching;
}

import type { Database } from '../db/client';
import { normalizeEmail } from './account-input';

export interface GithubIdentity {
  githubId: string;
  email: string | null;
  name: string | null;
  login: string | null;
}

/**
 * Finds the account linked to a GitHub identity, creating a candidate account on first sign-in.
 * Returns null when GitHub gives no email address or when the address already belongs to another
 * account: GitHub may report an unverified address, so linking by address would let anyone claim
 * an account by adding its address to a GitHub profile.
 */
export async function findOrCreateGithubUser(database: Database, identity: GithubIdentity): Promise<{ id: string } | null> {
  const linked = await database.user.findUnique({ where: { githubId: identity.githubId }, select: { id: true } });
  if (linked) return linked;
  if (!identity.email) return null;

  const email = normalizeEmail(identity.email);
  const registered = await database.user.findUnique({ where: { email }, select: { id: true } });
  if (registered) return null;

  return database.user.create({
    data: { email, githubId: identity.githubId, name: identity.name || identity.login || email, role: 'candidate' },
    select: { id: true },
  });
}

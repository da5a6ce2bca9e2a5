import { cache } from 'react';
import { db } from '../db/client';
import { env } from '../config/env';
import { AppError } from '../errors/app-error';
import type { Role } from '../generated/prisma/enums';
import { loadSessionUser, parseCookieHeader, readSessionUserId, type SessionUser } from './session-user';

async function cookiesOfCurrentRequest(): Promise<Record<string, string>> {
  // Loaded lazily so that code which always passes a Request (route handlers, tests) works
  // outside Next's request scope.
  const { cookies } = await import('next/headers');
  const store = await cookies();
  return Object.fromEntries(store.getAll().map((cookie) => [cookie.name, cookie.value]));
}

// Pages, layouts and server actions share one lookup per request through React's cache().
const currentUserOfRender = cache(async (): Promise<SessionUser | null> => {
  const userId = await readSessionUserId(await cookiesOfCurrentRequest(), env().NEXTAUTH_SECRET);
  return userId ? loadSessionUser(db(), userId) : null;
});

/**
 * Returns the signed-in user, re-read from the database, or null. Route handlers pass their
 * Request; pages, layouts and server actions call it without arguments.
 */
export async function currentUser(request?: Request): Promise<SessionUser | null> {
  if (!request) return currentUserOfRender();
  const userId = await readSessionUserId(parseCookieHeader(request.headers.get('cookie')), env().NEXTAUTH_SECRET);
  return userId ? loadSessionUser(db(), userId) : null;
}

/** Returns the signed-in user or throws AppError('unauthenticated'). */
export async function requireUser(request?: Request): Promise<SessionUser> {
  const user = await currentUser(request);
  if (!user) throw new AppError('unauthenticated', { internal: 'no valid session' });
  return user;
}

/**
 * Returns the signed-in user when their current role is one of `roles`; throws
 * AppError('forbidden') otherwise. The role comes from the database on every call, so a demotion
 * takes effect on the user's next request.
 */
export async function requireRole(roles: readonly Role[], request?: Request): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    throw new AppError('forbidden', { internal: `role ${user.role} is not one of ${roles.join(', ')} (user ${user.id})` });
  }
  return user;
}

/** Interviewers and admins may read every candidate's work. */
export const REVIEWER_ROLES: readonly Role[] = ['interviewer', 'admin'];

export function isReviewer(user: SessionUser | null): boolean {
  return user !== null && REVIEWER_ROLES.includes(user.role);
}

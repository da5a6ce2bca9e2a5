import { notFound, redirect } from 'next/navigation';
import { isAppError } from '../errors/app-error';
import type { Role } from '../generated/prisma/enums';
import { requireRole, requireUser } from './require-user';
import type { SessionUser } from './session-user';

/** Sign-in page address that returns to `returnTo` afterwards. */
export function signInPath(returnTo: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`;
}

/**
 * Translates the guard errors of requireUser/requireRole into page navigation. A visitor who is
 * not signed in goes to the sign-in page. A user without the role gets the 404 page, so that
 * role-only pages do not reveal that they exist.
 */
async function guardPage(check: () => Promise<SessionUser>, returnTo: string): Promise<SessionUser> {
  try {
    return await check();
  } catch (error) {
    if (isAppError(error) && error.code === 'unauthenticated') redirect(signInPath(returnTo));
    if (isAppError(error) && error.code === 'forbidden') notFound();
    throw error;
  }
}

export function requirePageUser(returnTo: string): Promise<SessionUser> {
  return guardPage(() => requireUser(), returnTo);
}

export function requirePageRole(roles: readonly Role[], returnTo: string): Promise<SessionUser> {
  return guardPage(() => requireRole(roles), returnTo);
}

/**
 * Returns whether the viewer is signed in with one of `roles`. Role-only pages name themselves in
 * their title only then, so the 404 page that others get carries no trace of them.
 */
export async function viewerHasRole(roles: readonly Role[]): Promise<boolean> {
  try {
    await requireRole(roles);
    return true;
  } catch (error) {
    if (isAppError(error) && (error.code === 'unauthenticated' || error.code === 'forbidden')) return false;
    throw error;
  }
}

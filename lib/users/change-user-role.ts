import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Role } from '../generated/prisma/enums';

const ROLES: readonly Role[] = ['candidate', 'interviewer', 'admin'];

/**
 * Sets another user's role. Only admins may; an admin cannot change their own role, so the
 * last admin cannot lock everyone out. The change applies to the user's next request.
 */
export async function changeUserRole(database: Database, actor: SessionUser, input: { userId: unknown; role: unknown }): Promise<void> {
  if (actor.role !== 'admin') throw new AppError('forbidden', { internal: `role change by ${actor.role} ${actor.id}` });
  const role = ROLES.find((candidate) => candidate === input.role);
  if (!role || typeof input.userId !== 'string') throw new AppError('invalid_input', { internal: `role change to ${String(input.role)}` });
  if (input.userId === actor.id) throw new AppError('forbidden', { internal: 'admin tried to change their own role' });

  const updated = await database.user.updateMany({ where: { id: input.userId }, data: { role } });
  if (updated.count === 0) throw new AppError('not_found', { internal: `user ${input.userId}` });
}

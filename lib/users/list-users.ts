import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import type { Role } from '../generated/prisma/enums';

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  submissions: number;
  answers: number;
}

/** Lists every account with its activity counts, for admins only (AppError('forbidden') otherwise). */
export async function listUsers(database: Database, actor: SessionUser): Promise<UserSummary[]> {
  if (actor.role !== 'admin') throw new AppError('forbidden', { internal: `user list for ${actor.role} ${actor.id}` });
  const users = await database.user.findMany({
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      createdAt: true,
      _count: { select: { submissions: true, conceptAnswers: true } },
    },
  });
  return users.map(({ _count, ...user }) => ({ ...user, submissions: _count.submissions, answers: _count.conceptAnswers }));
}

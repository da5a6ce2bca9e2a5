import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import type { Language, SubmissionStatus, TaskPart, Verdict } from '../generated/prisma/enums';

export interface TaskSubmissionItem {
  id: string;
  createdAt: string;
  status: SubmissionStatus;
  verdict: Verdict | null;
  score: number | null;
  speedRatio: number | null;
  language: Language;
  part: TaskPart;
  version: number;
}

/** Maximum number of submissions the task page lists; older ones stay on the "My submissions" page. */
export const TASK_HISTORY_SIZE = 50;

/**
 * Lists the user's own submissions to one task (every part and version), newest first. Only the
 * user's own rows are read, whatever their role: the task page is their workspace.
 */
export async function listTaskSubmissions(database: Database, user: SessionUser, taskSlug: string): Promise<TaskSubmissionItem[]> {
  const rows = await database.submission.findMany({
    where: { userId: user.id, taskVersion: { task: { slug: taskSlug } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: TASK_HISTORY_SIZE,
    select: {
      id: true,
      createdAt: true,
      status: true,
      verdict: true,
      score: true,
      speedRatio: true,
      language: true,
      taskVersion: { select: { part: true, version: true } },
    },
  });
  return rows.map(({ taskVersion, createdAt, ...row }) => ({ ...row, createdAt: createdAt.toISOString(), part: taskVersion.part, version: taskVersion.version }));
}

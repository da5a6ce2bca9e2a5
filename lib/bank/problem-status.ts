import type { Database } from '../db/client';
import type { ProblemStatus } from './topics';

/** Number of key points in a stored rubric (a JSON array). */
export function rubricLength(rubric: unknown): number {
  return Array.isArray(rubric) ? rubric.length : 0;
}

/**
 * Status of each concept question for one user, by question id. A question is solved once one of
 * the user's answers is self-checked as covering every key point of its rubric, and attempted
 * once the user has answered it at all.
 */
export async function questionStatuses(database: Database, userId: string): Promise<Map<string, ProblemStatus>> {
  const answers = await database.conceptAnswer.findMany({
    where: { userId },
    select: { questionId: true, coveredKeyPoints: true, question: { select: { rubric: true } } },
  });
  const statuses = new Map<string, ProblemStatus>();
  for (const answer of answers) {
    const keyPoints = rubricLength(answer.question.rubric);
    const complete = keyPoints > 0 && new Set(answer.coveredKeyPoints).size >= keyPoints;
    if (complete) statuses.set(answer.questionId, 'solved');
    else if (!statuses.has(answer.questionId)) statuses.set(answer.questionId, 'attempted');
  }
  return statuses;
}

/**
 * Status of each coding task for one user, by task id. A task is solved once every part the
 * judge grades has an accepted submission, and attempted once the user has submitted anything.
 */
export async function taskStatuses(database: Database, userId: string): Promise<Map<string, ProblemStatus>> {
  const groups = await database.submission.groupBy({ by: ['taskVersionId', 'verdict'], where: { userId } });
  if (groups.length === 0) return new Map();

  const versions = await database.taskVersion.findMany({
    where: { task: { versions: { some: { id: { in: groups.map((group) => group.taskVersionId) } } } } },
    select: { id: true, taskId: true, part: true, judgeStatus: true },
  });
  const versionById = new Map(versions.map((version) => [version.id, version]));

  const acceptedParts = new Map<string, Set<string>>();
  const attemptedTasks = new Set<string>();
  for (const group of groups) {
    const version = versionById.get(group.taskVersionId);
    if (!version) continue;
    attemptedTasks.add(version.taskId);
    if (group.verdict === 'accepted') {
      const parts = acceptedParts.get(version.taskId) ?? new Set<string>();
      parts.add(version.part);
      acceptedParts.set(version.taskId, parts);
    }
  }

  const statuses = new Map<string, ProblemStatus>();
  for (const taskId of attemptedTasks) {
    const gradedParts = new Set(versions.filter((v) => v.taskId === taskId && v.judgeStatus === 'ready').map((v) => v.part));
    const accepted = acceptedParts.get(taskId) ?? new Set<string>();
    const solved = gradedParts.size > 0 && [...gradedParts].every((part) => accepted.has(part));
    statuses.set(taskId, solved ? 'solved' : 'attempted');
  }
  return statuses;
}

import type { SessionUser } from '../auth/session-user';
import type { Database } from '../db/client';
import { AppError } from '../errors/app-error';
import { rubricLength } from '../bank/problem-status';

/**
 * Records which rubric key points the author ticked as covered by their answer, and when. The first
 * self-check reveals the question's reference answer. Only the answer's author may do this; anyone
 * else gets AppError('not_found'), as if the answer did not exist.
 */
export async function saveSelfCheck(database: Database, user: SessionUser, input: { answerId: string; covered: unknown }): Promise<void> {
  const answer = await database.conceptAnswer.findFirst({
    where: { id: input.answerId, userId: user.id },
    select: { id: true, question: { select: { rubric: true } } },
  });
  if (!answer) throw new AppError('not_found', { internal: `answer ${input.answerId} of user ${user.id}` });

  const keyPoints = rubricLength(answer.question.rubric);
  const covered = Array.isArray(input.covered) ? input.covered : [];
  const valid = covered.every((index) => Number.isInteger(index) && index >= 0 && index < keyPoints);
  if (!valid) throw new AppError('invalid_input', { internal: `key point indexes ${JSON.stringify(covered)} outside 0..${keyPoints - 1}` });

  await database.conceptAnswer.update({
    where: { id: answer.id },
    data: { coveredKeyPoints: [...new Set(covered as number[])].sort((a, b) => a - b), selfCheckedAt: new Date() },
  });
}

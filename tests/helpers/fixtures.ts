import type { Database } from '../../lib/db/client';
import type { Role } from '../../lib/generated/prisma/enums';
import type { SessionUser } from '../../lib/auth/session-user';
import { hashPassword } from '../../lib/auth/password';

let counter = 0;

/** Creates a user directly in the database and returns it as a session would see it. */
export async function createUser(database: Database, options: { role?: Role; password?: string; email?: string } = {}): Promise<SessionUser> {
  counter++;
  const email = options.email ?? `user${counter}-${Date.now()}@example.com`;
  const user = await database.user.create({
    data: {
      email,
      name: `User ${counter}`,
      role: options.role ?? 'candidate',
      passwordHash: options.password ? await hashPassword(options.password) : null,
    },
  });
  return { id: user.id, email: user.email, name: user.name, role: user.role, locale: 'zh-CN' };
}

/** Inserts a question with a three-point rubric. */
export async function createQuestion(database: Database, overrides: { slug?: string; topic?: string; position?: number } = {}) {
  counter++;
  return database.question.create({
    data: {
      slug: overrides.slug ?? `question-${counter}`,
      topic: overrides.topic ?? 'clustering',
      difficulty: 'easy',
      tags: ['kmeans'],
      position: overrides.position ?? counter,
      titleZh: 'K-means 原理',
      titleEn: 'K-means principles',
      promptZh: '请简要介绍K-means聚类算法的基本原理和优缺点。',
      promptEn: 'Briefly describe how K-means works.',
      referenceAnswerZh: '参考答案',
      referenceAnswerEn: 'Reference answer',
      rubric: [
        { zh: '要点一', en: 'Point one' },
        { zh: '要点二', en: 'Point two' },
        { zh: '要点三', en: 'Point three' },
      ],
    },
  });
}

/** Inserts a task with one version of part `main`. */
export async function createTask(
  database: Database,
  overrides: { slug?: string; judgeStatus?: 'ready' | 'coming_soon'; sourceBytes?: number; topic?: string; position?: number } = {},
) {
  counter++;
  const slug = overrides.slug ?? `task-${counter}`;
  const task = await database.task.create({
    data: {
      slug,
      topic: overrides.topic ?? 'clustering',
      kind: 'classical',
      difficulty: 'medium',
      tags: ['kmeans'],
      position: overrides.position ?? counter,
      titleZh: '实现 K-means',
      titleEn: 'Implement K-means',
    },
  });
  const version = await database.taskVersion.create({
    data: {
      taskId: task.id,
      part: 'main',
      version: 1,
      judgeSlug: slug,
      judgeStatus: overrides.judgeStatus ?? 'ready',
      functionName: 'kmeans',
      statementZh: '题面',
      statementEn: 'Statement',
      starterCode: 'export function kmeans() {}',
      limits: { cpuMsPerTest: 1000, wallMsPerTest: 3000, memoryMb: 128, sourceBytes: overrides.sourceBytes ?? 1000 },
      samples: [{ name: 'sample-1', args: [[[0, 0]], 1, 1], expected: { centroids: [[0, 0]], labels: [0] } }],
    },
  });
  return { task, version };
}

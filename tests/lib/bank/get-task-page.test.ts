import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../lib/auth/session-user';
import { getTaskPage } from '../../../lib/bank/get-task-page';
import { AppError } from '../../../lib/errors/app-error';
import { createTestDatabase, type TestDatabase } from '../../helpers/database';
import { createUser } from '../../helpers/fixtures';

function versionData(taskId: string, part: 'scratch' | 'train', version: number, judgeStatus: 'ready' | 'coming_soon') {
  return {
    taskId,
    part,
    version,
    judgeSlug: `attention-${part}`,
    judgeStatus,
    functionName: part === 'scratch' ? 'selfAttention' : 'train',
    statementZh: `${part} v${version} 题面`,
    statementEn: `${part} v${version} statement`,
    starterCode: `// ${part} v${version} starter`,
    limits: { cpuMsPerTest: 2000, wallMsPerTest: 5000, memoryMb: 128, sourceBytes: 65536 },
    samples: [],
  };
}

describe('getTaskPage', () => {
  let database: TestDatabase;
  let user: SessionUser;
  let scratchV2: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    user = await createUser(database.prisma);
    const task = await database.prisma.task.create({
      data: { slug: 'attention', topic: 'attention', kind: 'neural', difficulty: 'medium', tags: [], position: 9, titleZh: '自注意力', titleEn: 'Self-attention' },
    });
    // Created out of order, to check that the page orders parts itself.
    await database.prisma.taskVersion.create({ data: versionData(task.id, 'train', 1, 'coming_soon') });
    await database.prisma.taskVersion.create({ data: versionData(task.id, 'scratch', 1, 'ready') });
    scratchV2 = (await database.prisma.taskVersion.create({ data: versionData(task.id, 'scratch', 2, 'ready') })).id;
  });
  afterAll(async () => {
    await database.drop();
  });

  it('shows the newest version of each part in order', async () => {
    const page = await getTaskPage(database.prisma, null, 'attention', 'en');
    expect(page.parts.map((part) => [part.part, part.version, part.judgeStatus])).toEqual([
      ['scratch', 2, 'ready'],
      ['train', 1, 'coming_soon'],
    ]);
    expect(page.parts[0].statement).toBe('scratch v2 statement');
    expect(page.parts[0].initialCode).toBe('// scratch v2 starter');
  });

  it('uses the language of the viewer', async () => {
    const page = await getTaskPage(database.prisma, null, 'attention', 'zh-CN');
    expect(page.title).toBe('自注意力');
    expect(page.parts[1].statement).toBe('train v1 题面');
  });

  it('opens the editor with the viewer’s latest code for the part', async () => {
    await database.prisma.submission.create({ data: { userId: user.id, taskVersionId: scratchV2, language: 'javascript', code: 'export function selfAttention() { return 1; }' } });
    const page = await getTaskPage(database.prisma, user, 'attention', 'en');
    expect(page.parts[0].initialCode).toBe('export function selfAttention() { return 1; }');
    expect(page.parts[0].initialLanguage).toBe('javascript');
    expect(page.parts[1].initialCode).toBe('// train v1 starter');
  });

  it('raises not_found for an unknown slug', async () => {
    const error = await getTaskPage(database.prisma, user, 'no-such-task', 'en').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('not_found');
  });
});

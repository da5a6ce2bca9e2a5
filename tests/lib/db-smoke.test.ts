import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database';

describe('test database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('starts migrated and empty', async () => {
    expect(await database.prisma.user.count()).toBe(0);
  });

  it('enforces unique email', async () => {
    await database.prisma.user.create({ data: { email: 'a@example.com', name: 'A' } });
    await expect(database.prisma.user.create({ data: { email: 'a@example.com', name: 'B' } })).rejects.toThrow();
  });
});

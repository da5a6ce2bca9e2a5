import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

export type Database = PrismaClient;

/** Creates a Prisma client over node-postgres for the given connection string. */
export function createDatabase(databaseUrl: string, options: { max?: number } = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

const globalForPrisma = globalThis as unknown as { holdoutPrisma?: PrismaClient };

/**
 * Returns the process-wide Prisma client for DATABASE_URL. The instance is kept on globalThis so
 * that Next.js's development reloads reuse one connection pool.
 */
export function db(): PrismaClient {
  if (!globalForPrisma.holdoutPrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: start Holdout with `npm start`, which provides it.');
    globalForPrisma.holdoutPrisma = createDatabase(url);
  }
  return globalForPrisma.holdoutPrisma;
}

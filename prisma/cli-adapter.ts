import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

// PostgreSQL type OIDs of `name` and `"char"`, which catalog queries return, and of `text`.
const NAME_OID = 19;
const CHAR_OID = 18;
const TEXT_OID = 25;

type QueryResult = { fields?: { dataTypeID: number }[] };

function relabelCatalogColumns<T>(result: T): T {
  for (const field of (result as QueryResult)?.fields ?? []) {
    if (field.dataTypeID === NAME_OID || field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

/**
 * A pg client that reports `name` and `"char"` columns as `text`. @prisma/adapter-pg 6.19 cannot
 * deserialize those two types, and Prisma's schema engine reads them from the catalog during
 * `migrate deploy` (prisma/orm#27403). Both types arrive as plain strings, so relabelling is lossless.
 */
class CatalogSafeClient extends pg.Client {
  // pg.Client.query has many overloads; this wrapper forwards every form unchanged.
  query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (error: unknown, result: unknown) => last(error, relabelCatalogColumns(result));
    }
    const returned = (super.query as (...a: unknown[]) => unknown)(...args);
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      return (returned as Promise<unknown>).then(relabelCatalogColumns) as never;
    }
    return returned as never;
  }
}

/**
 * Builds the driver adapter that the Prisma CLI uses for migrations. Host, port and credentials
 * go in as separate fields: given a connectionString, Prisma 6.19 uses it for the shadow
 * database too, which then becomes the main one.
 */
export function createCliAdapter(databaseUrl: string | undefined): PrismaPg {
  if (!databaseUrl) {
    throw new Error('DATABASE_URL is not set. Run migrations with `npm run db:migrate`, which starts the database first.');
  }
  const url = new URL(databaseUrl);
  return new PrismaPg({
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    database: decodeURIComponent(url.pathname.slice(1)),
    Client: CatalogSafeClient,
  });
}

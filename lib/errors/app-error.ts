/**
 * Application error codes. Each maps to one HTTP status in lib/errors/http-status.ts and to a
 * user-facing message under `errors.<code>` in messages/<locale>.json.
 */
export const APP_ERROR_CODES = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'invalid_input',
  'too_large',
  'email_taken',
  'conflict',
  'invalid_credentials',
  'rate_limited',
  'not_ready',
  'internal',
] as const;

export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export interface AppErrorOptions {
  /** Message for the log; never shown to the user. Defaults to the code. */
  internal?: string;
  /** Values interpolated into the user-facing message, e.g. `{ limit: 20000 }`. */
  values?: Record<string, string | number>;
  /** Per-field message keys for forms, e.g. `{ email: 'email_invalid' }`. */
  fields?: Record<string, string>;
  cause?: unknown;
}

/**
 * The one error type that domain code throws on purpose. The code decides the HTTP status and the
 * user-facing message; the internal message goes to the log only.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly values: Record<string, string | number>;
  readonly fields: Record<string, string>;

  constructor(code: AppErrorCode, options: AppErrorOptions = {}) {
    super(options.internal ?? code, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.values = options.values ?? {};
    this.fields = options.fields ?? {};
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

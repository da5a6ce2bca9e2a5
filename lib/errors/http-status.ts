import { Prisma } from '../generated/prisma/client';
import { AppError, type AppErrorCode } from './app-error';

/** HTTP status of each application error code, used by every route handler. */
export const HTTP_STATUS: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  too_large: 413,
  email_taken: 409,
  conflict: 409,
  invalid_credentials: 401,
  rate_limited: 429,
  not_ready: 409,
  internal: 500,
};

/**
 * Converts known failures into AppError: Prisma's unique-constraint violation (P2002) becomes a
 * conflict and a missing record (P2025) becomes not found. Returns undefined for anything else,
 * which callers must treat as an unexpected error.
 */
export function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === 'P2002') return new AppError('conflict', { internal: `unique constraint: ${error.message}`, cause: error });
    if (error.code === 'P2025') return new AppError('not_found', { internal: error.message, cause: error });
  }
  return undefined;
}

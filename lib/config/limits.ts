/**
 * Input and rate limits enforced by the site. README.md lists the same numbers for users; change
 * both together.
 */

/** Longest concept answer, in UTF-16 code units (JavaScript string length). */
export const MAX_CONCEPT_ANSWER_CHARS = 20_000;

/** Fallback code size limit for a task version whose limits lack `sourceBytes`. */
export const DEFAULT_SOURCE_BYTES = 65_536;

export const PASSWORD_MIN_LENGTH = 8;
/** argon2 hashes any length, but an unbounded password is a cheap way to burn server CPU. */
export const PASSWORD_MAX_LENGTH = 200;
export const NAME_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;

const MINUTE = 60_000;

/** Sign-in attempts per email address, successful or not. */
export const SIGN_IN_PER_EMAIL = { limit: 10, windowMs: 15 * MINUTE };
/** Sign-in attempts per client IP address, across all email addresses. */
export const SIGN_IN_PER_IP = { limit: 50, windowMs: 15 * MINUTE };
/** New accounts per client IP address. */
export const SIGN_UP_PER_IP = { limit: 20, windowMs: 60 * MINUTE };
/** Code submissions per user. */
export const SUBMISSIONS_PER_USER = { limit: 30, windowMs: 10 * MINUTE };
/** Custom runs (code and reference on the user's own input) per user. */
export const CUSTOM_RUNS_PER_USER = { limit: 10, windowMs: MINUTE };
/** Largest custom-run input, as UTF-8 bytes of its JSON text. */
export const MAX_RUN_INPUT_BYTES = 256 * 1024;

/**
 * Largest editor draft stored on the server, in UTF-8 bytes. Larger than any task's source limit,
 * so a candidate can paste and trim without losing the draft; only a submission must fit the task.
 */
export const MAX_DRAFT_BYTES = 256 * 1024;

/** Maximum length of a private note on a concept question, in UTF-16 code units. */
export const MAX_QUESTION_NOTE_CHARS = 10_000;

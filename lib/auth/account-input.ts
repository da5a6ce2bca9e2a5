import { z } from 'zod';
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../config/limits';
import { AppError } from '../errors/app-error';

/** Email addresses are compared in lower case, so Ada@Example.com and ada@example.com are one account. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Each message is a key under `fields` in messages/<locale>.json.
export const signUpSchema = z.object({
  email: z
    .string('email_invalid')
    .transform(normalizeEmail)
    .pipe(z.email('email_invalid').max(EMAIL_MAX_LENGTH, 'email_invalid')),
  name: z.string('name_required').trim().min(1, 'name_required').max(NAME_MAX_LENGTH, 'name_too_long'),
  password: z.string('password_too_short').min(PASSWORD_MIN_LENGTH, 'password_too_short').max(PASSWORD_MAX_LENGTH, 'password_too_long'),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

/** Limits named in the sign-up form's field messages. */
export const SIGN_UP_MESSAGE_VALUES = { nameMax: NAME_MAX_LENGTH, passwordMin: PASSWORD_MIN_LENGTH, passwordMax: PASSWORD_MAX_LENGTH };

/**
 * Parses input with a schema whose messages are message keys, throwing AppError('invalid_input')
 * with one key per invalid field. `values` fills the placeholders of those messages.
 */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, values: Record<string, number> = {}): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'form';
    fields[field] ??= issue.message;
  }
  throw new AppError('invalid_input', { internal: `invalid fields: ${Object.keys(fields).join(', ')}`, fields, values });
}

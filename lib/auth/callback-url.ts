/**
 * Accepts only a same-site path as the page to return to after signing in, so that a crafted
 * link cannot send a user to another site. Anything else becomes the problem list.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string') return '/problems';
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/problems';
  return value;
}

/** Maximum length of the text shown for one value, because a sample's data can run to thousands of numbers. */
export const MAX_SHOWN_CHARS = 4000;

/**
 * Pretty-prints a JSON value for display: arrays of numbers stay on one line, numbers keep at
 * most 6 significant digits, and the text is cut at MAX_SHOWN_CHARS with a marker.
 */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(
    value,
    (_key, inner: unknown) => (typeof inner === 'number' && !Number.isInteger(inner) ? Number(inner.toPrecision(6)) : inner),
    2,
  ) ?? 'undefined';
  const compact = text.replace(/\[\s+([-\d.eE+,\s]+?)\s+\]/g, (_match, body: string) => `[${body.split(/,\s*/).join(', ')}]`);
  return compact.length > MAX_SHOWN_CHARS ? `${compact.slice(0, MAX_SHOWN_CHARS)}\n…` : compact;
}

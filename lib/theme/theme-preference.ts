/** Cookie that remembers a chosen colour theme; without it the site follows prefers-color-scheme. */
export const THEME_COOKIE = 'holdout-theme';

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** Reads the cookie's value; anything but 'light' or 'dark' means "follow the system". */
export function parseTheme(value: string | undefined): Theme | null {
  return THEMES.find((theme) => theme === value) ?? null;
}

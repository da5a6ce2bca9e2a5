'use client';

import { useSyncExternalStore } from 'react';
import type { Theme } from '@/lib/theme/theme-preference';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  media.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    media.removeEventListener('change', onChange);
  };
}

function snapshot(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === 'light' || chosen === 'dark') return chosen;
  return window.matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/**
 * Returns the theme the page shows: the one set on <html data-theme> by the toggle or the server,
 * else the system's preference. Server rendering assumes light, and the browser corrects it on
 * hydration.
 */
export function useEffectiveTheme(): Theme {
  return useSyncExternalStore(subscribe, snapshot, () => 'light');
}

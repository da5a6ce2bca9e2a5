'use client';

import { useSyncExternalStore } from 'react';

function subscribe(): () => void {
  return () => {};
}

function isApple(): boolean {
  return /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
}

/**
 * Returns the name of the modifier key of shortcuts on this device: "⌘" on Apple systems, "Ctrl"
 * elsewhere. Server rendering uses "Ctrl", and the browser corrects it on hydration.
 */
export function usePlatformModifier(): string {
  return useSyncExternalStore(subscribe, () => (isApple() ? '⌘' : 'Ctrl'), () => 'Ctrl');
}

import type { ReactNode } from 'react';

/**
 * Wraps content that may scroll (a wide table on a phone, long code) in a focusable, named region,
 * so a keyboard user can scroll it with the arrow keys and a screen reader announces its contents.
 */
export function ScrollBox({ label, className = 'table-scroll', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={className} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** Preformatted text (JSON, code, messages) that scrolls inside its box and can be focused to scroll it. */
export function ScrollPre({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <pre className={className} tabIndex={0} aria-label={label}>
      {children}
    </pre>
  );
}

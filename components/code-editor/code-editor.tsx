'use client';

import { useEffect, useState, type ComponentType, type KeyboardEvent } from 'react';

export interface CodeEditorProps {
  value: string;
  onChange: (value: string) => void;
  language: 'typescript' | 'javascript';
  /** Accessible name of the editing area. */
  label: string;
  /** Id of the element that explains the editor's keyboard use. */
  describedBy: string;
  onSubmitShortcut: () => void;
  onRunShortcut: () => void;
}

/**
 * Renders the code editor. CodeMirror loads in the browser only, after the page is interactive.
 * Until then, and if its script fails to load, a plain textarea with the same value and shortcuts
 * keeps the page usable.
 */
export function CodeEditor(props: CodeEditorProps) {
  const [Loaded, setLoaded] = useState<ComponentType<CodeEditorProps> | null>(null);

  useEffect(() => {
    let cancelled = false;
    import('./codemirror-view')
      .then((module) => {
        if (!cancelled) setLoaded(() => module.default);
      })
      .catch(() => {
        // The textarea stays; it edits the same code.
      });
    return () => {
      cancelled = true;
    };
  }, []);

  if (Loaded) return <Loaded {...props} />;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (!(event.ctrlKey || event.metaKey)) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      props.onSubmitShortcut();
    } else if (event.key === "'") {
      event.preventDefault();
      props.onRunShortcut();
    }
  }

  return (
    <textarea
      className="code-editor code-fallback"
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
      onKeyDown={onKeyDown}
      aria-label={props.label}
      aria-describedby={props.describedBy}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      rows={24}
    />
  );
}

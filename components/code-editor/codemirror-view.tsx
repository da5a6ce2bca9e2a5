'use client';

import { javascript } from '@codemirror/lang-javascript';
import CodeMirror, { EditorView, keymap, Prec } from '@uiw/react-codemirror';
import { useMemo, useRef } from 'react';
import { editorTheme } from './editor-theme';
import type { CodeEditorProps } from './code-editor';

/**
 * CodeMirror 6 with TypeScript or JavaScript highlighting, bracket matching and closing, line
 * numbers, search and undo history (CodeMirror's basic setup). Tab indents. Escape followed by Tab
 * moves the focus out (CodeMirror's tab-focus mode, since @codemirror/view 6.28), and Ctrl-M
 * (Shift-Alt-M on macOS) switches that mode on for good.
 */
export default function CodeMirrorView({ value, onChange, language, label, describedBy, onSubmitShortcut, onRunShortcut }: CodeEditorProps) {
  // Key bindings are created once; they call the latest handlers through these refs.
  const submit = useRef(onSubmitShortcut);
  const run = useRef(onRunShortcut);
  submit.current = onSubmitShortcut;
  run.current = onRunShortcut;

  const extensions = useMemo(
    () => [
      javascript({ typescript: language === 'typescript' }),
      // Above the default keymap, where Mod-Enter would insert a blank line.
      Prec.highest(
        keymap.of([
          { key: 'Mod-Enter', run: () => (submit.current(), true) },
          { key: "Mod-'", run: () => (run.current(), true) },
        ]),
      ),
      // axe does not count contenteditable alone as focusable, so without a tabindex it reports the
      // scrolling area as unreachable by keyboard. The tab order stays the same.
      EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': describedBy, tabindex: '0' }),
      editorTheme,
    ],
    [language, label, describedBy],
  );

  return (
    <CodeMirror
      className="code-mirror"
      value={value}
      onChange={onChange}
      extensions={extensions}
      theme="none"
      basicSetup={{ tabSize: 2, highlightActiveLine: true, highlightActiveLineGutter: true }}
      indentWithTab
    />
  );
}

import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { EditorView } from '@uiw/react-codemirror';

/**
 * The editor's look, taken from the site's CSS variables, so the light and dark themes switch with
 * the rest of the page and need no reconfiguration. The --syntax-* colours in app/globals.css keep
 * WCAG AA contrast against the editor background in both themes.
 */
export const editorTheme = [
  EditorView.theme({
    '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', fontSize: '0.9rem' },
    '.cm-content': { fontFamily: 'var(--font-mono)', caretColor: 'var(--text)' },
    '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55' },
    '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
    '.cm-activeLine': { backgroundColor: 'var(--editor-active-line)' },
    '.cm-activeLineGutter': { backgroundColor: 'var(--editor-active-line)', color: 'var(--text)' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
    '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
      backgroundColor: 'var(--editor-selection)',
    },
    '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--editor-bracket)', outline: '1px solid var(--accent)' },
    '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--bad-soft)', outline: '1px solid var(--bad)' },
    '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent-soft)', color: 'var(--text)' },
    '.cm-panels': { backgroundColor: 'var(--code-bg)', color: 'var(--text)' },
    '.cm-searchMatch': { backgroundColor: 'var(--warn-soft)', outline: '1px solid var(--warn)' },
    '.cm-foldPlaceholder': { backgroundColor: 'var(--accent-soft)', color: 'var(--text)', border: 'none' },
  }),
  syntaxHighlighting(
    HighlightStyle.define([
      { tag: tags.keyword, color: 'var(--syntax-keyword)' },
      { tag: [tags.atom, tags.bool, tags.null, tags.number, tags.literal], color: 'var(--syntax-literal)' },
      { tag: [tags.string, tags.special(tags.string)], color: 'var(--syntax-string)' },
      { tag: [tags.regexp, tags.escape], color: 'var(--syntax-regexp)' },
      { tag: tags.comment, color: 'var(--syntax-comment)', fontStyle: 'italic' },
      { tag: [tags.typeName, tags.className, tags.namespace], color: 'var(--syntax-type)' },
      { tag: [tags.definition(tags.variableName), tags.function(tags.variableName), tags.definition(tags.propertyName)], color: 'var(--syntax-definition)' },
      { tag: tags.propertyName, color: 'var(--syntax-property)' },
      { tag: tags.invalid, color: 'var(--bad)' },
    ]),
  ),
];

import katex from 'katex';

/** Extracts the $…$ and $$…$$ spans of a Markdown text, skipping fenced and inline code. */
function extractMath(markdown: string): { tex: string; display: boolean }[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const spans: { tex: string; display: boolean }[] = [];
  const withoutDisplay = withoutCode.replace(/\$\$([\s\S]+?)\$\$/g, (_match, tex: string) => {
    spans.push({ tex, display: true });
    return ' ';
  });
  for (const match of withoutDisplay.matchAll(/\$([^$\n]+?)\$/g)) spans.push({ tex: match[1], display: false });
  return spans;
}

/**
 * Returns the KaTeX error of each formula in a statement that does not render, with the formula;
 * an empty list when all of them render. The site renders statements with KaTeX in strict mode.
 */
export function findMathErrors(markdown: string): string[] {
  const errors: string[] = [];
  for (const { tex, display } of extractMath(markdown)) {
    try {
      katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: 'error' });
    } catch (error) {
      errors.push(`${tex}: ${(error as Error).message}`);
    }
  }
  return errors;
}

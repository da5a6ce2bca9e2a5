import type { ComponentPropsWithoutRef } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';

type HeadingTag = 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

function shifted(tag: HeadingTag) {
  return function Heading({ node: _node, ...props }: ComponentPropsWithoutRef<'h2'> & { node?: unknown }) {
    const Tag = tag;
    return <Tag {...props} />;
  };
}

function ScrollablePre({ node: _node, ...props }: ComponentPropsWithoutRef<'pre'> & { node?: unknown }) {
  // Code blocks scroll sideways on narrow screens; focus lets a keyboard user scroll them.
  return <pre tabIndex={0} {...props} />;
}

// The page already has its own h1, so a statement's "# Title" renders one level lower.
const COMPONENTS: Components = {
  pre: ScrollablePre,
  h1: shifted('h2'),
  h2: shifted('h3'),
  h3: shifted('h4'),
  h4: shifted('h5'),
  h5: shifted('h6'),
};

/**
 * Renders trusted Markdown from the question bank: GFM tables and KaTeX math ($…$, $$…$$), with
 * headings one level below the page's own title. Raw HTML in the source is not rendered
 * (react-markdown's default).
 */
export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={[remarkGfm, remarkMath]} rehypePlugins={[rehypeKatex]} components={COMPONENTS}>
        {source}
      </ReactMarkdown>
    </div>
  );
}

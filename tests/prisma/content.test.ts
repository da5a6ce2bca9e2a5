import { transformSync } from 'esbuild';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { conceptQuestions } from '../../prisma/seed/content/questions';
import type { TaskMetadata } from '../../judge/tasks/types';
import { metadata as autoencoder } from '../../judge/tasks/autoencoder/metadata';
import { metadata as dbn } from '../../judge/tasks/dbn/metadata';
import { metadata as gan } from '../../judge/tasks/gan/metadata';
import { metadata as selfAttention } from '../../judge/tasks/self-attention/metadata';
import { metadata as gnn } from '../../judge/tasks/gnn/metadata';
import { metadata as cnn } from '../../judge/tasks/cnn/metadata';
import { metadata as rnn } from '../../judge/tasks/rnn/metadata';
import { metadata as lstm } from '../../judge/tasks/lstm/metadata';
import { metadata as transformer } from '../../judge/tasks/transformer/metadata';
import { metadata as bert } from '../../judge/tasks/bert/metadata';

const topics = [
  'clustering',
  'dimensionality-reduction',
  'association-rules',
  'generative-models',
  'attention',
  'sequence-models',
  'graph-neural-networks',
  'convolutional-networks',
];

const locales = ['zh-CN', 'en'] as const;

/** The bank's 15 interview questions, word for word and in order. */
const expectedChinesePrompts = [
  '请简要介绍K-means聚类算法的基本原理和优缺点。',
  '请简要介绍主成分分析（PCA）的基本原理和优缺点。',
  '请简要介绍自编码器（Autoencoder）的基本原理和优缺点。',
  '请简要介绍Apriori算法的基本原理和优缺点。',
  '请简要介绍DBSCAN算法的基本原理和优缺点。',
  '请简要介绍层次聚类（Hierarchical Clustering）的基本原理和优缺点。',
  '请简要介绍深度信念网络（Deep Belief Network，DBN）的基本原理和优缺点。',
  '请简要介绍生成对抗网络（Generative Adversarial Network，GAN）的基本原理和优缺点。',
  '请简要介绍自注意力机制（Self-Attention）的基本原理和优缺点。',
  '请简要介绍图神经网络（Graph Neural Network，GNN）的基本原理和优缺点。',
  '请简要介绍卷积神经网络（Convolutional Neural Network，CNN）的基本原理和优缺点。',
  '请简要介绍循环神经网络（Recurrent Neural Network，RNN）的基本原理和优缺点。',
  '请简要介绍长短时记忆网络（Long Short-Term Memory，LSTM）的基本原理和优缺点。',
  '请简要介绍Transformer模型的基本原理和优缺点。',
  '请简要介绍BERT模型的基本原理和优缺点。',
];

const neuralTasks: [string, TaskMetadata | TaskMetadata[]][] = [
  ['autoencoder', autoencoder],
  ['dbn', dbn],
  ['gan', gan],
  ['self-attention', selfAttention],
  ['gnn', gnn],
  ['cnn', cnn],
  ['rnn', rnn],
  ['lstm', lstm],
  ['transformer', transformer],
  ['bert', bert],
];

/** Counts English words outside math, so formulas do not inflate the length. */
function countProseWords(markdown: string): number {
  const prose = markdown.replace(/\$\$[\s\S]*?\$\$/g, ' ').replace(/\$[^$]*\$/g, ' ');
  return prose.split(/\s+/).filter((word) => /[A-Za-z]/.test(word)).length;
}

/** Extracts the $…$ and $$…$$ spans of a Markdown text, skipping fenced and inline code. */
function extractMath(markdown: string): { tex: string; display: boolean }[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  const spans: { tex: string; display: boolean }[] = [];
  const withoutDisplay = withoutCode.replace(/\$\$([\s\S]+?)\$\$/g, (_match, tex: string) => {
    spans.push({ tex, display: true });
    return ' ';
  });
  for (const match of withoutDisplay.matchAll(/\$([^$\n]+?)\$/g)) {
    spans.push({ tex: match[1], display: false });
  }
  return spans;
}

/** Returns the KaTeX error for each formula that does not render, with the formula. */
function findMathErrors(markdown: string): string[] {
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

describe('concept questions', () => {
  it('has 15 questions with unique slugs', () => {
    expect(conceptQuestions).toHaveLength(15);
    const slugs = conceptQuestions.map((question) => question.slug);
    expect(new Set(slugs).size).toBe(15);
    for (const slug of slugs) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('numbers positions 1 to 15 in order', () => {
    expect(conceptQuestions.map((question) => question.position)).toEqual(
      Array.from({ length: 15 }, (_, index) => index + 1),
    );
  });

  it('keeps the Chinese prompts word for word', () => {
    expect(conceptQuestions.map((question) => question.prompt['zh-CN'])).toEqual(expectedChinesePrompts);
  });

  it.each(conceptQuestions.map((question) => [question.slug, question] as const))(
    '%s has every field in both languages',
    (_slug, question) => {
      for (const locale of locales) {
        expect(question.title[locale].trim(), `title ${locale}`).not.toBe('');
        expect(question.prompt[locale].trim(), `prompt ${locale}`).not.toBe('');
        expect(question.referenceAnswer[locale].trim(), `referenceAnswer ${locale}`).not.toBe('');
        for (const [index, point] of question.rubric.entries()) {
          expect(point[locale].trim(), `rubric ${index} ${locale}`).not.toBe('');
        }
      }
      expect(question.tags.length).toBeGreaterThan(0);
    },
  );

  it.each(conceptQuestions.map((question) => [question.slug, question] as const))(
    '%s has 4 to 6 rubric points',
    (_slug, question) => {
      expect(question.rubric.length).toBeGreaterThanOrEqual(4);
      expect(question.rubric.length).toBeLessThanOrEqual(6);
    },
  );

  it.each(conceptQuestions.map((question) => [question.slug, question] as const))(
    '%s uses a known topic and difficulty',
    (_slug, question) => {
      expect(topics).toContain(question.topic);
      expect(['easy', 'medium', 'hard']).toContain(question.difficulty);
    },
  );

  it.each(conceptQuestions.map((question) => [question.slug, question] as const))(
    '%s has a 150 to 350 word English answer',
    (_slug, question) => {
      const words = countProseWords(question.referenceAnswer.en);
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(350);
    },
  );

  it.each(conceptQuestions.map((question) => [question.slug, question] as const))(
    '%s has math that KaTeX renders',
    (_slug, question) => {
      for (const locale of locales) {
        expect(findMathErrors(question.referenceAnswer[locale]), locale).toEqual([]);
      }
    },
  );
});

describe('neural task metadata', () => {
  const parts = neuralTasks.flatMap(([topic, metadata]) =>
    (Array.isArray(metadata) ? metadata : [metadata]).map((part): [string, string, TaskMetadata] => [part.slug, topic, part]),
  );

  it.each(neuralTasks)('%s has a scratch part and a train part', (topic, metadata) => {
    const list = Array.isArray(metadata) ? metadata : [metadata];
    expect(list.map((part) => part.slug)).toEqual([`${topic}-scratch`, `${topic}-train`]);
    expect(list.map((part) => part.part)).toEqual(['scratch', 'train']);
  });

  it.each(parts)('%s has the required fields', (_slug, topic, metadata) => {
    expect(metadata.taskSlug).toBe(topic);
    expect(metadata.version).toBeGreaterThanOrEqual(1);
    expect(metadata.functionName).toMatch(/^[a-z][A-Za-z0-9]*$/);
    expect(topics).toContain(metadata.topic);
    expect(['easy', 'medium', 'hard']).toContain(metadata.difficulty);
    expect(metadata.tags.length).toBeGreaterThan(0);
    expect(metadata.limits.sourceBytes).toBeGreaterThan(0);
    expect(metadata.limits.cpuMsPerTest).toBeGreaterThan(0);
  });

  it.each(parts)('%s has titles and statements in both languages', (_slug, _topic, metadata) => {
    for (const locale of locales) {
      expect(metadata.title[locale].trim(), `title ${locale}`).not.toBe('');
      expect(metadata.statement[locale].trim(), `statement ${locale}`).not.toBe('');
    }
  });

  it.each(parts)('%s statement math renders in KaTeX', (_slug, _topic, metadata) => {
    for (const locale of locales) {
      expect(findMathErrors(metadata.statement[locale]), locale).toEqual([]);
    }
  });

  it.each(parts)('%s starter code compiles and exports the function', (_slug, _topic, metadata) => {
    expect(metadata.starterCode).toMatch(new RegExp(`export (async )?function ${metadata.functionName}\\(`));
    const { code } = transformSync(metadata.starterCode, { loader: 'ts', format: 'esm' });
    expect(code).toContain(`function ${metadata.functionName}(`);
  });
});

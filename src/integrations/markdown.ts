/**
 * The Markdown pipeline, defined once. `astro.config.mjs` hands it to Astro
 * (for any Markdown Astro renders itself), and the article loader's worker
 * threads (`src/loaders/markdown-worker.ts`) build the very same processor,
 * so an article renders identically either way. Add a remark or rehype
 * plugin here, not in the config.
 */
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';
import remarkReadingTime from './remark-reading-time.ts';

export const markdownOptions = {
  // GFM comes from remark-gfm itself (tables, footnotes, strikethrough,
  // autolinks), so we switch off the processor's built-in copy of it.
  gfm: false,
  remarkPlugins: [remarkGfm, remarkReadingTime],
  rehypePlugins: [rehypeSlug],
} satisfies UnifiedProcessorOptions;

/**
 * The options for one article's language. SmartyPants applies English
 * typography (“curly quotes”, en dashes) that is wrong for Dari, where
 * quotations take «guillemets»; it is also half the cost of rendering, so
 * Dari articles skip it.
 * @example markdownOptionsFor('fa').smartypants // false
 */
export function markdownOptionsFor(lang: string): UnifiedProcessorOptions {
  return lang === 'en' ? markdownOptions : { ...markdownOptions, smartypants: false };
}

/**
 * News analysis carries no source code worth highlighting; skipping Shiki
 * saves build time and page weight.
 */
export const syntaxHighlight = false;

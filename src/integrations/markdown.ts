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
import remarkSmartypantsLean from './remark-smartypants-lean.ts';

export const markdownOptions = {
  // GFM comes from remark-gfm itself (tables, footnotes, strikethrough,
  // autolinks), so we switch off the processor's built-in copy of it.
  gfm: false,
  // The built-in SmartyPants is replaced per language, see markdownOptionsFor().
  smartypants: false,
  remarkPlugins: [remarkGfm, remarkReadingTime],
  rehypePlugins: [rehypeSlug],
} satisfies UnifiedProcessorOptions;

/**
 * The options for one article's language. English gets SmartyPants (“curly
 * quotes”, em dashes), through a leaner plugin with the same output as
 * Astro's built-in one. Dari does not: those are English rules, and Dari
 * quotations take «guillemets».
 * @example markdownOptionsFor('en').remarkPlugins.length // 3
 */
export function markdownOptionsFor(lang: string): typeof markdownOptions {
  return lang === 'en' ? { ...markdownOptions, remarkPlugins: [remarkSmartypantsLean, ...markdownOptions.remarkPlugins] } : markdownOptions;
}

/**
 * News analysis carries no source code worth highlighting; skipping Shiki
 * saves build time and page weight.
 */
export const syntaxHighlight = false;

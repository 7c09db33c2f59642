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
 * News analysis carries no source code worth highlighting; skipping Shiki
 * saves build time and page weight.
 */
export const syntaxHighlight = false;

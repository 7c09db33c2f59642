// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';

import remarkReadingTime from './src/integrations/remark-reading-time.ts';
import rehypeBidi from './src/integrations/rehype-bidi.ts';
import rehypeFootnotesI18n from './src/integrations/rehype-footnotes-i18n.ts';
import rehypeHeadingIds from './src/integrations/rehype-heading-ids.ts';
import pagefindIndex from './src/integrations/pagefind.ts';

import { site } from './src/config/site.ts';

// The site origin comes from one setting; SITE_URL overrides it for staging.
const siteUrl = process.env.SITE_URL || site.url;

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  // Two articles that resolve to one URL must stop the build, not overwrite each other.
  prerenderConflictBehavior: 'error',
  markdown: {
    // Astro 7 defaults to Sätteri; remark/rehype plugins need the unified pipeline.
    processor: unified({
      // GFM comes from remark-gfm itself (tables, footnotes, strikethrough,
      // autolinks), so we switch off the processor's built-in copy of it.
      gfm: false,
      remarkPlugins: [remarkGfm, remarkReadingTime],
      // Heading ids keep the Dari zero-width non-joiner (rehype-slug drops it);
      // footnotes speak the article's language; Latin runs in Dari are isolated.
      rehypePlugins: [rehypeHeadingIds, rehypeFootnotesI18n, rehypeBidi],
    }),
    // News analysis carries no source code worth highlighting; skipping Shiki
    // saves build time and page weight.
    syntaxHighlight: false,
  },
  integrations: [
    sitemap({
      filter: (page) => !page.includes('/404'),
    }),
    // Last, after every page is written: the search index (see the file for why not a separate CLI step).
    pagefindIndex(),
  ],
});

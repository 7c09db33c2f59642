// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import remarkGfm from 'remark-gfm';
import rehypeSlug from 'rehype-slug';

import remarkReadingTime from './src/integrations/remark-reading-time.ts';
import siteSitemap from './src/integrations/sitemap.ts';

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
      rehypePlugins: [rehypeSlug],
    }),
    // News analysis carries no source code worth highlighting; skipping Shiki
    // saves build time and page weight.
    syntaxHighlight: false,
  },
  integrations: [
    // lastmod and hreflang alternates per page: see src/integrations/sitemap.ts.
    siteSitemap(fileURLToPath(new URL('./content/articles', import.meta.url))),
  ],
});

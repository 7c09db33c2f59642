// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';

import { markdownOptions, syntaxHighlight } from './src/integrations/markdown.ts';
import pruneDist from './src/integrations/prune-dist.ts';

import { site } from './src/config/site.ts';

// The site origin comes from one setting; SITE_URL overrides it for staging.
const siteUrl = process.env.SITE_URL || site.url;

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  // Two articles that resolve to one URL must stop the build, not overwrite each other.
  prerenderConflictBehavior: 'error',
  markdown: {
    // Astro 7 defaults to Sätteri; remark/rehype plugins need the unified
    // pipeline. Articles are rendered by our loader's workers with the same
    // options (src/integrations/markdown.ts).
    processor: unified(markdownOptions),
    syntaxHighlight,
  },
  experimental: {
    // Pages whose getStaticPaths() cacheKey and code are unchanged are copied
    // from the previous build instead of rendered again.
    incrementalBuild: true,
  },
  build: {
    // Inline the site's CSS (under 2 KB brotli): a phone on a slow network
    // paints the first screen from the HTML alone, with no render-blocking
    // stylesheet request; the article budget test counts it in the HTML.
    inlineStylesheets: 'always',
  },
  vite: {
    // Unchanged pages stay in dist/ between builds; pruneDist() removes what a
    // build no longer produces.
    build: { emptyOutDir: false },
  },
  integrations: [
    pruneDist(),
    sitemap({
      filter: (page) => !page.includes('/404'),
    }),
  ],
});

// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';

import { rehypePlugins, remarkPlugins } from './src/integrations/markdown.ts';
import validateContent from './src/integrations/validate-content.ts';

import remarkReadingTime from './src/integrations/remark-reading-time.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
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
      // remark-gfm, then raw HTML parsed, sanitized and reported, heading ids,
      // external links: see src/integrations/markdown.ts for why in that order.
      remarkPlugins: [...remarkPlugins, remarkReadingTime],
      rehypePlugins: [...rehypePlugins],
    }),
    // News analysis carries no source code worth highlighting; skipping Shiki
    // saves build time and page weight.
    syntaxHighlight: false,
  },
  // Every page carries a Content-Security-Policy <meta>: even a script that
  // slipped past the sanitizer would not run.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' https: data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  integrations: [
    // Runs `npm run check` at build start (fails the build) and in dev (reports, keeps serving).
    validateContent(),
    // lastmod and hreflang alternates per page: see src/integrations/sitemap.ts.
    siteSitemap(fileURLToPath(new URL('./content/articles', import.meta.url))),
    // Last, after every page is written: the search index (see the file for why not a separate CLI step).
    pagefindIndex(),
  ],
});

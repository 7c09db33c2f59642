// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';

import { markdownOptions, syntaxHighlight } from './src/markdown/pipeline.ts';
import validateContent from './src/integrations/validate-content.ts';
import pruneDist from './src/integrations/prune-dist.ts';
import searchIndex from './src/integrations/search-index.ts';
import siteSitemap from './src/integrations/sitemap.ts';
import hostConfig from './src/integrations/host-config.ts';
import pictureOriginals from './src/integrations/picture-originals.ts';
import pictureMemo from './src/integrations/picture-memo.ts';

import { site } from './src/config/site.ts';
import { cspDirectives } from './src/config/http.ts';
import { SEARCH_INDEX_DIR } from './src/utils/urls.ts';

// The site origin comes from one setting; SITE_URL overrides it for staging.
const siteUrl = process.env.SITE_URL || site.url;

// lastmod and hreflang alternates per page: see src/integrations/sitemap.ts.
const sitemapIntegration = siteSitemap(fileURLToPath(new URL('./content/articles', import.meta.url)));

export default defineConfig({
  site: siteUrl,
  trailingSlash: 'always',
  // Astro's terminal log, with the pages an incremental build kept summed up
  // in one line (about 27,000 of them at 10,000 articles): see the file.
  logger: { entrypoint: './src/logging/build-log.ts' },
  // Two articles that resolve to one URL must stop the build, not overwrite each other.
  prerenderConflictBehavior: 'error',
  markdown: {
    // Astro 7 defaults to Sätteri; remark/rehype plugins need the unified
    // pipeline. Articles are rendered by our loader's workers with the same
    // plugins (remark-gfm, then raw HTML parsed, sanitized and reported,
    // heading ids, external links: see src/markdown/pipeline.ts).
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
  // Every page carries a Content-Security-Policy <meta>: even a script that
  // slipped past the sanitizer would not run. The same directives go out as
  // a real header (with frame-ancestors) from src/config/http.ts.
  security: {
    csp: {
      directives: [...cspDirectives],
    },
  },
  integrations: [
    // Runs `npm run check` at build start (fails the build) and in dev (reports, keeps serving);
    // the sitemap takes the articles it read instead of reading every file again.
    validateContent({ onArticles: sitemapIntegration.remember }),
    // Article pictures' originals where Astro's image step reads them (see the file).
    pictureOriginals(),
    // The article route's pictures remembered between builds: a warm build
    // neither hashes their transforms nor copies their files again (see the file).
    pictureMemo(),
    // Before the sitemap and the search index, which write their own files;
    // the search index decides itself whether it needs rewriting.
    pruneDist({ keep: [SEARCH_INDEX_DIR] }),
    // After pruning: the sitemap writes its own files.
    sitemapIntegration,
    // _headers and _redirects for Netlify and Cloudflare Pages, from src/config/http.ts.
    hostConfig(),
    // Last, after every page is written: the search index (see the file for why not a separate CLI step).
    searchIndex(),
  ],
});

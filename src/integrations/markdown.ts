/**
 * The Markdown pipeline, in one place so the site (astro.config.mjs) and the
 * tests render articles the same way.
 *
 * Order matters. Astro's unified processor runs our rehype plugins while raw
 * HTML is still opaque `raw` text, and only parses it (rehype-raw) at the
 * very end, after every plugin. A sanitizer placed there would see no
 * elements to clean, only strings to drop or keep. So we parse raw HTML
 * ourselves first, then report and sanitize real elements, and only then
 * add what we trust: heading ids (keeping the Dari ZWNJ, which rehype-slug
 * drops), footnote labels in the article's language, direction fixes
 * (Latin runs isolated in Dari, code left-to-right) and external-link markup.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import rehypeBidi from './rehype-bidi.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeFootnotesI18n from './rehype-footnotes-i18n.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeReportUnsafe from './rehype-report-unsafe.ts';
import { articleSchema } from './sanitize-schema.ts';

export const remarkPlugins: RemarkPlugins = [remarkGfm];

export const rehypePlugins: RehypePlugins = [
  rehypeRaw,
  [rehypeReportUnsafe, { schema: articleSchema }],
  [rehypeSanitize, articleSchema],
  rehypeHeadingIds,
  rehypeFootnotesI18n,
  rehypeBidi,
  rehypeExternalLinks,
];

/**
 * The Markdown pipeline, in one place so the site (astro.config.mjs), the
 * article loader's worker threads (src/markdown/render-worker.ts) and the
 * tests render articles the same way. Add a remark or rehype plugin here,
 * not in the config.
 *
 * Order matters. Astro's unified processor runs our rehype plugins while raw
 * HTML is still opaque `raw` text, and only parses it (rehype-raw) at the
 * very end, after every plugin. A sanitizer placed there would see no
 * elements to clean, only strings to drop or keep. So we parse raw HTML
 * ourselves first, then report and sanitize real elements, and only then
 * add what we trust: heading levels under the title (a body `#` is an
 * `<h2>`), heading ids (keeping the Dari ZWNJ), footnote labels in the
 * article's language, external-link markup and direction fixes (Latin runs
 * isolated in Dari, code left-to-right).
 *
 * On the Markdown side, remark-gfm's syntax is extended (after it) so that
 * bold and italic close before a ZWNJ or a Dari suffix (remark-emphasis.ts),
 * and bare addresses end before Dari punctuation (remark-autolinks.ts).
 *
 * Plugins that find something an editor must know report it on the VFile
 * (`file.message`, `fatal` for an error); `npm run check` and every build
 * print those messages with the file and the line (see
 * `src/validation/bodies.ts`).
 */
import type { RehypePlugins, RemarkPlugins, UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkGfm from 'remark-gfm';
import rehypeBidi from './rehype-bidi.ts';
import rehypeEmbeds from './rehype-embeds.ts';
import rehypeExternalLinks from './rehype-external-links.ts';
import rehypeFootnotesI18n from './rehype-footnotes-i18n.ts';
import rehypeHeadingIds from './rehype-heading-ids.ts';
import rehypeHeadingLevels from './rehype-heading-levels.ts';
import rehypeImages, { rehypeMarkMarkdownImages } from './rehype-images.ts';
import rehypeKeepCodes from './rehype-keep-codes.ts';
import rehypeReportUnsafe, { rehypeReportUnclosedComments } from './rehype-report-unsafe.ts';
import remarkAutolinks from './remark-autolinks.ts';
import remarkEmphasis from './remark-emphasis.ts';
import remarkReadingTime from './remark-reading-time.ts';
import remarkReportLeftovers from './remark-report-leftovers.ts';
import remarkSmartypantsLean from './remark-smartypants-lean.ts';
import { articleSchema } from './sanitize-schema.ts';
import { languages, type Lang, type LanguageSpec } from '../i18n/locales.ts';

// remark-emphasis and remark-autolinks extend the parser after remark-gfm, so they must follow it.
export const remarkPlugins: RemarkPlugins = [remarkGfm, remarkEmphasis, remarkAutolinks, remarkReportLeftovers];

export const rehypePlugins: RehypePlugins = [
  // Before the parser drops them: HTML comments that never close.
  rehypeReportUnclosedComments,
  // Before raw HTML is parsed: which <img> Markdown made (an empty alt there is a forgotten one).
  rehypeMarkMarkdownImages,
  rehypeRaw,
  // Iframes and other hosts' media become links, local video and audio their published files.
  rehypeEmbeds,
  [rehypeReportUnsafe, { schema: articleSchema }],
  [rehypeSanitize, articleSchema],
  // Local pictures become placeholders the page fills with <Picture> (and
  // figures, with their captions); before Astro's own image step, which
  // would otherwise leave an <img> with neither src nor alt.
  rehypeImages,
  rehypeHeadingLevels,
  rehypeHeadingIds,
  rehypeFootnotesI18n,
  // Before the direction fixes, so the text after a link is still one text
  // node when the domain note looks for the rest of the word.
  rehypeExternalLinks,
  rehypeBidi,
  // After the runs are isolated: a code is then one text node inside its <bdi>.
  rehypeKeepCodes,
];

/** The processor options Astro gets (astro.config.mjs); articles use markdownOptionsFor(). */
export const markdownOptions = {
  // GFM comes from remark-gfm itself (tables, footnotes, strikethrough,
  // autolinks), so we switch off the processor's built-in copy of it.
  gfm: false,
  // The built-in SmartyPants is replaced per language, see markdownOptionsFor().
  smartypants: false,
  remarkPlugins: [...remarkPlugins, remarkReadingTime],
  rehypePlugins: [...rehypePlugins],
} satisfies UnifiedProcessorOptions;

/**
 * The options for one article's language. A language with typographic
 * quotation marks in the registry (English “…”, German „…“) gets SmartyPants
 * with its marks (curly quotes, dashes, ellipses), through a leaner plugin
 * with the same output as Astro's built-in one. Dari and Pashto do not:
 * those are rules for Latin-script prose, and their quotations take
 * «guillemets» as typed.
 * @example markdownOptionsFor(defaultLang).remarkPlugins.length // 5: no SmartyPants
 */
export function markdownOptionsFor(lang: Lang): typeof markdownOptions {
  const quotes = (languages[lang] as LanguageSpec).quotes;
  if (!quotes) return markdownOptions;
  return { ...markdownOptions, remarkPlugins: [[remarkSmartypantsLean, { quotes }], ...markdownOptions.remarkPlugins] };
}

/**
 * News analysis carries no source code worth highlighting; skipping Shiki
 * saves build time and page weight.
 */
export const syntaxHighlight = false;

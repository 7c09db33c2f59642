/**
 * Heading ids: GitHub-style (github-slugger, the slugger rehype-slug uses),
 * with three differences that keep every contents link usable.
 *
 * - The Dari zero-width non-joiner (ZWNJ, U+200C) is kept. github-slugger
 *   deletes it, which joins the letters on either side: the id for
 *   "پرسش‌های" would read "پرسشهای", a different-looking word. So each
 *   ZWNJ-separated part is slugged on its own and the parts are joined with
 *   the ZWNJ again. Nothing is swapped in the heading itself, so no character
 *   of the text can be mistaken for a ZWNJ (the stand-in letter once used for
 *   that turned a real ʰ into an invisible ZWNJ).
 * - A heading with no letter or digit ("؟", "…", "—") would get an empty id
 *   and a contents link to `#`; it gets the section's word for "section"
 *   (`article.sectionId`), numbered like any repeated id.
 * - Ids already on the page (the page's own landmarks, footnotes) are never
 *   reused: a heading "Main" becomes `main-1`, so the skip link still lands
 *   on `<main id="main">`.
 * - A footnote marker in a heading is not one of its words: "Title[^1]" is
 *   `#title`, and the contents list says "Title", not "Title1" (nor the
 *   domain note an outside link in a heading gets).
 *
 * The table of contents reads the headings Astro collects after this plugin
 * (`render()`'s `headings`): those keep the ids set here. Astro's collector
 * also rewrites each `{` in heading text as `${`; this plugin hands back the
 * heading text as written instead (see `keepHeadingText`).
 */
import type { Element, Root } from 'hast';
import { slug } from 'github-slugger';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { defaultLang } from '../i18n/locales.ts';
import { useTranslations } from '../i18n/ui.ts';
import { articleLangOf } from './article-lang.ts';
import { DOMAIN_NOTE_CLASS } from './rehype-external-links.ts';

const ZWNJ = '\u200c';
const HEADING = /^h[1-6]$/;
/** An id a reader can use: it says something (a letter or a digit of any script). */
const USABLE = /[\p{L}\p{N}]/u;

/**
 * Ids the article page itself carries around the body (BaseLayout's `<main>`,
 * TableOfContents, SourceBlock) and remark-gfm's footnote heading. A unit
 * test checks this list against the `id="…"` written in `src/**\/*.astro`.
 */
export const PAGE_IDS: readonly string[] = ['main', 'toc-heading', 'source-heading', 'footnote-label', 'search-form', 'search-input', 'search-status', 'search-results'];

/** A footnote reference (`<sup><a data-footnote-ref>`) or a link's domain note: added to the heading, not written in it. */
function isAddition(node: Element): boolean {
  if (Array.isArray(node.properties.className) && node.properties.className.includes(DOMAIN_NOTE_CLASS)) return true;
  return node.tagName === 'sup' && node.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined);
}

/**
 * A heading's own words: its text without footnote markers or domain notes.
 * @example headingText(h('h2', ['Title', h('sup', [h('a', { dataFootnoteRef: '' }, '1')])])) // 'Title'
 */
export function headingText(heading: Element): string {
  let text = '';
  visit(heading, (node) => {
    if (node.type === 'element' && node !== heading && isAddition(node)) return SKIP;
    if (node.type === 'text') text += node.value;
  });
  return text;
}

/**
 * The GitHub slug of a heading's text, keeping each ZWNJ: lower case, spaces
 * to hyphens, punctuation and symbols removed (github-slugger's rules). May
 * be empty or without letters; `HeadingSlugger` deals with that.
 * @example headingSlug('پرسش‌های پایین‌دست') // 'پرسش‌های-پایین‌دست' (ZWNJs kept)
 * @example headingSlug('The tʰ sound') // 'the-tʰ-sound'
 */
export function headingSlug(text: string): string {
  // github-slugger works character by character, so slugging the parts and
  // joining them equals slugging the whole with the ZWNJ exempted.
  return text.split(ZWNJ).map((part) => slug(part)).join(ZWNJ);
}

/**
 * Unique, non-empty heading ids for one page, numbered the way
 * github-slugger numbers repeats (`why`, `why-1`, `why-2`).
 * @example const s = new HeadingSlugger('section', ['main']); [s.slug('Main'), s.slug('؟'), s.slug('…')] // ['main-1', 'section', 'section-1']
 */
export class HeadingSlugger {
  readonly #taken = new Map<string, number>();
  readonly #fallback: string;
  /**
   * @param fallback the id base for a heading whose slug has no letter or digit
   * @param reserved ids already used on the page; never handed out
   */
  constructor(fallback: string, reserved: Iterable<string> = []) {
    this.#fallback = fallback;
    for (const id of reserved) this.#taken.set(id, 0);
  }

  /** The next unique id for a heading with this text. */
  slug(text: string): string {
    let base = headingSlug(text);
    if (!USABLE.test(base)) base = this.#fallback;
    let id = base;
    while (this.#taken.has(id)) {
      const n = this.#taken.get(base)! + 1;
      this.#taken.set(base, n);
      id = `${base}-${n}`;
    }
    this.#taken.set(id, 0);
    return id;
  }
}

export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const lang = articleLangOf(file);
    const fallback = useTranslations(lang ?? defaultLang)('article.sectionId');
    const existing: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') existing.push(node.properties.id);
    });
    const slugger = new HeadingSlugger(fallback, [...PAGE_IDS, ...existing]);
    visit(tree, 'element', (node: Element) => {
      if (HEADING.test(node.tagName) && typeof node.properties.id !== 'string') node.properties.id = slugger.slug(headingText(node));
    });
    keepHeadingText(file, tree);
  };
}

interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/**
 * Astro's heading collector (`rehype-collect-headings` in
 * @astrojs/markdown-remark, run after every plugin of ours) writes `{` in
 * heading text as `${`, so "Budget {2024}" reached the table of contents as
 * "Budget ${2024}". It stores its list in `file.data.astro.headings`; this
 * setter keeps Astro's list (depth, id) and puts back each heading's own
 * words (`headingText`) as they stand in the finished tree (the plugins after this one change the tree
 * in place, so `tree` is the tree Astro reads).
 */
function keepHeadingText(file: VFile, tree: Root): void {
  const data = file.data as { astro?: Record<string, unknown> };
  data.astro ??= {};
  let headings: Heading[] = [];
  Object.defineProperty(data.astro, 'headings', {
    configurable: true,
    enumerable: true,
    get: () => headings,
    set: (list: Heading[]) => {
      const texts = new Map<unknown, string>();
      visit(tree, 'element', (node: Element) => {
        // Spaced as a reader sees it: a removed note leaves no double space.
        if (HEADING.test(node.tagName)) texts.set(node.properties.id, headingText(node).replace(/\s+/g, ' ').trim());
      });
      headings = list.map((h) => ({ ...h, text: texts.get(h.slug) ?? h.text }));
    },
  });
}

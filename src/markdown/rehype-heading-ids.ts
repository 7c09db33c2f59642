/**
 * Heading ids from rehype-slug (GitHub-style, via github-slugger), with four
 * fixes that keep every contents link usable.
 *
 * - The Dari zero-width non-joiner (ZWNJ, U+200C) is kept. github-slugger
 *   deletes it, which joins the letters on either side: the id for
 *   "پرسش‌های" would read "پرسشهای", a different-looking word. rehype-slug
 *   therefore slugs a copy of each heading's text in which every ZWNJ is a
 *   stand-in letter that github-slugger keeps and that occurs in none of the
 *   page's headings (chosen per page), and the stand-in becomes a ZWNJ again
 *   in the id. Because the stand-in is absent from the text, no character an
 *   editor typed can come back as a ZWNJ (a fixed stand-in once turned a real
 *   ʰ into an invisible ZWNJ), and the heading itself is never touched.
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
import rehypeSlug from 'rehype-slug';
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
export const PAGE_IDS: readonly string[] = ['main', 'toc-heading', 'source-heading', 'footnote-label', 'search-form', 'search-input', 'search-status', 'search-results', 'search-more'];

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
 * Caseless letters that github-slugger keeps as they are; the first one that
 * occurs in none of a page's headings stands in for the ZWNJ there.
 */
const STAND_INS = [...'ʰʱʲʳʴʵʶʷʸˠˡˢˣˤꜰꞈᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁᵂ'];

const slugWithRehypeSlug = rehypeSlug();

/**
 * Unique, non-empty ids for the headings of one page, in order: rehype-slug's
 * GitHub slugs (repeats numbered `why`, `why-1`, …) with each ZWNJ kept; a
 * heading without a letter or digit gets `fallback` (`section`, `section-1`, …);
 * an id in `reserved` is never handed out (the next free `-N` is used).
 * @param texts each heading's own words (see `headingText`)
 * @param fallback the id base for a heading whose slug has no letter or digit
 * @param reserved ids the page already uses
 * @example headingIds(['Why', 'Why', 'Main', '؟'], 'section', ['main']) // ['why', 'why-1', 'main-1', 'section']
 * @example headingIds(['پرسش‌های پایین‌دست', 'The tʰ sound'], 'بخش') // ['پرسش‌های-پایین‌دست', 'the-tʰ-sound']
 */
export function headingIds(texts: readonly string[], fallback: string, reserved: Iterable<string> = []): string[] {
  const all = texts.join('');
  const standIn = STAND_INS.find((c) => !all.includes(c));
  // A page whose headings use every stand-in (none does) keeps rehype-slug's plain ids.
  const shadow: Root = {
    type: 'root',
    children: texts.map((text): Element => ({
      type: 'element',
      tagName: 'h2',
      properties: {},
      children: [{ type: 'text', value: standIn ? text.replaceAll(ZWNJ, standIn) : text }],
    })),
  };
  slugWithRehypeSlug(shadow);
  const slugs = (shadow.children as Element[]).map((h) => {
    const id = String(h.properties.id ?? '');
    return standIn ? id.replaceAll(standIn, ZWNJ) : id;
  });
  // rehype-slug's ids are unique among themselves; only those that are
  // unusable or clash with the page move, to the next id nobody has.
  // rehype-slug numbers repeated empty slugs "-1", "-2": no word in those either.
  const usable = (id: string) => USABLE.test(id.replace(/^-\d+$/, ''));
  const taken = new Set([...reserved, ...slugs.filter(usable)]);
  const reservedSet = new Set(reserved);
  const next = (base: string) => {
    let n = 0;
    let id = base;
    while (taken.has(id)) id = `${base}-${++n}`;
    taken.add(id);
    return id;
  };
  return slugs.map((id) => (!usable(id) ? next(fallback) : reservedSet.has(id) ? next(id) : id));
}

export default function rehypeHeadingIds() {
  return (tree: Root, file: VFile) => {
    const lang = articleLangOf(file);
    const fallback = useTranslations(lang ?? defaultLang)('article.sectionId');
    const existing: string[] = [];
    visit(tree, 'element', (node: Element) => {
      if (typeof node.properties.id === 'string') existing.push(node.properties.id);
    });
    const headings: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (HEADING.test(node.tagName) && typeof node.properties.id !== 'string') headings.push(node);
    });
    const ids = headingIds(headings.map(headingText), fallback, [...PAGE_IDS, ...existing]);
    headings.forEach((node, i) => (node.properties.id = ids[i]));
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

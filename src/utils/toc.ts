/**
 * Which headings an article's table of contents lists.
 */
import type { MarkdownHeading } from 'astro';

/** Fewer sections than this and a reader can see the whole shape at a glance. */
export const MIN_SECTIONS = 2;

/**
 * The article's top-level sections: the body headings at the shallowest
 * level present (usually `<h2>`; the Markdown pipeline already moved `#`
 * headings below the title), without remark-gfm's hidden "Footnotes"
 * heading. Empty when there are fewer than `MIN_SECTIONS`.
 * @param headings `render()`'s headings, in document order
 * @example tocSections([{ depth: 2, slug: 'a', text: 'A' }, { depth: 3, slug: 'b', text: 'B' }, { depth: 2, slug: 'c', text: 'C' }]).map((h) => h.slug) // ['a', 'c']
 */
export function tocSections(headings: readonly MarkdownHeading[]): MarkdownHeading[] {
  const body = headings.filter((h) => h.slug !== 'footnote-label');
  const top = Math.min(...body.map((h) => h.depth));
  const sections = body.filter((h) => h.depth === top);
  return sections.length >= MIN_SECTIONS ? sections : [];
}

/**
 * The article's title is the page's only `<h1>`. Editors (and pieces pasted
 * from other sites) often start body sections with `#`, or with a raw
 * `<h1>`; left alone, each would be a second title, as large as the real
 * one, and outside the table of contents (which lists the body's top
 * sections, `<h2>`).
 *
 * So when the body has an `<h1>`, every body heading moves one level down:
 * `#` becomes `<h2>`, `##` `<h3>` and so on, which keeps the outline's shape
 * (a `##` under a `#` stays under it), capped at `<h6>`. Bodies without an
 * `<h1>` are untouched. remark-gfm's generated footnotes heading
 * (`#footnote-label`) is not the editor's and keeps its level.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const HEADING = /^h([1-6])$/;

/**
 * The level a body heading is shown at.
 * @param level the level written (1 for `#`)
 * @param bodyHasH1 whether any body heading is written at level 1
 * @example shownLevel(1, true) // 2
 * @example shownLevel(6, true) // 6
 * @example shownLevel(3, false) // 3
 */
export function shownLevel(level: number, bodyHasH1: boolean): number {
  return bodyHasH1 ? Math.min(level + 1, 6) : level;
}

export default function rehypeHeadingLevels() {
  return (tree: Root) => {
    const headings: Array<{ node: Element; level: number }> = [];
    visit(tree, 'element', (node: Element) => {
      const level = HEADING.exec(node.tagName)?.[1];
      if (level && node.properties.id !== 'footnote-label') headings.push({ node, level: Number(level) });
    });
    const bodyHasH1 = headings.some((h) => h.level === 1);
    for (const { node, level } of headings) node.tagName = `h${shownLevel(level, bodyHasH1)}`;
  };
}

/**
 * Heading ids from rehype-slug, without losing the Dari zero-width
 * non-joiner (ZWNJ, U+200C).
 *
 * rehype-slug's slugger (github-slugger) deletes the ZWNJ, which silently
 * joins the letters on either side: the id for "پرسش‌های" would read
 * "پرسشهای", a different-looking word. So around rehype-slug we swap each
 * ZWNJ in heading text for a stand-in letter the slugger keeps (and cannot
 * lowercase), then swap it back in both the text and the id. rehype-slug
 * still does all the slugging and de-duplication. Astro's heading collector
 * keeps ids that are already set, so `render()`'s `headings` (and the table
 * of contents) carry exactly these ids.
 */
import type { Element, Root, Text } from 'hast';
import rehypeSlug from 'rehype-slug';
import { visit } from 'unist-util-visit';

const ZWNJ = '\u200c';
/** MODIFIER LETTER SMALL H: a caseless letter github-slugger keeps, and absent from Dari and English prose. */
const STAND_IN = '\u02b0';
const HEADING = /^h[1-6]$/;

function swapText(node: Element, from: string, to: string): void {
  visit(node, 'text', (text: Text) => {
    text.value = text.value.replaceAll(from, to);
  });
}

export default function rehypeHeadingIds() {
  const slug = rehypeSlug();
  return (tree: Root) => {
    const swapped: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || node.properties.id) return;
      swapText(node, ZWNJ, STAND_IN);
      swapped.push(node);
    });
    slug(tree);
    for (const node of swapped) {
      swapText(node, STAND_IN, ZWNJ);
      node.properties.id = String(node.properties.id).replaceAll(STAND_IN, ZWNJ);
    }
  };
}

/**
 * Gives every heading in an article body an id (used by the table of
 * contents and by links to a section). Replaces rehype-slug, whose slugger
 * deletes the zero-width non-joiner in Dari headings; see `utils/slugs.ts`.
 * Astro's own heading collector keeps ids that are already set, so the
 * `headings` that `render()` returns carry exactly these ids.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { headingIds } from '../utils/slugs.ts';

const HEADING = /^h[1-6]$/;

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

export default function rehypeHeadingIds() {
  return (tree: Root) => {
    const idFor = headingIds();
    visit(tree, 'element', (node: Element) => {
      if (!HEADING.test(node.tagName) || node.properties.id) return;
      node.properties.id = idFor(node.children.map(textOf).join(''));
    });
  };
}

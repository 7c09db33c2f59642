/**
 * Keeps hyphenated codes (MiG-29, JF-17, CASA-1000) on one line: each is
 * wrapped in `<span class="nobr">` (white-space: nowrap in global.css).
 * Chromium otherwise breaks after the hyphen, in a narrow table cell or at a
 * line's end on a phone (tests/browser/phone.test.ts). The text itself is
 * not changed (no U+2011), so search and copy see the hyphen as written.
 * Codes inside links that show an address, code and preformatted text are
 * left alone.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { codePieces } from '../utils/typography.ts';

const KEEP = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style', 'svg', 'math', 'template', 'a']);

export default function rehypeKeepCodes() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && KEEP.has((node as Element).tagName)) {
        // A link keeps its codes only where its text is an address (it breaks at slashes by design).
        const el = node as Element;
        if (el.tagName !== 'a' || /^(https?:|www\.)/.test(textOf(el))) return SKIP;
        return;
      }
      if (node.type !== 'text' || !parent || index === undefined) return;
      const pieces = codePieces((node as Text).value);
      if (!pieces.some((p) => p.code)) return;
      const replacement: ElementContent[] = pieces.map((p) =>
        p.code
          ? { type: 'element', tagName: 'span', properties: { className: ['nobr'] }, children: [{ type: 'text', value: p.text }] }
          : { type: 'text', value: p.text },
      );
      parent.children.splice(index, 1, ...replacement);
      return index + replacement.length;
    });
  };
}

function textOf(node: ElementContent): string {
  return node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';
}

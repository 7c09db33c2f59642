/**
 * Direction fixes for article bodies.
 *
 * - Code blocks are always left-to-right; inline code takes the direction of
 *   its own first strong character (`dir="auto"`), so a Latin snippet inside
 *   Dari reads correctly and keeps its punctuation.
 * - In right-to-left articles, runs of Latin text and ASCII numbers
 *   ("AMAN-2013", "42 MW", a URL) are wrapped in `<bdi>` (see `utils/bidi.ts`).
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { isRtl } from '../i18n/locales.ts';
import { articleLangOf } from './article-lang.ts';
import { latinSegments } from '../utils/bidi.ts';

/** Elements whose text is left alone: code, and anything that already isolates itself. */
const KEEP = new Set(['code', 'pre', 'kbd', 'samp', 'bdi', 'bdo', 'script', 'style']);

/**
 * Splits a text into plain text and `<bdi>` runs.
 * @example isolateLatin('در AMAN-2013، تمرین').length // 3 (text, bdi, text)
 */
export function isolateLatin(value: string): ElementContent[] {
  return latinSegments(value).map(({ text, latin }): ElementContent =>
    latin ? { type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: text }] } : { type: 'text', value: text },
  );
}

export default function rehypeBidi() {
  return (tree: Root, file: VFile) => {
    const lang = articleLangOf(file);
    const rtl = lang !== undefined && isRtl(lang);

    visit(tree, 'element', (node: Element, _, parent) => {
      if (node.tagName === 'pre') node.properties.dir = 'ltr';
      if (node.tagName === 'code' && !(parent?.type === 'element' && parent.tagName === 'pre')) {
        node.properties.dir = 'auto';
      }
    });
    if (!rtl) return;

    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && (KEEP.has(node.tagName) || node.properties.dir || node.properties.lang)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined) return;
      const parts = isolateLatin((node as Text).value);
      if (parts.length === 1 && parts[0]!.type === 'text') return;
      parent.children.splice(index, 1, ...(parts as typeof parent.children));
      return index + parts.length;
    });
  };
}

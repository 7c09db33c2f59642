/**
 * Direction fixes for article bodies.
 *
 * - Code blocks are always left-to-right; inline code takes the direction of
 *   its own first strong character (`dir="auto"`), so a Latin snippet inside
 *   Dari reads correctly and keeps its punctuation.
 * - In right-to-left articles, runs of Latin text and ASCII numbers
 *   ("AMAN-2013", "42 MW", a URL) are wrapped in `<bdi>`, so the neutral
 *   characters around them (the Dari comma "،", parentheses, a full stop)
 *   stay where a Dari reader expects them instead of joining the Latin run.
 */
import type { Element, ElementContent, Root, Text } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { locales } from '../i18n/locales.ts';
import { articleLangOf } from './article-lang.ts';

/**
 * A Latin run: words (optionally led by a number) joined by spaces or inner
 * punctuation, ending on a letter or digit; or an ASCII number with its
 * separators. Trailing punctuation is left outside, where it belongs.
 */
export const LATIN_RUN =
  /(?:[0-9][0-9.,]*\s?)?[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F]*(?:[\s.,\-/:&'’+@#%?=]+[\w\u00C0-\u024F]+)*|[0-9]+(?:[.,/:\-][0-9]+)*/g;

/** Elements whose text is left alone: code, and anything that already isolates itself. */
const KEEP = new Set(['code', 'pre', 'kbd', 'samp', 'bdi', 'bdo', 'script', 'style']);

/**
 * Splits a text into plain text and `<bdi>` runs.
 * @example isolateLatin('در AMAN-2013، تمرین').length // 3 (text, bdi, text)
 */
export function isolateLatin(value: string): ElementContent[] {
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(LATIN_RUN)) {
    if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
    out.push({ type: 'element', tagName: 'bdi', properties: {}, children: [{ type: 'text', value: match[0] }] });
    last = match.index + match[0].length;
  }
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

export default function rehypeBidi() {
  return (tree: Root, file: VFile) => {
    const lang = articleLangOf(file);
    const rtl = lang !== undefined && locales[lang].dir === 'rtl';

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

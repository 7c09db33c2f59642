/**
 * Direction fixes for article bodies.
 *
 * - Code blocks are always left-to-right; inline code takes the direction of
 *   its own first strong character (`dir="auto"`), so a Latin snippet inside
 *   Dari reads correctly and keeps its punctuation.
 * - In right-to-left articles, whole left-to-right runs ("C++", "--help", an
 *   English credit line, a URL, "+93 700 123 456") are wrapped in `<bdi>`
 *   (see `utils/bidi.ts`). Runs are found in the text of each block
 *   (paragraph, heading, list item, table cell, caption) read across its
 *   inline elements, so a run that holds a link or emphasis is one run.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { SKIP, visit } from 'unist-util-visit';
import { isRtl } from '../i18n/locales.ts';
import { articleLangOf } from './article-lang.ts';
import { ltrRuns } from '../utils/bidi.ts';

/** Elements whose text is left alone: code, and anything that already isolates itself. */
const KEEP = new Set(['code', 'pre', 'kbd', 'samp', 'bdi', 'bdo', 'script', 'style', 'svg', 'math', 'template']);
/** Inline elements a run reads through: their text is part of the sentence around them. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var',
]);
/** Elements that stand in a sentence as one object (the UBA's U+FFFC). */
const OBJECTS = new Set(['img', 'input', 'button', 'select', 'textarea', 'audio', 'video', 'iframe', 'object', 'embed', 'wbr']);

type Parent = Root | Element;
type Node = RootContent | ElementContent;

const isElement = (node: Node): node is Element => node.type === 'element';
/** An element that sets its own direction or language is isolated already. */
const ownDirection = (node: Element) => Boolean(node.properties.dir || node.properties.lang);
/** remark-gfm's footnote reference (`<sup><a data-footnote-ref>`): a mark of the Dari sentence, like its punctuation. */
const footnoteRef = (node: Element): boolean =>
  node.properties.dataFootnoteRef !== undefined || node.children.some((c) => c.type === 'element' && c.properties.dataFootnoteRef !== undefined);
const readThrough = (node: Node): boolean => isElement(node) && INLINE.has(node.tagName) && !ownDirection(node) && !footnoteRef(node);

/**
 * The text of `node` as the bidirectional algorithm sees it inside a block:
 * inline elements' text, U+FFFC for an object or an isolated inline element,
 * U+061C (a right-to-left mark) for a footnote reference,
 * U+2029 (a paragraph separator, which no run crosses) for a line break or
 * a nested block.
 */
function flatText(node: Node): string {
  if (node.type === 'text') return node.value;
  if (!isElement(node)) return '';
  // The Arabic letter mark (class AL): no run takes the reference in, wherever it stands.
  if (footnoteRef(node)) return '\u061C';
  if (readThrough(node)) return (node.children as Node[]).map(flatText).join('');
  if (OBJECTS.has(node.tagName) || (KEEP.has(node.tagName) && node.tagName !== 'pre') || ownDirection(node)) return '\uFFFC';
  return '\u2029';
}

const bdi = (children: ElementContent[]): Element => ({ type: 'element', tagName: 'bdi', properties: {}, children });

/**
 * Wraps the text at flat offsets `[from, to)` of `parent`'s children in one
 * `<bdi>`, splitting text nodes at the ends. Where a run begins or ends
 * inside an inline element, the part inside it is wrapped within it.
 */
function wrapRange(parent: Parent, from: number, to: number): void {
  const kids = parent.children as Node[];
  const spans: [number, number][] = [];
  let offset = 0;
  for (const kid of kids) spans.push([offset, (offset += flatText(kid).length)]);
  let first = spans.findIndex(([, end]) => end > from);
  let last = spans.findLastIndex(([start]) => start < to);
  if (first < 0 || last < first) return;
  const [firstStart, firstEnd] = spans[first]!;
  const [lastStart, lastEnd] = spans[last]!;
  if (first === last && readThrough(kids[first]!)) return wrapRange(kids[first] as Element, from - firstStart, to - firstStart);
  // A run that ends inside an inline element: the part inside is wrapped
  // there, unless the rest of the element is only punctuation or spaces
  // (an English quotation in italics ending in its full stop): then the
  // whole element goes in, so the run is not cut in two.
  const onlyNeutrals = (node: Node, start: number, end?: number) => !/[\p{L}\p{N}]/u.test(flatText(node).slice(start, end));
  if (last > first && lastEnd > to && readThrough(kids[last]!) && !onlyNeutrals(kids[last]!, to - lastStart)) {
    wrapRange(kids[last] as Element, 0, to - lastStart);
    last--;
  }
  if (last > first && firstStart < from && readThrough(kids[first]!) && !onlyNeutrals(kids[first]!, 0, from - firstStart)) {
    wrapRange(kids[first] as Element, from - firstStart, firstEnd - firstStart);
    first++;
  }
  if (first > last) return;
  const tail = kids[last]!;
  const tailStart = spans[last]![0];
  if (tail.type === 'text' && tailStart + tail.value.length > to) {
    kids.splice(last, 1, { type: 'text', value: tail.value.slice(0, to - tailStart) }, { type: 'text', value: tail.value.slice(to - tailStart) });
  }
  const head = kids[first]!;
  const headStart = spans[first]![0];
  if (head.type === 'text' && headStart < from) {
    kids.splice(first, 1, { type: 'text', value: head.value.slice(0, from - headStart) }, { type: 'text', value: head.value.slice(from - headStart) });
    first++;
    last++;
  }
  kids.splice(first, last - first + 1, bdi(kids.slice(first, last + 1) as ElementContent[]));
}

/**
 * Isolates the left-to-right runs in the inline content of one block.
 * Runs are wrapped from the last to the first, so the offsets of those
 * still to come do not move (a `<bdi>` reads as one object afterwards).
 */
export function isolateRuns(block: Parent): void {
  const text = (block.children as Node[]).map(flatText).join('');
  for (const { start, end } of ltrRuns(text).reverse()) wrapRange(block, start, end);
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

    // Every block (the root, paragraphs, headings, list items, cells,
    // captions, …) reads its own inline content; nested blocks get their turn.
    isolateRuns(tree);
    visit(tree, 'element', (node: Element) => {
      if (KEEP.has(node.tagName) || ownDirection(node)) return SKIP;
      if (!INLINE.has(node.tagName) && !OBJECTS.has(node.tagName)) isolateRuns(node);
    });
  };
}

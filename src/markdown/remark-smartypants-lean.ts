/**
 * SmartyPants typography (“curly quotes”, em dashes, ellipses) with the same
 * output as Astro's default `remark-smartypants` (except that a link showing
 * its own address keeps it as written), at a fraction of the cost.
 * That plugin runs retext's full natural-language parser over the whole text
 * of the article, then once more over every single text node; nearly all of
 * that work finds nothing to change. Here the first pass runs only when there
 * is a straight quote to educate, and the second only on the text nodes that
 * hold two dashes, dots or backticks/apostrophes in a row. Text passes through
 * retext unchanged otherwise, so skipping those calls cannot change output.
 *
 * The approach (concatenate the text of the document so quotes pair across
 * links and emphasis, a synthetic space at each block start) follows
 * remark-smartypants 3.
 *
 * The quotation marks are the article language's (`quotes` in the registry:
 * “…” in English, „…“ in German, « … » in French). A mark written with a
 * space inside it (French « and » take a narrow no-break space) is placed as
 * the bare mark first, because the text is cut back into nodes by length,
 * and its space added node by node afterwards. retext-smartypants writes an
 * apostrophe as the closing single quote; where a language's closing single
 * quote is not ’ (German ‚…‘), an apostrophe between letters becomes ’.
 */
import type { Link, Root } from 'mdast';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import type { Node, Parent } from 'unist';
import { visit } from 'unist-util-visit';
import { isAddressLink } from './remark-autolinks.ts';

/** Parents whose text starts afresh: a quote at their start always opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
const VISITED = new Set(['text', 'inlineCode', ...BLOCKS]);
/** What the second pass (dashes, ellipses, backticks) can rewrite. */
const SECOND_PASS = /--|\.\s*\.|``|''/;

type Literal = Node & { value: string };
const isLiteral = (node: Node): node is Literal => typeof (node as Partial<Literal>).value === 'string';

/** A language's quotation marks: `double` and `single`, each `[opening, closing]`. */
export interface QuoteMarks {
  readonly double: readonly [string, string];
  readonly single: readonly [string, string];
}

export interface SmartypantsOptions {
  /** The article language's marks (the registry's `quotes`); English ones by default. */
  readonly quotes?: QuoteMarks;
}

const ENGLISH: QuoteMarks = { double: ['“', '”'], single: ['‘', '’'] };
const APOSTROPHE = '’';

export default function remarkSmartypantsLean({ quotes: marks = ENGLISH }: SmartypantsOptions = {}) {
  // The bare marks (one character each) for the length-preserving passes.
  const bare = (mark: string) => mark.trim();
  const openingQuotes = { double: bare(marks.double[0]), single: bare(marks.single[0]) };
  const closingQuotes = { double: bare(marks.double[1]), single: bare(marks.single[1]) };
  // Quotes first, on the whole text; dashes, ellipses and backticks change
  // string lengths, so they run afterwards, node by node.
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false, openingQuotes, closingQuotes });
  const rest = retext().use(smartypants, { quotes: false, openingQuotes, closingQuotes });
  const apostrophes = closingQuotes.single === APOSTROPHE ? undefined : new RegExp(`(?<=\\p{L})${escape(closingQuotes.single)}(?=\\p{L})`, 'gu');
  // Marks written with their own spacing (French « »): the bare mark with
  // whatever space the editor typed on its inner side becomes the full mark.
  const spaced = [
    ...[marks.double[0], marks.single[0]].map((m) => ({ m, re: `${escape(bare(m))}[ \\u00A0\\u202F]?` })),
    ...[marks.double[1], marks.single[1]].map((m) => ({ m, re: `[ \\u00A0\\u202F]?${escape(bare(m))}` })),
  ].filter(({ m }) => m !== bare(m));
  const spacing = spaced.length > 0 ? new RegExp(spaced.map(({ re }) => `(${re})`).join('|'), 'g') : undefined;
  const full = (match: string, ...groups: (string | undefined)[]) => spaced[groups.findIndex((g) => g !== undefined)]?.m ?? match;
  return (tree: Root) => {
    const nodes: Node[] = [];
    let text = '';
    // The text of a link that shows its own address ("https://x.org/a--b")
    // is an address, not prose: like code, it is left exactly as written.
    const addresses = new Set<Node>();
    visit(tree, (node: Node, _index: number | undefined, parent: Parent | undefined) => {
      if (node.type === 'link' && isAddressLink(node as Link)) addresses.add((node as Link).children[0]!);
      if (!parent || !VISITED.has(node.type) || !(isLiteral(node) || BLOCKS.has(node.type))) return;
      if (isLiteral(node)) text += node.type === 'text' && !addresses.has(node) ? node.value : 'A'.repeat(node.value.length);
      else text += ' ';
      nodes.push(node);
    });
    if (/["']/.test(text)) {
      text = quotes.processSync(text).toString();
      if (apostrophes) text = text.replace(apostrophes, APOSTROPHE);
    }
    let at = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        at += 1;
        continue;
      }
      const end = at + node.value.length;
      if (node.type === 'text' && !addresses.has(node)) {
        const value = text.slice(at, end);
        const typeset = SECOND_PASS.test(value) ? rest.processSync(value).toString() : value;
        node.value = spacing ? typeset.replace(spacing, full) : typeset;
      }
      at = end;
    }
  };
}

/** A character as a literal in a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

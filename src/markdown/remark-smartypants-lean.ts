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

export default function remarkSmartypantsLean() {
  // Quotes first, on the whole text; dashes, ellipses and backticks change
  // string lengths, so they run afterwards, node by node.
  const quotes = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { quotes: false });
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
    if (/["']/.test(text)) text = quotes.processSync(text).toString();
    let at = 0;
    for (const node of nodes) {
      if (!isLiteral(node)) {
        at += 1;
        continue;
      }
      const end = at + node.value.length;
      if (node.type === 'text' && !addresses.has(node)) {
        const value = text.slice(at, end);
        node.value = SECOND_PASS.test(value) ? rest.processSync(value).toString() : value;
      }
      at = end;
    }
  };
}

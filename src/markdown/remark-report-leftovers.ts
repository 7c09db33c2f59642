/**
 * Warns about markup from other site generators that this site does not
 * read, and would therefore print to readers as literal text: Kramdown
 * attribute lists and extensions (`{: .center}`, `{:toc}`, `{::options …/}`),
 * Pandoc/Kramdown heading attributes (`{#id .class}`), Liquid tags and
 * output (`{% include … %}`, `{{ page.title }}`, as in Jekyll) and Hugo
 * shortcodes (`{{< figure … >}}`, `{{% note %}}`). Articles moved from a
 * Jekyll or Hugo site carry them by the dozen.
 *
 * It reads the file's own text of every block that readers see as prose
 * (paragraphs, headings, table cells, link definitions, raw HTML), with
 * inline code blanked out: code is where such markup is meant to be shown.
 * Each finding is a warning on the VFile (`ruleId: 'generator-leftover'`),
 * which `npm run check` and every build print with file and line.
 */
import type { Nodes, Root } from 'mdast';
import type { VFile } from 'vfile';

interface Leftover {
  readonly pattern: RegExp;
  /** What it is and what to do, given the text found. */
  readonly say: (found: string) => string;
}

const LEFTOVERS: readonly Leftover[] = [
  {
    pattern: /\{:\s*toc\s*\}/gi,
    say: () => 'Kramdown\'s "{:toc}" is not read here, so readers would see it as text (this site builds the contents from the headings itself); delete it, and the "* TOC" list item above it',
  },
  {
    pattern: /\{::?[^{}\n]*\}/g,
    say: (found) => `"${found}" is a Kramdown attribute list or extension, which this site does not read, so readers would see it as text; delete it`,
  },
  {
    pattern: /\{[#.][\p{L}\p{N}_-][^{}\n]*\}/gu,
    say: (found) => `"${found}" looks like a Kramdown or Pandoc attribute (heading id or class), which this site does not read, so readers would see it as text; delete it (headings get their ids automatically)`,
  },
  {
    pattern: /\{\{[<%][\s\S]{0,300}?[>%]\}\}/g,
    say: (found) => `"${found}" is a Hugo shortcode, which this site does not run, so readers would see it as text; delete it, or write out what it stood for`,
  },
  {
    pattern: /\{%-?[\s\S]{0,300}?-?%\}/g,
    say: (found) => `"${found}" is a Liquid tag (Jekyll), which this site does not run, so readers would see it as text; delete it, or write out what it stood for (an include, an image, a link)`,
  },
  {
    pattern: /\{\{[^<%][\s\S]{0,300}?\}\}/g,
    say: (found) => `"${found}" is a Liquid or Hugo variable, which this site does not fill in, so readers would see it as text; write out the text or address it stood for`,
  },
];

/** Blocks whose text readers see (a paragraph inside a list item is visited itself). */
const PROSE = new Set(['paragraph', 'heading', 'tableCell', 'definition', 'html']);

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 40)} … ${flat.slice(-12)}` : flat;
}

/**
 * @example unified().use(remarkParse).use(remarkReportLeftovers) // warns "{: .center}" on its line
 */
export default function remarkReportLeftovers() {
  return (tree: Root, file: VFile) => {
    const text = String(file.value ?? '');
    const lineAt = (offset: number) => (text.slice(0, offset).match(/\n/g)?.length ?? 0) + 1;
    const visit = (node: Nodes, inProse: boolean) => {
      if (!inProse && PROSE.has(node.type) && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
        const start = node.position.start.offset;
        let own = text.slice(start, node.position.end.offset);
        // Blank inline code, keeping offsets.
        const blank = (n: Nodes) => {
          if (n.type === 'inlineCode' && n.position?.start.offset !== undefined && n.position.end.offset !== undefined) {
            const a = n.position.start.offset - start;
            const b = n.position.end.offset - start;
            own = own.slice(0, a) + ' '.repeat(b - a) + own.slice(b);
          }
          if ('children' in n) for (const c of n.children) blank(c as Nodes);
        };
        blank(node);
        const taken: [number, number][] = [];
        for (const { pattern, say } of LEFTOVERS) {
          for (const match of own.matchAll(pattern)) {
            const from = match.index;
            const to = from + match[0].length;
            // One warning per piece of text, from the most specific pattern.
            if (taken.some(([a, b]) => from < b && to > a)) continue;
            taken.push([from, to]);
            const line = lineAt(start + from);
            file.message(say(shorten(match[0])), { place: { line, column: 1 }, ruleId: 'generator-leftover', source: 'aa' });
          }
        }
        inProse = true;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes, inProse);
    };
    visit(tree, false);
  };
}

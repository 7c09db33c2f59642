/**
 * Reports, on the VFile, what the sanitizer is about to remove, and raw HTML
 * that would swallow the rest of the article. It changes nothing itself: the
 * removing is left to rehype-sanitize, so this file can only ever make the
 * check louder, never the site less safe.
 *
 * Two plugins, following the project's convention for Markdown diagnostics
 * (`file.message(reason, { place, ruleId, source: 'aa' })`, `fatal = true`
 * for an error); `npm run check` and every build print the messages with the
 * file and the line, counted from the top of the file:
 *
 * - `rehypeReportUnclosedComments`, before rehype-raw: an HTML comment
 *   (`<!--`) never closed in its block hides the rest of that block, which
 *   for a comment that starts a block is the rest of the article. The HTML
 *   parser drops such a comment without a trace, so it is found here, on the
 *   raw HTML the Markdown parser left.
 * - the default export, after rehype-raw and just before rehype-sanitize,
 *   with the same schema: each element, attribute or comment the sanitizer
 *   drops is a warning; an element it removes *with its content* (`<style>`,
 *   `<script>`, `<textarea>`, `<title>`, `<form>`, `<iframe>`…) whose end
 *   tag never comes is an error, because the HTML parser puts everything
 *   after it inside it, and so everything after it would vanish.
 */
import { sanitize, type Schema } from 'hast-util-sanitize';
import { htmlVoidElements } from 'html-void-elements';
import type { Element, Nodes, Root } from 'hast';
import type { Point, Position } from 'unist';
import type { VFile } from 'vfile';

export interface ReportUnsafeOptions {
  readonly schema: Schema;
}

const SOURCE = 'aa';
const VOID = new Set(htmlVoidElements);
/** Elements that can close themselves with `/>` (SVG and MathML, "foreign" to HTML). */
const FOREIGN = new Set(['svg', 'math']);

/** Line starts of the file, to turn a parser's line and column back into an offset. */
function sourceOf(file: VFile): { text: string; offset(point: Point): number; lastLine: number } {
  const text = String(file.value ?? '');
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lastLine = text.trimEnd().split('\n').length;
  return { text, offset: (p) => p.offset ?? (starts[p.line - 1] ?? text.length) + p.column - 1, lastLine };
}

function lines(position: Position | undefined): string {
  if (!position || position.end.line === position.start.line) return '';
  return ` (lines ${position.start.line}–${position.end.line})`;
}

/** `line 14`, `lines 14–20` or `lines 14–20, the rest of the article`. */
function span(start: number, end: number, lastLine: number): string {
  const upTo = Math.min(end, lastLine);
  const range = upTo <= start ? `line ${start}` : `lines ${start}–${upTo}`;
  return end >= lastLine ? `${range}, the rest of the article` : range;
}

/**
 * Warns about each element, attribute or comment the sanitizer will drop;
 * an error for a removed-with-content element whose end tag never comes.
 * @example unified().use(rehypeRaw).use(rehypeReportUnsafe, { schema }).use(rehypeSanitize, schema)
 */
export default function rehypeReportUnsafe({ schema }: ReportUnsafeOptions) {
  const allowed = new Set(schema.tagNames ?? []);
  const strip = new Set(schema.strip ?? []);
  return (tree: Root, file: VFile) => {
    const source = sourceOf(file);
    const warn = (node: Nodes, reason: string, ruleId: string) => {
      file.message(reason, { place: node.position, ruleId, source: SOURCE });
    };
    /** The element's own text in the file ends with its end tag (or `/>` for SVG and MathML). */
    const closed = (node: Element): boolean => {
      const { position } = node;
      if (!position) return true;
      const own = source.text.slice(source.offset(position.start), source.offset(position.end));
      return new RegExp(`</${node.tagName}\\s*>$`, 'i').test(own) || (FOREIGN.has(node.tagName) && /\/>$/.test(own));
    };
    const swallows = (node: Element, reason: (range: string) => string) => {
      const start = node.position?.start.line ?? 0;
      const range = span(start, lastLineIn(node) ?? source.lastLine, source.lastLine);
      const message = file.message(reason(range), { place: node.position, ruleId: 'unclosed-raw-html', source: SOURCE });
      message.fatal = true;
    };
    const walk = (node: Nodes, ancestors: readonly string[]) => {
      if (node.type === 'comment') {
        if (!schema.allowComments) warn(node, 'removed an HTML comment', 'removed-comment');
        return;
      }
      // `raw` (unparsed HTML) is not a hast node type, but remark-rehype makes them.
      if ((node.type as string) === 'raw') {
        const value = (node as unknown as { value: string }).value;
        warn(node, `removed raw HTML that was not parsed: ${JSON.stringify(value.slice(0, 40))}`, 'removed-raw-html');
        return;
      }
      if (node.type !== 'element' && node.type !== 'root') return;
      let inside = ancestors;
      if (node.type === 'element') {
        const tag = node.tagName;
        const needs = schema.ancestors?.[tag];
        if (tag === 'plaintext') {
          // Nothing ends <plaintext>: the parser reads the rest of the file as text.
          swallows(node, (range) => `<plaintext> can never be closed: everything after it (${range}) would lose its formatting and links; delete the <plaintext> tag`);
          return;
        }
        if (strip.has(tag)) {
          if (!VOID.has(tag) && !closed(node)) {
            swallows(node, (range) => `<${tag}> is never closed, so everything after it (${range}) would be removed with it; add </${tag}> where it should end, or delete the <${tag}> tag (to show it as text, write it in backticks: \`<${tag}>\`)`);
          } else {
            warn(node, `removed <${tag}> and its content${lines(node.position)}`, 'removed-element');
          }
          return;
        }
        if (!allowed.has(tag) || (needs && !needs.some((a) => ancestors.includes(a)))) {
          warn(node, `removed <${tag}> (its text is kept)`, 'removed-tag');
        } else {
          for (const attribute of removedAttributes(node, schema)) warn(node, `removed ${attribute} from <${tag}>`, 'removed-attribute');
          inside = [...ancestors, tag];
        }
      }
      for (const child of node.children) walk(child, inside);
    };
    walk(tree, []);
  };
}

/**
 * Errors for HTML comments never closed within their block of raw HTML.
 * Runs before rehype-raw, on the `raw` nodes remark-rehype leaves: the HTML
 * parser later drops an unclosed comment, and everything after it in the
 * block, without a trace. A block that starts with `<!--` runs, in Markdown,
 * until a line with `-->`: unclosed, it is the rest of the article.
 * @example unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeReportUnclosedComments).use(rehypeRaw)
 */
export function rehypeReportUnclosedComments() {
  return (tree: Root, file: VFile) => {
    const source = sourceOf(file);
    const visit = (node: Nodes) => {
      if ((node.type as string) === 'raw' && node.position) {
        const value = (node as unknown as { value: string }).value;
        for (let open = value.indexOf('<!--'); open >= 0; ) {
          // `<!-->` and `<!--->` are empty comments, closed at once.
          const empty = /^<!---?>/.test(value.slice(open, open + 6));
          const close = empty ? open : value.indexOf('-->', open + 4);
          if (close < 0) {
            const line = node.position.start.line + (value.slice(0, open).match(/\n/g)?.length ?? 0);
            const range = span(line, node.position.end.line, source.lastLine);
            const message = file.message(
              `an HTML comment (<!--) is never closed, so everything after it (${range}) would be hidden from readers; add --> where the comment should end, or delete the <!--`,
              { place: { line, column: 1 }, ruleId: 'unclosed-raw-html', source: SOURCE },
            );
            message.fatal = true;
            break;
          }
          open = value.indexOf('<!--', close + 3);
        }
        return;
      }
      if ('children' in node) for (const child of node.children) visit(child as Nodes);
    };
    visit(tree);
  };
}

/** The last line an element's content reaches (a `<template>` keeps its content aside, in `content`). */
function lastLineIn(node: Nodes): number | undefined {
  let last = node.position?.end.line;
  const children = [...('children' in node ? node.children : []), ...((node as { content?: Root }).content?.children ?? [])];
  for (const child of children) {
    const line = lastLineIn(child as Nodes);
    if (line !== undefined && (last === undefined || line > last)) last = line;
  }
  return last;
}

/** Attributes the schema drops from this element, as `name="value"`. */
function removedAttributes(element: Element, schema: Schema): string[] {
  const shallow: Element = { type: 'element', tagName: element.tagName, properties: element.properties, children: [] };
  // Satisfy ancestor rules (a <td> needs a <table>) so only attributes are judged.
  const wrapped: Root = { type: 'root', children: [wrapInAncestors(shallow, schema)] };
  const cleaned = find(sanitize(wrapped, schema), element.tagName);
  const kept = cleaned?.properties ?? {};
  const removed: string[] = [];
  for (const [key, value] of Object.entries(element.properties ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (JSON.stringify(kept[key]) === JSON.stringify(value)) continue;
    const shown = Array.isArray(value) ? value.join(' ') : String(value);
    removed.push(`${attributeName(key)}="${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}"`);
  }
  return removed;
}

function wrapInAncestors(element: Element, schema: Schema): Element {
  const needs = schema.ancestors?.[element.tagName];
  if (!needs?.[0]) return element;
  return { type: 'element', tagName: needs[0], properties: {}, children: [element] };
}

function find(node: Nodes, tagName: string): Element | undefined {
  if (node.type === 'element' && node.tagName === tagName) return node;
  if (node.type !== 'element' && node.type !== 'root') return undefined;
  for (const child of node.children) {
    const hit = find(child, tagName);
    if (hit) return hit;
  }
  return undefined;
}

/** hast property names back to HTML: `onClick` → `onclick`, `className` → `class`. */
function attributeName(key: string): string {
  if (key === 'className') return 'class';
  if (key === 'htmlFor') return 'for';
  if (/^data[A-Z]/.test(key)) return `data-${key.slice(4).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, '')}`;
  if (/^aria[A-Z]/.test(key)) return `aria-${key.slice(4).toLowerCase()}`;
  return key.toLowerCase();
}

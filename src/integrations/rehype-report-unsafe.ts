/**
 * A rehype plugin that runs just before rehype-sanitize, with the same
 * schema, and reports each element, attribute or comment the sanitizer is
 * about to remove, naming the file and line. It changes nothing itself: the
 * removing is left to rehype-sanitize, so this file can only ever make the
 * build louder, never less safe.
 */
import path from 'node:path';
import { sanitize, type Schema } from 'hast-util-sanitize';
import type { Element, Nodes, Root } from 'hast';
import type { VFile } from 'vfile';

export interface ReportUnsafeOptions {
  readonly schema: Schema;
  /** Where warnings go; the build terminal by default. */
  readonly report?: (message: string) => void;
}

/** `content/articles/en/x.md: body: line 12: removed <script> and its content` */
export default function rehypeReportUnsafe({ schema, report = (m) => console.warn(`[sanitize] ${m}`) }: ReportUnsafeOptions) {
  const allowed = new Set(schema.tagNames ?? []);
  const strip = new Set(schema.strip ?? []);
  return (tree: Root, file: VFile) => {
    const where = file.path ? path.relative(process.cwd(), file.path).split(path.sep).join('/') : '(markdown)';
    const say = (node: Nodes, what: string) => {
      const line = node.position?.start.line;
      report(`${where}: body: ${line ? `line ${line}: ` : ''}removed ${what}`);
    };
    const walk = (node: Nodes, ancestors: readonly string[]) => {
      if (node.type === 'comment') {
        if (!schema.allowComments) say(node, 'an HTML comment');
        return;
      }
      // `raw` (unparsed HTML) is not a hast node type, but remark-rehype makes them.
      if ((node.type as string) === 'raw') {
        const value = (node as unknown as { value: string }).value;
        say(node, `raw HTML that was not parsed: ${JSON.stringify(value.slice(0, 40))}`);
        return;
      }
      if (node.type !== 'element' && node.type !== 'root') return;
      let inside = ancestors;
      if (node.type === 'element') {
        const tag = node.tagName;
        const needs = schema.ancestors?.[tag];
        if (strip.has(tag)) {
          say(node, `<${tag}> and its content`);
          return;
        }
        if (!allowed.has(tag) || (needs && !needs.some((a) => ancestors.includes(a)))) {
          say(node, `<${tag}> (its text is kept)`);
        } else {
          for (const attribute of removedAttributes(node, schema)) say(node, `${attribute} from <${tag}>`);
          inside = [...ancestors, tag];
        }
      }
      for (const child of node.children) walk(child, inside);
    };
    walk(tree, []);
  };
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

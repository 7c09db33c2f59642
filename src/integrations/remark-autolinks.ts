/**
 * Link addresses as Dari editors type them.
 *
 * - GFM autolinks (`https://…`, `www.…`, e-mail addresses written bare) end
 *   before trailing punctuation, but GFM only knows ASCII punctuation: in
 *   "…در https://example.org/report، ببینید" the Dari comma became part of
 *   the address (`report%D8%8C`, a broken link). Here a bare address also
 *   ends before trailing non-ASCII punctuation (، ؛ ؟ « » ٫ ٬ ۔ … —) and
 *   invisible format characters, and before a closing bracket or quotation
 *   mark that the address itself did not open, as GFM does with `)`.
 * - An invisible character (ZWNJ, a bidi mark) typed just before or after an
 *   address no longer breaks it: `[متن](‌https://…)` lost its link to the
 *   sanitizer (the address no longer started with `https:`);
 *   `<‌https://…>` showed its angle brackets and linked to `…%3E`;
 *   `‌www.…` was not linked at all.
 *
 * Addresses written in full (`[text](url)`, `<url>`) keep everything between
 * their delimiters except those invisible characters at the ends.
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Invisible format characters (Unicode Cf) and whitespace at either end of an address. */
const EDGE_INVISIBLE = /^[\p{Cf}\s]+|[\p{Cf}\s]+$/gu;
/** ASCII characters GFM already drops from the end of a bare address. */
const GFM_TRAIL = new Set('!"&\'),.:;<>?]}');
const NON_ASCII_TRAIL = /^[\p{P}\p{Cf}]$/u;
/** Closing brackets and quotation marks, with the opener that balances each. */
const OPENER_OF: Readonly<Record<string, string>> = {
  ')': '(', ']': '[', '}': '{', '»': '«', '›': '‹', '”': '“', '’': '‘', '）': '（', '］': '［', '｝': '｛', '〉': '〈', '》': '《', '」': '「', '』': '『', '】': '【', '﴿': '﴾',
};

const [findAutolinks] = gfmAutolinkLiteralFromMarkdown().transforms!;

const count = (text: string, c: string) => text.split(c).length - 1;

/**
 * How many characters at the end of a bare address are punctuation around
 * it rather than part of it.
 * @example trailingPunctuation('https://example.org/report،') // 1
 * @example trailingPunctuation('https://fa.wikipedia.org/wiki/«آ»') // 0 (the » closes a « inside)
 */
export function trailingPunctuation(address: string): number {
  let end = address.length;
  while (end > 0) {
    const c = address[end - 1]!;
    if (!GFM_TRAIL.has(c) && !(c.charCodeAt(0) > 127 && NON_ASCII_TRAIL.test(c))) break;
    const opener = OPENER_OF[c];
    if (opener && count(address.slice(0, end - 1), opener) > count(address.slice(0, end - 1), c)) break;
    end--;
  }
  return address.length - end;
}

/**
 * Whether a link shows its own address as its text: a GFM autolink, an
 * `<…>` autolink, or `[url](url)`. Its text is an address, not prose.
 * @example isAddressLink({ type: 'link', url: 'http://www.x.org', children: [{ type: 'text', value: 'www.x.org' }] }) // true
 */
export function isAddressLink(link: Link): boolean {
  const [child] = link.children;
  if (link.children.length !== 1 || child?.type !== 'text') return false;
  return link.url === child.value || link.url === `http://${child.value}` || link.url === `mailto:${child.value}`;
}

/** A bare address (no `<`, no `[`): GFM found it in running text. */
function isBare(link: Link, source: string): boolean {
  const start = link.position?.start.offset;
  return isAddressLink(link) && (start === undefined || (source[start] !== '<' && source[start] !== '['));
}

function shift(node: Nodes, end: 'start' | 'end', by: number): void {
  const point = node.position?.[end];
  if (point?.offset === undefined) return;
  point.offset += by;
  point.column += by;
}

/** Moves `value` out of the end of `link` into the text that follows it. */
function moveOutOfLink(parent: Parent, index: number, link: Link, value: string): void {
  const text = link.children[0] as Text;
  text.value = text.value.slice(0, -value.length);
  link.url = link.url.slice(0, -value.length);
  shift(text, 'end', -value.length);
  shift(link, 'end', -value.length);
  const next = parent.children[index + 1];
  if (next?.type === 'text') {
    next.value = value + next.value;
    shift(next, 'start', -value.length);
    return;
  }
  const end = link.position?.end;
  const moved: Text = { type: 'text', value };
  if (end?.offset !== undefined) moved.position = { start: { ...end }, end: { ...end, offset: end.offset + value.length, column: end.column + value.length } };
  parent.children.splice(index + 1, 0, moved as PhrasingContent);
}

/** `‌www.example.org`: GFM links `www.` only after a space or punctuation. */
function linkAfterInvisible(tree: Root): void {
  visit(tree, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined || parent.type === 'link' || parent.type === 'linkReference') return;
    const parts = node.value.split(/(?<=\p{Cf})(?=www\.)/u);
    if (parts.length === 1) return;
    // Each part now starts at the address, where GFM's rule lets it link.
    const holder: Root = { type: 'root', children: [{ type: 'paragraph', children: parts.map((value): Text => ({ type: 'text', value })) }] };
    findAutolinks!(holder);
    const found = (holder.children[0] as Parent).children as PhrasingContent[];
    parent.children.splice(index, 1, ...found);
    return [SKIP, index + found.length];
  });
}

/** `<‌https://…>`: the stray character kept `<…>` from being an autolink; GFM linked the address alone. */
function joinAngleBrackets(parent: Parent, index: number): void {
  const before = parent.children[index - 1];
  const after = parent.children[index + 1];
  if (before?.type !== 'text' || after?.type !== 'text') return;
  const open = /<[\p{Cf}\s]*$/u.exec(before.value);
  if (!open || !after.value.startsWith('>')) return;
  before.value = before.value.slice(0, open.index);
  shift(before, 'end', -open[0].length);
  after.value = after.value.slice(1);
  shift(after, 'start', 1);
}

export default function remarkAutolinks() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    linkAfterInvisible(tree);
    visit(tree, 'link', (link: Link, index, parent) => {
      if (!parent || index === undefined || !isBare(link, source)) return;
      const text = (link.children[0] as Text).value;
      const trailing = trailingPunctuation(text);
      if (trailing > 0 && trailing < text.length) moveOutOfLink(parent, index, link, text.slice(-trailing));
      joinAngleBrackets(parent, index);
      return SKIP;
    });
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') node.url = node.url.replace(EDGE_INVISIBLE, '');
    });
  };
}

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
 *
 * The end of a bare address is decided while the text is parsed, as GFM
 * decides it (so `**https://example.org/a**،` is a bold link, as
 * `**https://example.org/a**,` is): GFM's own address constructs run with a
 * trail rule that also knows non-ASCII punctuation. Links that GFM's second,
 * tree-level address finder makes are trimmed the same way afterwards.
 */
import type { Link, Nodes, Parent, PhrasingContent, Root, Text } from 'mdast';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { markdownLineEndingOrSpace, unicodeWhitespace } from 'micromark-util-character';
import type { Code, Construct, Effects, Extension, State } from 'micromark-util-types';
import type { Processor } from 'unified';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/** Invisible format characters (Unicode Cf) and whitespace at either end of an address. */
const EDGE_INVISIBLE = /^[\p{Cf}\s]+|[\p{Cf}\s]+$/gu;
/** ASCII characters GFM's tree-level address finder drops from the end of an address (its `splitUrl`). */
const GFM_TRAIL = new Set('!"&\'),.:;<>?]}');
const NON_ASCII_TRAIL = /^[\p{P}\p{Cf}]$/u;
/** Closing brackets and quotation marks, with the opener that balances each. */
const OPENER_OF: Readonly<Record<string, string>> = {
  ')': '(', ']': '[', '}': '{', '»': '«', '›': '‹', '”': '“', '’': '‘', '）': '（', '］': '［', '｝': '｛', '〉': '〈', '》': '《', '」': '「', '』': '『', '】': '【', '﴿': '﴾',
};

const [findAutolinks] = gfmAutolinkLiteralFromMarkdown().transforms!;

const count = (text: string, c: string) => text.split(c).length - 1;

/** Trailing punctuation GFM's own trail rule knows: ! " ' ) * , . : ; ? _ ~ */
const ASCII_TRAIL = new Set([33, 34, 39, 41, 42, 44, 46, 58, 59, 63, 95, 126]);
const CLOSERS = new Map(Object.entries(OPENER_OF).map(([close, open]) => [close.charCodeAt(0), open.charCodeAt(0)]));
/** Non-ASCII punctuation or an invisible format character: what GFM's trail rule leaves out. */
const isWiderTrail = (code: Code): boolean => code !== null && code > 127 && NON_ASCII_TRAIL.test(String.fromCharCode(code));

/**
 * GFM's trail (micromark-extension-gfm-autolink-literal's `tokenizeTrail`),
 * with non-ASCII punctuation and format characters added: succeeds when the
 * punctuation from here on is followed by the end of the address (a space,
 * a line ending, `<`, the end of the text).
 */
const trail: Construct = {
  partial: true,
  tokenize(effects, ok, nok) {
    const inTrail: State = (code) => {
      if (code !== null && (ASCII_TRAIL.has(code) || isWiderTrail(code))) {
        effects.consume(code);
        return inTrail;
      }
      // `&name;` counts as punctuation; a `]` not followed by `(` or `[` too.
      if (code === 38) {
        effects.consume(code);
        return reference;
      }
      if (code === 93) {
        effects.consume(code);
        return afterBracket;
      }
      return code === 60 || code === null || markdownLineEndingOrSpace(code) || unicodeWhitespace(code) ? ok(code) : nok(code);
    };
    const afterBracket: State = (code) => (code === null || code === 40 || code === 91 || markdownLineEndingOrSpace(code) || unicodeWhitespace(code) ? ok(code) : inTrail(code));
    const reference: State = (code) => (code !== null && /[A-Za-z]/.test(String.fromCharCode(code)) ? referenceName(code) : nok(code));
    const referenceName: State = (code) => {
      if (code === 59) {
        effects.consume(code);
        return inTrail;
      }
      if (code !== null && /[A-Za-z]/.test(String.fromCharCode(code))) {
        effects.consume(code);
        return referenceName;
      }
      return nok(code);
    };
    return inTrail;
  },
};

/**
 * GFM's address path, ending before wider trailing punctuation too: GFM's
 * own path tokenizer runs, its trail checks use `trail` above, and before a
 * non-ASCII punctuation mark it asks `trail` whether the address ends there.
 * A non-ASCII closing bracket or quotation mark ends it unless the address
 * opened it.
 */
function widerPath(path: Construct): Construct {
  return {
    ...path,
    tokenize(effects, ok, nok) {
      let done = false;
      // While GFM's path waits on a trail check, the states are the check's.
      let checking = false;
      const opened = new Map<number, number>();
      const finish: State = (code) => {
        done = true;
        return ok(code);
      };
      const step = (state: State, code: Code): State => {
        if (code !== null && !checking) opened.set(code, (opened.get(code) ?? 0) + 1);
        const next = state(code);
        return done || next === undefined ? (next as State) : watch(next);
      };
      const watch =
        (state: State): State =>
        (code) => {
          if (done) return state(code);
          if (checking || !isWiderTrail(code)) return step(state, code);
          const opener = CLOSERS.get(code!);
          if (opener !== undefined) {
            if ((opened.get(opener) ?? 0) > (opened.get(code!) ?? 0)) return step(state, code);
            // A closing guillemet or quotation mark the address did not open
            // is never part of it, whatever follows (»**‌ها).
            return finish(code);
          }
          return effects.check(trail, finish, (same) => step(state, same))(code);
        };
      const resolved =
        (then: State): State =>
        (code) => {
          checking = false;
          return then(code);
        };
      const checkingWider: Effects = {
        ...effects,
        check: (_gfmTrail, found, notFound) => {
          checking = true;
          return effects.check(trail, resolved(found), resolved(notFound!));
        },
      };
      return watch(path.tokenize.call(this, checkingWider, finish, nok));
    },
  };
}

/** A GFM address construct whose path is `widerPath`. */
function withWiderPath(construct: Construct): Construct {
  return {
    ...construct,
    tokenize(effects, ok, nok) {
      const attempting: Effects = {
        ...effects,
        // The address constructs attempt GFM's (unexported) domain, then its path.
        attempt: (inner, found, notFound) => effects.attempt((inner as Construct).tokenize?.name === 'tokenizePath' ? widerPath(inner as Construct) : inner, found, notFound),
      };
      return construct.tokenize.call(this, attempting, ok, nok);
    },
  };
}

/**
 * GFM's constructs at `h` and `w` (an e-mail address first, as GFM tries
 * them), with the web-address one given `widerPath`; tried before GFM's own.
 */
const gfmAddresses = gfmAutolinkLiteral().text!;
const wider = (code: number) => ([gfmAddresses[code]].flat() as Construct[]).map((c) => (c.name === 'emailAutolink' ? c : withWiderPath(c)));
const syntax: Extension = {
  text: { 72: wider(72), 104: wider(104), 87: wider(87), 119: wider(119) },
};

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

/** `<‌https://…>`: the stray character kept `<…>` from being an autolink; GFM linked the address alone, with the `>`. */
function joinAngleBrackets(parent: Parent, index: number, link: Link): void {
  const before = parent.children[index - 1];
  const open = before?.type === 'text' ? /<[\p{Cf}\s]*\p{Cf}[\p{Cf}\s]*$/u.exec(before.value) : null;
  if (!open || before?.type !== 'text') return;
  const text = link.children[0] as Text;
  if (text.value.endsWith('>')) moveOutOfLink(parent, index, link, '>');
  const after = parent.children[index + 1];
  if (after?.type !== 'text' || !after.value.startsWith('>')) return;
  before.value = before.value.slice(0, open.index);
  shift(before, 'end', -open[0].length);
  after.value = after.value.slice(1);
  shift(after, 'start', 1);
}

/**
 * remark plugin: bare addresses end before any trailing punctuation, and
 * invisible characters never break an address. Use after remark-gfm.
 * @example unified().use(remarkParse).use(remarkGfm).use(remarkAutolinks) // "در https://x.org/a، ببینید" links https://x.org/a
 */
export default function remarkAutolinks(this: Processor) {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(syntax);
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    linkAfterInvisible(tree);
    visit(tree, 'link', (link: Link, index, parent) => {
      if (!parent || index === undefined || !isBare(link, source)) return;
      // Links the parser made (they have a position) already end right;
      // those GFM's tree-level finder made are trimmed here.
      const text = (link.children[0] as Text).value;
      const trailing = link.position ? 0 : trailingPunctuation(text);
      if (trailing > 0 && trailing < text.length) moveOutOfLink(parent, index, link, text.slice(-trailing));
      joinAngleBrackets(parent, index, link);
      return SKIP;
    });
    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'image' || node.type === 'definition') node.url = node.url.replace(EDGE_INVISIBLE, '');
    });
  };
}

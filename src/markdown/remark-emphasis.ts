/**
 * Bold, italic and strikethrough that end (or start) next to a Dari suffix.
 *
 * CommonMark decides whether `**`, `*`, `__`, `_` or GFM's `~~` can open or
 * close by the characters on either side (the "flanking" rules, spec 6.2).
 * After punctuation, a closing `**` must be followed by a space or more
 * punctuation. The zero-width non-joiner (ZWNJ) is neither, so
 * `**«صلح»**‌طلبانه` is published with its asterisks showing; the same with
 * the suffix joined directly (`**«صلح»**طلبانه`), and mirrored at the start.
 *
 * Two additions to those rules, and nothing else (they only ever let a run
 * open or close where CommonMark would not; no run loses a role):
 *
 * 1. A format character (Unicode Cf: ZWNJ, ZWJ, LRM, RLM, ALM, …) on the
 *    outer side of a run counts as punctuation. On the inner side it stays a
 *    letter, as before, so `**می‌**رود` still closes after the ZWNJ.
 * 2. An Arabic-script letter or digit on the outer side counts as punctuation
 *    when the inner side is closing punctuation (» ) ” for a closing run) or
 *    opening punctuation (« ( “ for an opening run): a suffix glued to a
 *    closing guillemet. Latin text keeps CommonMark's rules (`2*(3+4)*5`).
 *
 * The micromark constructs for `*`/`_` (core attention) and `~` (GFM
 * strikethrough) are reused; only the open/close flags they compute are
 * replaced, so pairing and nesting are CommonMark's own.
 *
 * Where a marker is still left as text although it touches a word on its
 * inner side (`**"صلح"**طلبانه`: a straight quote is neither opening nor
 * closing; `_صلح_ها`: `_` never works inside a word), the check warns with
 * the line, as the `literal-emphasis` rule, saying how to fix the text. It
 * warns only when a partner marker in the same paragraph shows emphasis was
 * meant, and about `_` only next to Dari text (elsewhere `_` is mostly part
 * of a name, a path or a formula).
 */
import type { Root, Text } from 'mdast';
import { attention } from 'micromark-core-commonmark';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { classifyCharacter } from 'micromark-util-classify-character';
import type { Code, Construct, Effects, Extension, Token, TokenizeContext } from 'micromark-util-types';
import type { Processor } from 'unified';
import type { Node, Parent, Point } from 'unist';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

const ASTERISK = 42;
const UNDERSCORE = 95;
const TILDE = 126;

/** micromark's character classes: 0 other (letters, format characters…), 1 whitespace, 2 punctuation or symbol. */
type Side = 0 | 1 | 2;

const FORMAT = /^\p{Cf}$/u;
const ARABIC_WORD = /^(?=\p{Script=Arabic})[\p{L}\p{N}]$/u;
const OPENING = /^[\p{Ps}\p{Pi}]$/u;
const CLOSING = /^[\p{Pe}\p{Pf}]$/u;

const char = (code: Code): string => (code === null || code < 0 ? '' : String.fromCharCode(code));
const side = (code: Code): Side => classifyCharacter(code) ?? 0;

/** The class of the character on a run's outer side, with the two additions above. */
function outer(code: Code, inner: Code, closing: boolean): Side {
  const plain = side(code);
  if (plain) return plain;
  const c = char(code);
  if (FORMAT.test(c)) return 2;
  if (ARABIC_WORD.test(c) && (closing ? CLOSING : OPENING).test(char(inner))) return 2;
  return 0;
}

/**
 * Whether a delimiter run can open and close emphasis (or strikethrough):
 * CommonMark's left- and right-flanking rules (spec 6.2, as micromark
 * implements them), with the outer neighbour classed by the additions above.
 * @param marker `*`, `_` or `~` as a character code
 * @param before the character code just before the run (null at the start)
 * @param after the character code just after it (null at the end)
 * @param markers other constructs' attention markers (micromark lets `*` open before `~`); none for `~`
 * @example flanking(42, 0xbb, 0x200c) // { open: true, close: true }: `»**‌` can close
 */
export function flanking(marker: number, before: Code, after: Code, markers: readonly Code[] = []): { open: boolean; close: boolean } {
  const beforeIn = side(before);
  const afterIn = side(after);
  const beforeOut = outer(before, after, false);
  const afterOut = outer(after, before, true);
  const other = (code: Code) => markers.includes(code) && code !== ASTERISK && code !== UNDERSCORE;
  const open = !afterIn || (afterIn === 2 && beforeOut !== 0) || other(after);
  const close = !beforeIn || (beforeIn === 2 && afterOut !== 0) || other(before);
  if (marker !== UNDERSCORE) return { open, close };
  // `_` does not open or close inside a word (snake_case stays as written).
  return { open: open && (beforeOut !== 0 || !close), close: close && (afterOut !== 0 || !open) };
}

/** `construct` with the open/close flags of its delimiter token computed by `flanking()`. */
function withFlanking(construct: Construct, sequenceType: string, markersOf: (context: TokenizeContext) => readonly Code[]): Construct {
  const tokenize = construct.tokenize;
  return {
    ...construct,
    tokenize(effects, ok, nok) {
      const before = this.previous;
      let sequence: Token | undefined;
      // Watch for the delimiter token as the original tokenizer closes it.
      const watched: Effects = {
        ...effects,
        exit(type) {
          const token = effects.exit(type);
          if (type === sequenceType) sequence = token;
          return token;
        },
      };
      return tokenize.call(
        this,
        watched,
        (after) => {
          if (sequence) {
            const flags = flanking(this.sliceSerialize(sequence).charCodeAt(0), before, after, markersOf(this));
            sequence._open = flags.open;
            sequence._close = flags.close;
          }
          return ok(after);
        },
        nok,
      );
    },
  };
}

// The strikethrough construct remark-gfm also registers (same defaults: `~` and `~~`).
const strikethrough = gfmStrikethrough().text![TILDE] as Construct;
const attentionWithFlanking = withFlanking(attention, 'attentionSequence', (context) => context.parser.constructs.attentionMarkers?.null ?? []);
// GFM tries an e-mail address (`__x@example.org`) before emphasis at `_`; so do we.
const emailAddress = [gfmAutolinkLiteral().text![UNDERSCORE]].flat() as Construct[];

const syntax: Extension = {
  text: {
    [ASTERISK]: attentionWithFlanking,
    [UNDERSCORE]: [...emailAddress, attentionWithFlanking],
    [TILDE]: withFlanking(strikethrough, 'strikethroughSequenceTemporary', () => []),
  },
};

/** A delimiter run left in the text as typed. */
interface LiteralRun {
  readonly offset: number;
  readonly marker: string;
  readonly before: Code;
  readonly after: Code;
  /**
   * It looks like an opener (a closer): something other than a space on its
   * inner side, and not a bracket or quotation mark facing the wrong way
   * (`{align*}` is not an opening `*`).
   */
  readonly looksOpen: boolean;
  readonly looksClose: boolean;
  readonly open: boolean;
  readonly close: boolean;
}

const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

function codeAt(source: string, offset: number): Code {
  return offset < 0 || offset >= source.length ? null : source.charCodeAt(offset);
}

/** The unescaped `*`, `_` and `~` runs in `source[start, end)` (a text node: whatever is there is literal). */
function literalRuns(source: string, start: number, end: number): LiteralRun[] {
  const runs: LiteralRun[] = [];
  const slice = source.slice(start, end);
  for (const match of slice.matchAll(/\*+|_+|~+/g)) {
    let offset = start + match.index;
    let length = match[0].length;
    let backslashes = 0;
    while (source[offset - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 1) {
      offset += 1;
      length -= 1;
    }
    const marker = match[0][0]!;
    if (length === 0 || length > (marker === '~' ? 2 : 3)) continue;
    const before = codeAt(source, offset - 1);
    const after = codeAt(source, offset + length);
    const { open, close } = flanking(marker.charCodeAt(0), before, after);
    const looksOpen = side(after) !== 1 && !CLOSING.test(char(after));
    const looksClose = side(before) !== 1 && !OPENING.test(char(before));
    runs.push({ offset, marker: marker.repeat(length), before, after, looksOpen, looksClose, open, close });
  }
  return runs;
}

/**
 * Whether an `_` left as text is most likely meant as text: outside Dari
 * text, `_` is far more often part of a name, a path or a formula
 * (`snake_case`, `x}_i`) than an attempt at italics.
 */
function literalUnderscore(run: LiteralRun, closing: boolean): boolean {
  return run.marker[0] === '_' && !ARABIC_WORD.test(char(closing ? run.after : run.before));
}

const KIND: Record<string, string> = { '*': 'italic', '_': 'italic', '**': 'bold', '__': 'bold', '***': 'bold italic', '___': 'bold italic', '~': 'strikethrough', '~~': 'strikethrough' };
const HTML: Record<string, string> = { italic: '<em>…</em>', bold: '<strong>…</strong>', 'bold italic': '<strong><em>…</em></strong>', strikethrough: '<del>…</del>' };

/** What the editor reads: why the marker stayed text, and how to fix it. */
function explain(run: LiteralRun, closing: boolean): string {
  const kind = KIND[run.marker] ?? 'emphasis';
  const inner = char(closing ? run.before : run.after);
  const outerChar = char(closing ? run.after : run.before);
  const where = closing ? 'right after' : 'right before';
  const seen = `readers will see a literal “${run.marker}” here`;
  if (side(closing ? run.before : run.after) !== 2) {
    // `_` inside a word.
    return `${seen}: ${kind} written with “_” cannot ${closing ? 'end' : 'start'} inside a word. Use “${run.marker.replaceAll('_', '*')}” instead, or type a zero-width non-joiner (ZWNJ) ${where} the “${run.marker}”.`;
  }
  const reason = `${kind} cannot ${closing ? 'end after' : 'start before'} “${inner}” when “${outerChar}” ${closing ? 'follows' : 'comes before'} it directly`;
  const fix = ARABIC_WORD.test(outerChar)
    ? `Type a zero-width non-joiner (ZWNJ) ${where} the “${run.marker}”, or move the “${inner}” outside the markers.`
    : `Move the “${inner}” outside the markers, or write it in HTML: ${HTML[kind] ?? '<em>…</em>'}.`;
  return `${seen}: ${reason}. ${fix}`;
}

/** The line and column of a source offset (1-based, as unist positions count). */
function pointAt(source: string, offset: number): Point {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}

/**
 * Warns about delimiter runs that stayed literal because of the flanking
 * rules although a partner run in the same paragraph shows bold, italic or
 * strikethrough was meant.
 */
function reportLiteralRuns(tree: Root, file: VFile): void {
  const source = String(file.value);
  const blocks = new Map<Node, LiteralRun[]>();
  visitParents(tree, 'text', (node: Text, ancestors: Parent[]) => {
    const block = ancestors.findLast((a) => BLOCKS.has(a.type));
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (!block || start === undefined || end === undefined) return;
    const runs = blocks.get(block) ?? [];
    runs.push(...literalRuns(source, start, end));
    blocks.set(block, runs);
  });
  for (const runs of blocks.values()) {
    const failedClose = runs.map(
      (run, i) => !literalUnderscore(run, true) && run.looksClose && !run.close && runs.slice(0, i).some((r) => r.marker[0] === run.marker[0] && r.looksOpen),
    );
    runs.forEach((run, i) => {
      // An opener is named only when its partner closer has not been already.
      const partners = runs.map((r, j) => j > i && r.marker[0] === run.marker[0] && r.looksClose);
      const failedOpen =
        !literalUnderscore(run, false) && run.looksOpen && !run.open && partners.some(Boolean) && !partners.some((p, j) => p && failedClose[j]);
      if (!failedClose[i] && !failedOpen) return;
      file.message(explain(run, failedClose[i]!), {
        place: { start: pointAt(source, run.offset), end: pointAt(source, run.offset + run.marker.length) },
        ruleId: 'literal-emphasis',
        source: 'aa',
      });
    });
  }
}

/**
 * remark plugin: the flanking additions above (a micromark extension, so it
 * must come after remark-gfm, whose strikethrough it takes precedence over)
 * and the `literal-emphasis` warning.
 * @example unified().use(remarkParse).use(remarkGfm).use(remarkEmphasis) // **«صلح»**‌طلبانه → <strong>«صلح»</strong>‌طلبانه
 */
export default function remarkEmphasis(this: Processor) {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  (data.micromarkExtensions ??= []).push(syntax);
  return reportLiteralRuns;
}

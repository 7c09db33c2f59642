/**
 * Which left-to-right runs to isolate inside right-to-left text: the one
 * splitter behind titles and deks (`components/BidiText.astro`), article
 * bodies (`markdown/rehype-bidi.ts`), the table of contents and the search
 * result lines (`search/client.ts`).
 *
 * Left alone, the Unicode Bidirectional Algorithm (UAX #9) draws a Latin
 * stretch in a Dari sentence as one left-to-right run only from its first
 * strong left-to-right letter to its last: symbols at its ends ("C++",
 * "--help", "C#") and signs or spaces between numbers ("+93 700 123 456")
 * take the sentence's direction and move to the wrong side. Isolating each
 * Latin word on its own is worse: the spaces and punctuation between the
 * words of an English phrase then follow the Dari sentence too, and the
 * phrase comes out scrambled. So a run is the whole stretch:
 *
 * - its core goes from a strong L character to the last strong L before the
 *   next strong right-to-left character (R, AL) or a right-to-left script's
 *   own punctuation (، ؛ ؟ and the guillemets « » ‹ ›), with everything in
 *   between (spaces, punctuation, numbers);
 * - numbers after it belong to it (rule W7: a European number after L is
 *   L): attached ones ("GPT-4"), and after a space those in ASCII digits
 *   ("Windows 11"; a number in Dari digits there is the sentence's);
 * - the symbols attached to its ends (no space between) belong to it:
 *   "C++", "-R", ".eslintrc.json", "$15", a URL's last "/"; so does a
 *   number written in ASCII digits just before it ("42 MW", "$15–25 million");
 * - at its ends it leaves out what belongs to the sentence around it: a
 *   final full stop, comma or colon (unless it closes an abbreviation such as
 *   "e.g."), brackets and quotation marks whose partner is outside, and a
 *   dash that joins it to a Dari word ("Regex-ها").
 *
 * A number with no Latin letter is a run when the algorithm would draw it
 * out of order: a group of numbers separated by spaces ("+93 700 123 456",
 * in either digit set), or a number with a sign, unit or symbol other than a
 * separator between digits ("-5", "12.5%", "€1.20", "2024-03-15": after
 * Arabic letters its digits count as Arabic numbers, rule W2, and only a
 * separator between two of them stays inside, W4). "۱۴۰۳/۰۱/۱۵", "3.5" and
 * "۲۵٪" (the Dari percent sign is the sentence's) are drawn as written.
 *
 * Character classes come from the Unicode data through `bidi-js`.
 */
import bidiFactory from 'bidi-js';

const { getBidiCharTypeName, openingToClosingBracket, closingToOpeningBracket } = bidiFactory();

/**
 * How the splitter sees a character:
 * L strong left-to-right; R strong right-to-left, or the punctuation of a
 * right-to-left sentence; D a digit (EN, AN); W white space; N another
 * neutral or weak character (ES, ET, CS, ON); Z invisible (BN); X a hard
 * boundary (explicit direction controls, paragraph separators).
 */
type Kind = 'L' | 'R' | 'D' | 'W' | 'N' | 'Z' | 'X';

/** Punctuation of right-to-left scripts (the Dari comma, semicolon and question mark, …). */
const RTL_PUNCTUATION = /[\p{scx=Arabic}\p{scx=Hebrew}\p{scx=Syriac}\p{scx=Thaana}\p{scx=Nko}\p{scx=Adlam}]/u;
/** Guillemets: the quotation marks of Persian and Pashto (and of no Latin run inside them). */
const GUILLEMETS = /[«»‹›]/u;
const TERMINAL = /\p{Terminal_Punctuation}/u;
const QUOTE = /\p{Quotation_Mark}/u;
const DASH = /\p{Dash}/u;
/** Digits a Latin-script writer types (ASCII and full-width). */
const LATIN_DIGIT = /[0-9０-９]/u;
/** HTML collapses these to a space: they separate words, not paragraphs. */
const HTML_WHITE_SPACE = /[\t\n\f\r ]/;

function kindOf(char: string, previous: Kind | undefined): Kind {
  if (HTML_WHITE_SPACE.test(char)) return 'W';
  // An editor's left-to-right mark is invisible and, once runs are isolated, idle: not a run of its own.
  if (char === '\u200E') return 'Z';
  switch (getBidiCharTypeName(char)) {
    case 'L':
      return 'L';
    case 'R':
    case 'AL':
      return 'R';
    case 'EN':
    case 'AN':
      return 'D';
    case 'WS':
    case 'S':
      return 'W';
    case 'BN':
      return 'Z';
    case 'NSM':
      // W1: a combining mark takes the class of the character it sits on.
      return previous ?? 'N';
    case 'ES':
    case 'ET':
    case 'CS':
    case 'ON':
      return RTL_PUNCTUATION.test(char) || GUILLEMETS.test(char) ? 'R' : 'N';
    default:
      return 'X';
  }
}

/** One kind per UTF-16 code unit (both halves of a surrogate pair get the character's). */
function kindsOf(text: string): Kind[] {
  const kinds: Kind[] = [];
  for (const char of text) {
    const kind = kindOf(char, kinds.at(-1));
    for (let i = 0; i < char.length; i++) kinds.push(kind);
  }
  return kinds;
}

/** A run to isolate: UTF-16 offsets, `end` exclusive. */
export interface Run {
  readonly start: number;
  readonly end: number;
}

/** The partner of a bracket or quotation mark, and whether it opens. */
function pairOf(char: string): { partners: string; opens: boolean } | undefined {
  const closing = openingToClosingBracket(char);
  if (closing) return { partners: closing, opens: true };
  const opening = closingToOpeningBracket(char);
  if (opening) return { partners: opening, opens: false };
  return undefined;
}

/** Quotation marks that may pair with `char` (either side, since typists mix them). */
const QUOTE_FAMILIES = ['"“”„', '\'‘’‚'];
const quoteFamily = (char: string) => QUOTE_FAMILIES.find((family) => family.includes(char)) ?? char;

/** "e.g", "U.S", "i.e": single letters joined by full stops, which the final stop closes. */
const ABBREVIATION = /(?:^|[^\p{L}\p{M}])\p{L}\p{M}*(?:\.\p{L}\p{M}*)+$/u;

/**
 * Drops from the ends of `[start, end)` what belongs to the sentence around
 * it: spaces and invisible characters, a final stop or comma, brackets and
 * quotation marks whose partner lies outside.
 */
function trimEdges(text: string, kinds: Kind[], start: number, end: number): Run {
  let s = start;
  let e = end;
  for (let changed = true; changed && s < e; ) {
    changed = false;
    const first = text[s]!;
    if (kinds[s] === 'W' || kinds[s] === 'Z') {
      s++;
      changed = true;
    } else if (kinds[s] === 'N' && (opensOutside(text, first, s, e) || joinsSentence(text, kinds, s, s - 1))) {
      s++;
      changed = true;
    }
    const last = text[e - 1]!;
    if (e - s > 2 && enclosesAll(text, s, e)) {
      // "(Istiglal)", "«…»": the sentence's brackets around the whole run stay the sentence's.
      s++;
      e--;
      changed = true;
    } else if (s < e && (kinds[e - 1] === 'W' || kinds[e - 1] === 'Z')) {
      e--;
      changed = true;
    } else if (s < e && kinds[e - 1] === 'N' && TERMINAL.test(last) && !ABBREVIATION.test(text.slice(s, e - 1))) {
      e--;
      changed = true;
    } else if (s < e && kinds[e - 1] === 'N' && (closesOutside(text, last, s, e - 1) || joinsSentence(text, kinds, e - 1, e))) {
      e--;
      changed = true;
    }
  }
  return { start: s, end: e };
}

/**
 * A dash at `at` between the run and a right-to-left letter at `neighbour`
 * joins the two ("Regex-ها", "i-ام"): it belongs between them, on the
 * sentence's side.
 */
function joinsSentence(text: string, kinds: Kind[], at: number, neighbour: number): boolean {
  return kinds[neighbour] === 'R' && DASH.test(text[at]!) && /\p{L}/u.test(text[neighbour]!);
}

/** The first and last characters of `[start, end)` are a bracket pair or a pair of quotation marks. */
function enclosesAll(text: string, start: number, end: number): boolean {
  const first = text[start]!;
  const last = text[end - 1]!;
  const inner = text.slice(start + 1, end - 1);
  const pair = pairOf(first);
  if (pair) {
    if (!pair.opens || pair.partners !== last) return false;
    // "(a) and (b)" is two pairs, not one around the whole.
    let depth = 0;
    for (const c of inner) if ((depth += c === first ? 1 : c === last ? -1 : 0) < 0) return false;
    return true;
  }
  const family = quoteFamily(first);
  return QUOTE.test(first) && family.includes(last) && ![...inner].some((c) => family.includes(c));
}

/** An opening bracket or quotation mark at `at` whose partner is not inside `(at, end)`. */
function opensOutside(text: string, char: string, at: number, end: number): boolean {
  const pair = pairOf(char);
  if (pair) return pair.opens && !text.slice(at + 1, end).includes(pair.partners);
  if (!QUOTE.test(char)) return false;
  const family = quoteFamily(char);
  return ![...text.slice(at + 1, end)].some((c) => family.includes(c));
}

/**
 * A closing bracket or quotation mark at `at` whose opening partner is not
 * inside `[start, at)`. A quotation mark that nothing opened (an apostrophe:
 * "students’") stays with its word.
 */
function closesOutside(text: string, char: string, start: number, at: number): boolean {
  const pair = pairOf(char);
  if (pair) return !pair.opens && !text.slice(start, at).includes(pair.partners);
  if (!QUOTE.test(char)) return false;
  const family = quoteFamily(char);
  if ([...text.slice(start, at)].some((c) => family.includes(c))) return false;
  // Opened before the run, and not yet closed: it closes the sentence's quotation.
  const before = [...text.slice(0, start)].filter((c) => family.includes(c)).length;
  return before % 2 === 1;
}

const inNumberToken = (kind: Kind | undefined) => kind === 'N' || kind === 'D';

/** The offset of the last digit in `[from, to)`, or -1. */
function lastDigitIn(kinds: Kind[], from: number, to: number): number {
  for (let k = to - 1; k >= from; k--) if (kinds[k] === 'D') return k;
  return -1;
}

/** The token of digits and number signs around `at`: the maximal N/D stretch within `[floor, limit)`. */
function tokenAround(kinds: Kind[], at: number, floor: number, limit = kinds.length): Run {
  let s = at;
  while (s > floor && inNumberToken(kinds[s - 1])) s--;
  let e = at;
  while (e < limit && inNumberToken(kinds[e])) e++;
  return { start: s, end: e };
}

/**
 * The left-to-right runs of `text` to isolate when it is shown inside
 * right-to-left text, in order, never overlapping (see the module comment
 * for what a run takes in). Text with no strong left-to-right character and
 * no number the algorithm would misdraw has none.
 * @param text plain text (HTML white space is a word separator)
 * @returns UTF-16 offsets, `end` exclusive
 * @example ltrRuns('زبان C++ هنوز') // [{ start: 5, end: 8 }]
 */
export function ltrRuns(text: string): Run[] {
  const kinds = kindsOf(text);
  const n = kinds.length;
  const latin: Run[] = [];
  let floor = 0;

  // Latin runs: a core from L to L, W7 numbers after it, attached symbols at both ends.
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== 'L') continue;
    let last = i;
    for (let j = i + 1; j < n && kinds[j] !== 'R' && kinds[j] !== 'X'; j++) if (kinds[j] === 'L') last = j;
    let end = last + 1;
    // W7: numbers after it. Attached ones ("GPT-4", "S24") always; after a
    // space, numbers in ASCII digits ("Windows 11", "CC BY 4.0"). A number in
    // the sentence's own digits after a space is the sentence's ("USD ۲٪").
    for (;;) {
      let j = end;
      while (j < n && inNumberToken(kinds[j])) j++;
      const attachedDigit = lastDigitIn(kinds, end, j);
      if (attachedDigit >= 0) end = attachedDigit + 1;
      if (end < j) break; // it ends in a symbol ("C++"), which the sentence may follow
      let w = j;
      while (w < n && kinds[w] === 'W') w++;
      if (w === j) break;
      let t = w;
      while (t < n && inNumberToken(kinds[t])) t++;
      const firstDigit = kinds.slice(w, t).indexOf('D') + w;
      if (firstDigit < w || !LATIN_DIGIT.test(text.slice(w, t)) || TERMINAL.test(text.slice(w, firstDigit))) break;
      end = lastDigitIn(kinds, w, t) + 1;
    }
    // Symbols attached after it.
    while (end < n && kinds[end] === 'N') end++;
    // Symbols and digits attached before it ("--help", "5G"), or, after a
    // space, numbers in ASCII digits that lead it ("42 MW", "$15–25 million").
    let start = i;
    while (start > floor && inNumberToken(kinds[start - 1])) start--;
    while (start - 2 >= floor && kinds[start - 1] === 'W' && inNumberToken(kinds[start - 2])) {
      const token = tokenAround(kinds, start - 2, floor);
      // "1. pwd": a number closed by a stop or colon numbers the sentence, it does not lead the word.
      if (!LATIN_DIGIT.test(text.slice(token.start, token.end)) || TERMINAL.test(text[token.end - 1]!)) break;
      start = token.start;
    }
    const run = trimEdges(text, kinds, start, end);
    if (run.end > run.start) latin.push(run);
    floor = end;
    i = end - 1;
  }

  // Number groups between them: tokens joined by single spaces, or one with a sign, unit or symbol.
  const runs: Run[] = [];
  let gapStart = 0;
  for (const run of [...latin, { start: n, end: n }]) {
    runs.push(...numberGroups(text, kinds, gapStart, run.start));
    if (run.end > run.start) runs.push(run);
    gapStart = run.end;
  }
  return runs;
}

/**
 * A number holds a sign, unit or other symbol beyond a separator between two
 * digits ("+93", "12.5%", "€1.20", "2024-03-15"). After Arabic letters the
 * algorithm takes its digits for Arabic numbers (rule W2), and then only a
 * comma, stop, colon or slash between two digits stays inside the number
 * (W4); anything else is drawn on the sentence's side.
 */
function hasLooseSymbol(text: string, kinds: Kind[], { start, end }: Run): boolean {
  for (let k = start; k < end; k++) {
    if (kinds[k] === 'D') continue;
    const separator = getBidiCharTypeName(text[k]!) === 'CS' && kinds[k - 1] === 'D' && kinds[k + 1] === 'D' && k > start && k + 1 < end;
    if (!separator) return true;
  }
  return false;
}

/** The number groups in `[from, to)` that the algorithm would draw out of order (see `ltrRuns`). */
function numberGroups(text: string, kinds: Kind[], from: number, to: number): Run[] {
  const runs: Run[] = [];
  const hasDigit = (token: Run) => kinds.slice(token.start, token.end).includes('D');
  for (let i = from; i < to; i++) {
    if (kinds[i] !== 'D') continue;
    const first = tokenAround(kinds, i, from, to);
    let end = first.end;
    let tokens = 1;
    // Tokens join across one space when the first ends in a digit or bracket ("+93 700", "(020) 2201"), not a stop ("۳. 1.").
    while (end + 1 < to && kinds[end] === 'W' && kinds[end + 1] !== 'W' && (kinds[end - 1] === 'D' || pairOf(text[end - 1]!)?.opens === false)) {
      const token = tokenAround(kinds, end + 1, end + 1, to);
      if (!hasDigit(token)) break;
      end = token.end;
      tokens++;
    }
    const run = trimEdges(text, kinds, first.start, end);
    if (run.end > run.start && (tokens > 1 || hasLooseSymbol(text, kinds, run))) runs.push(run);
    i = end - 1;
  }
  return runs;
}

export interface Segment {
  readonly text: string;
  /** True for a left-to-right run to isolate (in `<bdi>`). */
  readonly ltr: boolean;
}

/**
 * Splits text into plain segments and the left-to-right runs to isolate
 * (`ltrRuns`); joined again, the segments give back the text.
 * @example ltrSegments('زبان C++ هنوز').map((s) => s.text) // ['زبان ', 'C++', ' هنوز']
 */
export function ltrSegments(value: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const { start, end } of ltrRuns(value)) {
    if (start > last) out.push({ text: value.slice(last, start), ltr: false });
    out.push({ text: value.slice(start, end), ltr: true });
    last = end;
  }
  if (last < value.length) out.push({ text: value.slice(last), ltr: false });
  return out;
}

/** A piece of text with something of its own (whether it is highlighted, say). */
export interface Piece<T> {
  readonly text: string;
  readonly data: T;
}

/**
 * Groups pieces of one line (plain and highlighted text, say) by the
 * left-to-right runs of their joined text, splitting a piece where a run
 * begins or ends inside it, so a run keeps one isolation across the pieces.
 * @example groupRuns([{ text: 'زبان C', data: false }, { text: '++', data: true }]).map((g) => g.ltr) // [false, true]
 */
export function groupRuns<T>(pieces: readonly Piece<T>[]): { ltr: boolean; pieces: Piece<T>[] }[] {
  const runs = ltrRuns(pieces.map((p) => p.text).join(''));
  const groups: { ltr: boolean; run: number; pieces: Piece<T>[] }[] = [];
  // `run`: the index of the run a group isolates, -1 for text between runs.
  const add = (run: number, piece: Piece<T>) => {
    const group = groups.at(-1);
    if (group?.run === run) group.pieces.push(piece);
    else groups.push({ ltr: run >= 0, run, pieces: [piece] });
  };
  let offset = 0;
  let r = 0;
  for (const { text, data } of pieces) {
    let at = 0;
    while (at < text.length) {
      const run = runs[r];
      const here = offset + at;
      if (run && here >= run.end) {
        r++;
        continue;
      }
      const inRun = Boolean(run && here >= run.start);
      const until = Math.min(text.length, (run ? (inRun ? run.end : run.start) : Infinity) - offset);
      add(inRun ? r : -1, { text: text.slice(at, until), data });
      at = until;
    }
    offset += text.length;
  }
  return groups.map(({ ltr, pieces: part }) => ({ ltr, pieces: part }));
}

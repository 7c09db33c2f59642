/**
 * Tag and author names: which spellings are one name, and the URL segment of
 * its page (`/fa/tags/<segment>/`, `/en/authors/<segment>/`). The content
 * check (`validation/check.ts`) and the site's article index
 * (`utils/articles.ts`) both group names with `groupNames`, so the check
 * refuses exactly what the build could not make. Heading ids are another
 * matter: see `markdown/rehype-heading-ids.ts`.
 *
 * What counts in a name (the README's editor section says the same):
 * - kept: letters, digits, symbols (+ = $ < > | ~ ^ © € …, emoji and flags)
 *   and the marks # % & * @ § ‰ ٪ ؉, which change what a name means
 *   ("C", "C#" and "C++" are three tags);
 * - word breaks: spaces, the ZWNJ and every other punctuation mark
 *   (. , ; : ! ? " ( ) [ ] « » ، ؛ ؟ - _ / …);
 * - ignored: letter case, compatibility forms (NFKC: ﻙ, ｃ, ﬁ), the
 *   section's spelling folding, the one search uses (`foldSpelling` in
 *   `search/folding.ts`: for Dari ك ي ى → ک ی ی, آ أ إ → ا, ئ → ی, ۀ → ه…),
 *   tatweel and harakat, apostrophes ("Women's"), invisible format
 *   characters, emoji variation selectors, a hashtag sign before a word.
 *
 * Two spellings are one name when they agree after that and after dropping
 * their word breaks (except between two digits) and reading every digit
 * script alike: "مهاجرت‌ها", "مهاجرت ها", "مهاجرت-ها" and "مهاجرتها" are one
 * tag, so are "Central Asia" and "CentralAsia", "1403" and "۱۴۰۳".
 *
 * The URL segment keeps Dari letters as Dari letters (browsers send them
 * percent-encoded and show them decoded) and turns word breaks into single
 * hyphens: an invisible ZWNJ in a shared URL is a trap. An ASCII symbol
 * appears as its full-width twin (C# → c＃, 100% → 100％): `#`, `%`, `?` and
 * `+` have jobs in a URL, and Astro writes a `#` in a route parameter to
 * disk as the three characters `%23`, which no server finds again.
 */
import type { Lang } from '../i18n/locales.ts';
import { foldKeyboard, foldSpelling } from '../search/folding.ts';

/** Punctuation marks that change a name's meaning, and so are kept. */
const MEANINGFUL_PUNCTUATION = '#%&*@§‰٪؉';

/** Apostrophes join the letters around them: "Women's" is one word. */
const APOSTROPHES = /['‘’`´′]/g;

/** Word breaks: white space, the ZWNJ, and punctuation that is not meaningful. */
const BREAKS = new RegExp(`[\\p{Z}\\t\\n\\v\\f\\r\\u0085\\u200C]|(?![${MEANINGFUL_PUNCTUATION}])\\p{P}`, 'gu');

/**
 * Invisible characters, dropped: controls, format characters (bidi marks,
 * soft hyphen, ZWJ, BOM…), private-use and unassigned code points, variation
 * selectors. Two exceptions keep emoji intact: a ZWJ between two pictographs
 * (👩‍💻) and the tag characters of subdivision flags (🏴 England).
 */
const INVISIBLE =
  /(?!(?<=\p{Extended_Pictographic}[\u{1F3FB}-\u{1F3FF}\uFE0F]?)\u200D(?=\p{Extended_Pictographic}))(?!(?<=\u{1F3F4}[\u{E0020}-\u{E007F}]*)[\u{E0020}-\u{E007F}])[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;

/** A hashtag sign before a word: "#MeToo" is the tag "MeToo". */
const HASHTAG = /^#(?=\p{L})/u;

/** ASCII symbols left in a segment; each becomes its full-width twin (U+FF01–U+FF5E). */
const ASCII_SYMBOL = /[\x21-\x2C\x2E\x2F\x3A-\x40\x5B-\x60\x7B-\x7E]/g;

/**
 * The longest segment, in UTF-8 bytes. A segment is a folder name in the
 * build output, and file systems stop at 255 bytes; 200 leaves room and
 * still fits about 100 Dari or 200 Latin letters.
 */
export const MAX_SEGMENT_BYTES = 200;

/**
 * The URL segment of a tag's or author's page: lower case, the section's
 * letter forms, word breaks as single hyphens, ASCII symbols full-width.
 * Empty when the name has nothing meaningful in it (see `segmentProblem`).
 * Spellings of one name may give different segments ("مهاجرتها" and
 * "مهاجرت-ها"); `groupNames` picks the one their page uses.
 * @param lang the section: the letter folding is per language
 * @example pathSegment('Fuad Shahbazov', en) // 'fuad-shahbazov'
 * @example pathSegment('مهاجرت‌ها', fa) // 'مهاجرت-ها'
 * @example pathSegment('C#', en) // 'c＃'
 * @example pathSegment('🇦🇫', fa) // '🇦🇫'
 */
export function pathSegment(name: string, lang: Lang): string {
  // An archive repeats its names thousands of times; each is worked out once.
  const memo = (memos[lang] ??= new Map());
  let segment = memo.get(name);
  if (segment === undefined) memo.set(name, (segment = segmentOf(name, lang)));
  return segment;
}

const memos: Partial<Record<Lang, Map<string, string>>> = {};

function segmentOf(name: string, lang: Lang): string {
  // Only the keyboard forms here: the URL keeps آ and the digits as written.
  return foldKeyboard(name.normalize('NFKC'), lang)
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(BREAKS, '-')
    .replace(INVISIBLE, '')
    .replace(/^-+/, '')
    .replace(HASHTAG, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .replace(ASCII_SYMBOL, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
    .normalize('NFC');
}

/**
 * A segment's identity: full-width back to ASCII, case folded (ς = σ,
 * ß = ss), every digit script read alike, word breaks dropped except
 * between two digits (so "1.5" is not "15").
 */
function identityOfSegment(segment: string): string {
  return segment
    .normalize('NFKC')
    .toUpperCase()
    .toLowerCase()
    .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf))
    .replaceAll('٪', '%')
    .replace(/(?<!\d)-|-(?!\d)/g, '');
}

/**
 * The identity of a tag or author name: two names are one (and share a page)
 * exactly when their keys are equal. Empty when the name has no segment.
 * @example nameKey('كابل', fa) === nameKey('کابل', fa) // true
 * @example nameKey('مهاجرتها', fa) === nameKey('مهاجرت‌ها', fa) // true
 * @example nameKey('C#', en) === nameKey('C++', en) // false
 */
export function nameKey(name: string, lang: Lang): string {
  return identityOf(pathSegment(name, lang), lang);
}

/** The identity of a segment: the language's spelling folding, then `identityOfSegment`. */
function identityOf(segment: string, lang: Lang): string {
  return identityOfSegment(foldSpelling(segment, lang));
}

/**
 * UTF-8 length of a string, in bytes, counted without encoding it (a new
 * `TextEncoder` per name was a tenth of a warm check's time at 10,000
 * articles). A lone surrogate counts 3, as the U+FFFD it is written as.
 */
function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/**
 * Why a name cannot have a page, as the end of a sentence that starts with
 * the name, or undefined when it can.
 * @example segmentProblem('!!!', en) // 'has nothing to make a web address from: …'
 */
export function segmentProblem(name: string, lang: Lang): string | undefined {
  const segment = pathSegment(name, lang);
  if (segment === '') {
    return 'has nothing to make a web address from (no letter, digit or symbol: only punctuation, spaces, tatweel or invisible characters); write it with letters, digits or symbols, or remove it';
  }
  if (utf8Bytes(segment) > MAX_SEGMENT_BYTES) {
    return `is too long to be part of a web address (at most about ${MAX_SEGMENT_BYTES / 2} Dari or ${MAX_SEGMENT_BYTES} Latin letters); shorten it`;
  }
  return undefined;
}

/** One tag or author of a section, with every spelling of it. */
export interface NameGroup<T> {
  /** The identity (`nameKey`). */
  readonly key: string;
  /** The URL segment of its page. */
  readonly segment: string;
  /** Its name on its page: the most used spelling with that segment (on a tie, the first seen). */
  readonly label: string;
  /** Whatever came with each spelling (articles, files), in the order given, repeats kept. */
  readonly members: readonly T[];
}

/** A segment's rank among the spellings of one name: more word breaks read better; then code-unit order, so the choice is stable. */
function betterSegment(a: string, b: string): boolean {
  const breaks = (s: string) => s.split('-').length;
  return breaks(a) !== breaks(b) ? breaks(a) > breaks(b) : a < b;
}

/**
 * Groups names (each with a member: an article, a file) into one group per
 * identity, in the order each identity is first seen. Names that cannot have
 * a page (`segmentProblem`) are left out; the content check reports them.
 * The page's segment is the one of the spelling with the most word breaks,
 * so it does not depend on which article came first.
 * @example [...groupNames([['Kabul', 1], ['kabul', 2]], en).values()][0] // { key: 'kabul', segment: 'kabul', label: 'Kabul', members: [1, 2] }
 */
export function groupNames<T>(entries: Iterable<readonly [name: string, member: T]>, lang: Lang): Map<string, NameGroup<T>> {
  const found = new Map<string, { members: T[]; spellings: Map<string, Map<string, number>> }>();
  // Names repeat across an archive (a tag on a thousand articles): each is read once.
  const read = new Map<string, { segment: string; key: string } | undefined>();
  for (const [name, member] of entries) {
    if (!read.has(name)) read.set(name, segmentProblem(name, lang) === undefined ? { segment: pathSegment(name, lang), key: identityOf(pathSegment(name, lang), lang) } : undefined);
    const known = read.get(name);
    if (!known) continue;
    const { segment, key } = known;
    let group = found.get(key);
    if (!group) found.set(key, (group = { members: [], spellings: new Map() }));
    group.members.push(member);
    const names = group.spellings.get(segment) ?? new Map<string, number>();
    group.spellings.set(segment, names.set(name, (names.get(name) ?? 0) + 1));
  }
  const groups = new Map<string, NameGroup<T>>();
  for (const [key, { members, spellings }] of found) {
    const segment = [...spellings.keys()].reduce((best, s) => (betterSegment(s, best) ? s : best));
    const [label] = [...spellings.get(segment)!].reduce((best, s) => (s[1] > best[1] ? s : best));
    groups.set(key, { key, segment, label, members });
  }
  return groups;
}

/**
 * Groups whose pages would land in one folder of the build output, on a file
 * system that ignores letter case and Unicode normalization (macOS, Windows),
 * as lists of two or more. The identity already folds more than such a file
 * system does, so this finds nothing today; the check keeps asking, so that a
 * change to either rule shows up as a message naming files, not as a build
 * that stops on a route conflict naming none.
 * @example segmentClashes([{ segment: 'a' }, { segment: 'A' }]) // [[{ segment: 'a' }, { segment: 'A' }]]
 */
export function segmentClashes<G extends { readonly segment: string }>(groups: Iterable<G>): G[][] {
  const byFolder = new Map<string, G[]>();
  for (const group of groups) {
    const folder = group.segment.normalize('NFD').toUpperCase().toLowerCase();
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), group]);
  }
  return [...byFolder.values()].filter((list) => list.length > 1);
}

/**
 * The spelling folding itself, as pure functions of a language's rules
 * (`FoldRules`, built from the registry by `folding.ts`). This module imports
 * nothing, so the search page's script (`client.ts`) can use it without
 * bundling the registry and its UI dictionaries: the page hands it the rules
 * of its language as JSON.
 *
 * Three parts, one per place a word passes through:
 * - `foldText`: letters, marks and digits (index, query and tag identity);
 * - `indexText` / `displayText`: what Pagefind is given to index, and the
 *   way back to what the article wrote, for result titles and excerpts;
 * - `foldQuery`: what the reader typed, joined and stemmed like the index.
 *
 * How Pagefind reads text decides the shape of `indexText` (Pagefind 1.x,
 * `fossick/mod.rs`): a word is a run of non-white-space; its key is its
 * letters and digits only (a ZWNJ, `~` or `|` drops out), lower-cased; and a
 * word with ASCII punctuation inside is also indexed as its parts, split at
 * that punctuation. Queries match keys by prefix, and every word of a query
 * must match.
 */

/** Per-language folding rules (see `foldRules` in `folding.ts`). */
export interface FoldRules {
  /** Characters folded into the form the language writes: `{ 'ك': 'ک', 'آ': 'ا', … }`. */
  readonly letters: Readonly<Record<string, string>>;
  /** The language's ten digits, zero first; every script's digits fold into them. */
  readonly digits: string;
  /** Words written joined to the next one with a ZWNJ, which readers type detached: `می`, `نمی`. */
  readonly prefixes: readonly string[];
  /** Endings written joined to the word before with a ZWNJ, which readers type detached: `ها`, `های`, `تر`. */
  readonly clitics: readonly string[];
  /** Endings the query stemmer removes, longest first (at most two, leaving a stem of three letters, two before ها). */
  readonly suffixes: readonly string[];
  /** Pagefind indexes the language's words as they are (it has no stemmer for it), so results can be checked with `holdsQuery`. */
  readonly literal: boolean;
}

/**
 * Marks no language of the site needs to tell two words apart: the tatweel
 * (U+0640, a stretching stroke) and the optional vowel signs and other
 * combining marks of the Arabic script (harakat such as ـَ ـِ ـّ, the
 * superscript alef, the hamza above of هٔ, Quranic marks). Matched after
 * NFC, so آ, أ, ؤ and ئ arrive whole; whether they fold is the language's
 * `letters`.
 */
// Listed by range, not as [\p{Mn}&&\p{scx=Arabic}]: the search page runs this
// in readers' browsers, and older phones do not know the regex /v flag.
export const OPTIONAL_MARKS = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08CA-\u08E1\u08E3-\u08FF]/g;

const ZWNJ = '\u200C';
const DIGIT = /\p{Nd}/gu;
const compiled = new WeakMap<Readonly<Record<string, string>>, RegExp | null>();
const digitValues = new Map<number, number>();

/**
 * The value of a decimal digit of any script. Unicode encodes each script's
 * digits 0–9 as one ascending run, so a digit's value is its distance from
 * the start of its run of decimal digits (modulo 10, where runs touch).
 */
function digitValue(c: string): number {
  const cp = c.codePointAt(0)!;
  let value = digitValues.get(cp);
  if (value === undefined) {
    let zero = cp;
    while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    digitValues.set(cp, (value = (cp - zero) % 10));
  }
  return value;
}

/**
 * Folds the spelling of text with a language's rules: Unicode NFC, each
 * character of `letters` replaced by the form the language writes, the
 * optional marks removed, every decimal digit written in the language's
 * digits. Letter case, spaces and the ZWNJ are left alone.
 * @param rules a language's `FoldRules`, or just its `letters` (digits are then left as they are)
 * @example foldText('كـابُل ١٣٩٨', { letters: { 'ك': 'ک' }, digits: '۰۱۲۳۴۵۶۷۸۹' }) // 'کابل ۱۳۹۸'
 */
export function foldText(text: string, rules: Pick<FoldRules, 'letters'> & Partial<Pick<FoldRules, 'digits'>>): string {
  const forms = rules.letters;
  let re = compiled.get(forms);
  if (re === undefined) {
    const keys = Object.keys(forms);
    re = keys.length > 0 ? new RegExp(`[${keys.join('')}]`, 'g') : null;
    compiled.set(forms, re);
  }
  const nfc = text.normalize('NFC');
  const letters = (re ? nfc.replace(re, (c) => forms[c]!) : nfc).replace(OPTIONAL_MARKS, '');
  const digits = rules.digits;
  return digits ? letters.replace(DIGIT, (d) => digits[digitValue(d)]!) : letters;
}

/**
 * The old name of `foldText` with a letter table only.
 * @example foldWithForms('كـابُل', { 'ك': 'ک' }) // 'کابل'
 */
export function foldWithForms(text: string, forms: Readonly<Record<string, string>>): string {
  return foldText(text, { letters: forms });
}

/*
 * The index form of a word. Pagefind indexes a word under its letters and,
 * when ASCII punctuation splits it, under each part too; the excerpt shows
 * the word as given. So:
 * - a ZWNJ becomes `~` and a joined space `^`: "می‌پیمایند" is indexed as
 *   میپیمایند and as می and پیمایند, so it is found typed with the ZWNJ,
 *   without it, or with a space;
 * - a word whose letters fold differently (آزاد → ازاد) carries what the
 *   article wrote, written in sixteen ASCII punctuation marks (four per
 *   UTF-16 unit), which Pagefind leaves out of its keys and `displayText`
 *   turns back into the word: `|ازاد|…|`. The `|` on both sides delimit it
 *   exactly, because the page's text is folded a text node at a time and
 *   Pagefind sees the nodes joined: a word that ends where an inline element
 *   ends (`<bdi>CASA-1000</bdi>:`) has the next node's punctuation right
 *   after its tail, and one that starts where an element starts has the
 *   previous node's before it.
 * A word that contains `~`, `^` or `|` itself is always carried this way
 * (a `|` in its index form becomes `/`, which Pagefind splits on alike).
 */
const JOINT_ZWNJ = '~';
const JOINT_SPACE = '^';
const CARRIED = '|';
/** Sixteen ASCII marks, none of them `&<>"'` (HTML), `_` (Pagefind's own markers) or the three above. */
const NIBBLES = '!#$%()*+,-./:;=?';
/** A carried word (`|index form|tail|`), or a joint outside one. */
const CARRIED_OR_JOINT = /\|[^\s|]*\|((?:[!#$%()*+,\-./:;=?]{4})+)\||[~^]/g;

function encode(word: string): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    for (let shift = 12; shift >= 0; shift -= 4) out += NIBBLES[(unit >> shift) & 15];
  }
  return out;
}

function decode(tail: string): string {
  let out = '';
  for (let i = 0; i < tail.length; i += 4) {
    let unit = 0;
    for (let j = 0; j < 4; j++) unit = (unit << 4) | NIBBLES.indexOf(tail[i + j]!);
    out += String.fromCharCode(unit);
  }
  return out;
}

/** A word's letters only, for comparing it with the affix lists. */
const bare = (word: string) => word.replace(/[^\p{L}\p{N}]/gu, '');
const startsWithLetter = (word: string) => /^\p{L}/u.test(word);
const endsWithLetter = (word: string) => /\p{L}$/u.test(word.replaceAll(ZWNJ, ''));

/**
 * Words as the language joins them: a prefix (`می`) is joined to the word
 * after it, a clitic (`ها`) to the word before, when a single space stands
 * where the ZWNJ belongs. Input and output: alternating words and the
 * white space between them, words at even places.
 */
function joinAffixes(words: readonly string[], spaces: readonly string[], rules: FoldRules, foldedWords: readonly string[]): { units: string[][]; gaps: string[] } {
  const units: string[][] = [];
  const gaps: string[] = [];
  let i = 0;
  while (i < words.length) {
    const unit = [words[i]!];
    let last = i;
    // Prefix: the word is exactly the prefix, and a word of letters follows after one space.
    while (last + 1 < words.length && spaces[last] === ' ' && rules.prefixes.includes(foldedWords[last]!) && startsWithLetter(foldedWords[last + 1]!)) {
      unit.push(words[++last]!);
    }
    // Clitics: each following word that is a clitic (punctuation after it allowed).
    while (
      last + 1 < words.length &&
      spaces[last] === ' ' &&
      endsWithLetter(foldedWords[last]!) &&
      startsWithLetter(foldedWords[last + 1]!) &&
      rules.clitics.includes(bare(foldedWords[last + 1]!))
    ) {
      unit.push(words[++last]!);
    }
    units.push(unit);
    gaps.push(spaces[last] ?? '');
    i = last + 1;
  }
  return { units, gaps };
}

/** Splits text into words and the white space around them (`spaces[i]` follows `words[i]`; `lead` comes first). */
function splitWords(text: string): { lead: string; words: string[]; spaces: string[] } {
  const parts = text.split(/(\s+)/);
  const lead = parts[0] === '' && parts.length > 1 ? parts[1]! : '';
  const rest = lead ? parts.slice(2) : parts;
  const words: string[] = [];
  const spaces: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    if (rest[i] === '') continue;
    words.push(rest[i]!);
    spaces.push(rest[i + 1] ?? '');
  }
  return { lead, words, spaces };
}

/**
 * The text Pagefind indexes for a piece of an article's text (a text node,
 * HTML entities already decoded): folded with `foldText`, ZWNJ-joined words
 * and affixes typed detached (`می پیمایند`, `کتاب ها`) indexed whole and by
 * part, and each changed word carrying its original for `displayText`.
 * White space is kept as it was, except inside a joined word.
 * @example displayText(indexText('آزادی می‌آید', fa)) // 'آزادی می‌آید'
 */
export function indexText(text: string, rules: FoldRules): string {
  const { lead, words, spaces } = splitWords(text);
  const folded = words.map((w) => foldText(w, rules));
  const { units, gaps } = joinAffixes(words, spaces, rules, folded);
  let out = lead;
  let k = 0;
  for (const [u, unit] of units.entries()) {
    const original = unit.join(' ');
    const plain = unit.map((w) => w.replaceAll(ZWNJ, JOINT_ZWNJ)).join(JOINT_SPACE);
    const indexed = unit
      .map((_, j) => folded[k + j]!.replaceAll(ZWNJ, JOINT_ZWNJ))
      .join(JOINT_SPACE);
    k += unit.length;
    const mustCarry = /[~^|]/.test(original) || indexed !== plain;
    const carried = `${CARRIED}${indexed.replaceAll(CARRIED, '/')}${CARRIED}${encode(original)}${CARRIED}`;
    out += (mustCarry ? carried : indexed) + gaps[u]!;
  }
  return out;
}

/**
 * The way back from `indexText`: each word as the article wrote it. Used on
 * the titles and excerpts Pagefind returns (a `<mark>` holds whole words).
 * @example displayText('می~پیمایند') // 'می‌پیمایند'
 */
export function displayText(text: string): string {
  return text.replace(CARRIED_OR_JOINT, (match, tail: string | undefined) =>
    tail !== undefined ? decode(tail) : match === JOINT_ZWNJ ? ZWNJ : ' ',
  );
}

/**
 * A light stemmer: removes at most two of the language's `suffixes` from
 * the end of a word, longest first, keeping a stem of three letters (two
 * before ها/های/هایی, which end nothing else). Pagefind matches query words
 * as prefixes, so a stem finds every form of the word that starts with it:
 * "کتاب‌ها" is searched as "کتاب", which finds کتاب, کتاب‌ها and کتابی.
 * @example stem('کتابهایی', fa) // 'کتاب'
 */
export function stem(word: string, rules: Pick<FoldRules, 'suffixes'>): string {
  let out = word;
  for (let round = 0; round < 2; round++) {
    const suffix = rules.suffixes.find((s) => {
      const min = s.startsWith('ه') ? 2 : 3;
      return out.endsWith(s) && [...out].length - [...s].length >= min;
    });
    if (!suffix) break;
    out = out.slice(0, -suffix.length);
  }
  return out;
}

/**
 * What is searched for what the reader typed: folded like the index
 * (`foldText`), a prefix or clitic typed detached joined to its word (as
 * `indexText` joins them), the ZWNJ dropped (Pagefind's keys have none),
 * each word stemmed (`stem`). A query in double quotes (Pagefind's exact
 * phrase) is folded and joined but not stemmed.
 * @example foldQuery('می پیمایند', fa) // 'میپیمایند'
 * @example foldQuery('كتاب ها', fa) // 'کتاب'
 */
export function foldQuery(query: string, rules: FoldRules): string {
  const exact = /^\s*".+"\s*$/.test(query);
  const { words, spaces } = splitWords(query.trim().replace(/\s+/g, ' '));
  const folded = words.map((w) => foldText(w, rules));
  const { units } = joinAffixes(folded, spaces, rules, folded);
  return units
    .map((unit) => {
      const word = unit.join('').replaceAll(ZWNJ, '');
      if (exact) return word;
      // Pagefind drops punctuation from queries; the stemmer must see the word's own end.
      const letters = word.replace(/[\p{P}]+$/u, '');
      return stem(letters, rules) + word.slice(letters.length);
    })
    .join(' ');
}

/** Pagefind's key for a word of its content, and for each part between ASCII punctuation (see the module comment). */
function wordKeys(word: string): string[] {
  const key = (w: string) => w.replace(/[^\p{L}\p{M}\p{N}]/gu, '').toLowerCase();
  return [key(word), ...word.split(/[!-/:-@[-`{-~]+/).map(key)].filter(Boolean);
}

/**
 * Whether a Pagefind result really holds every word of the query. When no
 * word of the index starts with a query word, Pagefind matches the longest
 * word that the query word starts with instead (an unknown «تاریخ» finds
 * every page with «تا»); for a language Pagefind does not stem, a result is
 * real only if, for each query word, one of its matched words starts with it.
 * @param query what was handed to Pagefind (`foldQuery`)
 * @param content the result's indexed text, `locations` its matched word positions
 * @example holdsQuery('تاریخ', 'تا کابل', [0]) // false
 */
export function holdsQuery(query: string, content: string, locations: readonly number[]): boolean {
  const words = content.split(/\s+/);
  const keys = locations.flatMap((i) => wordKeys(words[i] ?? ''));
  const terms = query
    .toLowerCase()
    .replace(/[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu, '')
    .split(/\s+/)
    .filter(Boolean);
  return terms.every((t) => keys.some((k) => k.startsWith(t)));
}

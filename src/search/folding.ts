/**
 * Spelling folding: the one place that decides which spellings of a word
 * are the same word, per language. Search compares the folded text (the
 * same function runs over the pages Pagefind indexes at build time and over
 * what the reader types in the browser, so variants meet in the middle), and
 * tag and author pages are found by it (`utils/slugs.ts`).
 *
 * Dari is typed on Arabic keyboards as often as on Persian ones, so the
 * same word arrives as "كابل" or "کابل", "مدافعين" or "مدافعین". Each
 * language lists in the locale registry (`letterForms`) the characters other
 * keyboards give and the ones it writes. Articles on the page are never
 * changed; only the index, the query and the identity of tags are.
 */
import { defaultLang, locales, type Lang } from '../i18n/locales.ts';

/**
 * Marks no language of the site needs to tell two words apart: the tatweel
 * (U+0640, a stretching stroke) and the optional vowel signs and other
 * combining marks of the Arabic script (harakat such as ـَ ـِ ـّ, the
 * superscript alef, Quranic marks). Matched after NFC, so آ (alef with
 * madda) stays one letter.
 */
// Listed by range, not as [\p{Mn}&&\p{scx=Arabic}]: the search page runs this
// in readers' browsers, and older phones do not know the regex /v flag.
const OPTIONAL_MARKS = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08CA-\u08E1\u08E3-\u08FF]/g;

const letterRegex = new Map<Lang, { table: Readonly<Record<string, string>>; re: RegExp | undefined }>();

function lettersOf(lang: Lang) {
  let found = letterRegex.get(lang);
  if (!found) {
    const table: Readonly<Record<string, string>> = locales[lang].letterForms;
    const keys = Object.keys(table);
    found = { table, re: keys.length > 0 ? new RegExp(`[${keys.join('')}]`, 'g') : undefined };
    letterRegex.set(lang, found);
  }
  return found;
}

/**
 * Folds the spelling variants of a language into one form: Unicode NFC,
 * the language's `letterForms` (for Dari, Arabic ي ى ك and digits ٠–٩ become
 * ی ک ۰–۹), and the optional Arabic-script marks removed. Letter case,
 * spaces and the ZWNJ are left alone (search handles them itself; tag
 * identity adds its own rules on top, in `utils/slugs.ts`).
 * @param text any text, a whole HTML page included
 * @param lang the section the text belongs to: folding is per language
 * @example foldSpelling('كـابُل', 'fa') // 'کابل'
 */
export function foldSpelling(text: string, lang: Lang): string {
  const { table, re } = lettersOf(lang);
  const nfc = text.normalize('NFC');
  const letters = re ? nfc.replace(re, (c) => table[c]!) : nfc;
  return letters.replace(OPTIONAL_MARKS, '');
}

/**
 * What search compares: `foldSpelling` in a section's language. The search
 * page and the index do not pass a language yet and get the Dari folding
 * for both sections, which leaves English text as it is.
 * @example normalizeSearchText('كابل') // 'کابل'
 */
export function normalizeSearchText(text: string, lang: Lang = defaultLang): string {
  return foldSpelling(text, lang);
}

/**
 * A fingerprint of the folding rules, for caches of folded text: the search
 * index is rebuilt when it changes.
 * @example foldingFingerprint() // 'function foldSpelling(…'
 */
export function foldingFingerprint(): string {
  const forms = Object.entries(locales).map(([lang, l]) => [lang, l.letterForms]);
  return [foldSpelling.toString(), normalizeSearchText.toString(), OPTIONAL_MARKS.source, JSON.stringify(forms)].join('\n');
}

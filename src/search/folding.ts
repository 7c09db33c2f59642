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
import { languages, type Lang, type LanguageSpec } from '../i18n/locales.ts';
import { foldWithForms, OPTIONAL_MARKS } from './fold-core.ts';

/**
 * Folds the spelling variants of a language into one form: Unicode NFC,
 * the language's `letterForms` (for Dari, Arabic ي ى ك and digits ٠–٩ become
 * ی ک ۰–۹), and the optional Arabic-script marks removed. Letter case,
 * spaces and the ZWNJ are left alone (search handles them itself; tag
 * identity adds its own rules on top, in `utils/slugs.ts`).
 * @param text any text, a whole HTML page included
 * @param lang the section the text belongs to: folding is per language
 * @example foldSpelling('كـابُل', fa) // 'کابل'
 */
export function foldSpelling(text: string, lang: Lang): string {
  return foldWithForms(text, languages[lang].letterForms);
}

/**
 * A fingerprint of the folding rules, for caches of folded text: the search
 * index is rebuilt when it changes.
 * @example foldingFingerprint() // 'function foldSpelling(…'
 */
export function foldingFingerprint(): string {
  const forms = Object.entries(languages as Record<string, LanguageSpec>).map(([lang, l]) => [lang, l.letterForms]);
  return [foldWithForms.toString(), foldSpelling.toString(), OPTIONAL_MARKS.source, JSON.stringify(forms)].join('\n');
}

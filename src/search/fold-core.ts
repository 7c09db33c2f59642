/**
 * The spelling folding itself, as a pure function of a language's
 * `letterForms` table (see `folding.ts`, which looks the table up in the
 * registry). This module imports nothing, so the search page's script
 * (`client.ts`) can use it without bundling the registry and its UI
 * dictionaries: the page hands it the table of its language.
 */

/**
 * Marks no language of the site needs to tell two words apart: the tatweel
 * (U+0640, a stretching stroke) and the optional vowel signs and other
 * combining marks of the Arabic script (harakat such as ـَ ـِ ـّ, the
 * superscript alef, Quranic marks). Matched after NFC, so آ (alef with
 * madda) stays one letter.
 */
// Listed by range, not as [\p{Mn}&&\p{scx=Arabic}]: the search page runs this
// in readers' browsers, and older phones do not know the regex /v flag.
export const OPTIONAL_MARKS = /[\u0610-\u061A\u0640\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED\u08CA-\u08E1\u08E3-\u08FF]/g;

const compiled = new WeakMap<Readonly<Record<string, string>>, RegExp | null>();

/**
 * Folds text with a language's letter table: Unicode NFC, each character of
 * the table replaced by the form the language writes, the optional marks
 * removed. Letter case, spaces and the ZWNJ are left alone.
 * @param forms `{ 'ي': 'ی', … }` (a registry entry's `letterForms`)
 * @example foldWithForms('كـابُل', { 'ك': 'ک' }) // 'کابل'
 */
export function foldWithForms(text: string, forms: Readonly<Record<string, string>>): string {
  let re = compiled.get(forms);
  if (re === undefined) {
    const keys = Object.keys(forms);
    re = keys.length > 0 ? new RegExp(`[${keys.join('')}]`, 'g') : null;
    compiled.set(forms, re);
  }
  const nfc = text.normalize('NFC');
  const letters = re ? nfc.replace(re, (c) => forms[c]!) : nfc;
  return letters.replace(OPTIONAL_MARKS, '');
}

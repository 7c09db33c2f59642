/**
 * The spelling-insensitive form of text that search compares: the same
 * function runs over the pages Pagefind indexes (at build time) and over
 * what the reader types (in the browser), so variants meet in the middle.
 *
 * Dari is typed on Arabic keyboards as often as on Persian ones, so the
 * same word arrives as "كابل" or "کابل", "مدافعين" or "مدافعین". We fold the
 * Arabic letters into the Persian ones that Dari text uses. Articles on the
 * page are never changed; only the index and the query are.
 */

/** Arabic-keyboard letters and their Persian (Dari) forms. */
const LETTERS: Readonly<Record<string, string>> = {
  '\u064A': '\u06CC', // ي Arabic yeh → ی
  '\u0649': '\u06CC', // ى alef maksura → ی
  '\u0643': '\u06A9', // ك Arabic kaf → ک
};
const LETTER = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/**
 * Folds Arabic-keyboard letters into their Dari forms.
 * @example normalizeSearchText('كابل') // 'کابل'
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFC').replace(LETTER, (c) => LETTERS[c]!);
}

/**
 * Spelling folding: the one place that decides which spellings of a word
 * are the same word, per language. Search compares the folded text (the
 * same rules run over the pages Pagefind indexes at build time and over
 * what the reader types in the browser, so variants meet in the middle), and
 * tag and author pages are found by it (`utils/slugs.ts`).
 *
 * Dari is typed on Arabic keyboards as often as on Persian ones, so the
 * same word arrives as "كابل" or "کابل", "مدافعين" or "مدافعین", with or
 * without hamza and madda, with Latin, Arabic-Indic or Persian digits, with
 * a ZWNJ or a space. Each language lists in the locale registry the
 * characters other keyboards give (`letterForms`), the spellings its
 * readers use interchangeably (`variantForms`) and the affixes it joins
 * with a ZWNJ (`affixes`); this module turns them into the `FoldRules` that
 * `fold-core.ts` applies. Articles on the page are never changed; only the
 * index, the query and the identity of tags are.
 */
import { languages, type Lang, type LanguageSpec } from '../i18n/locales.ts';
import { displayText, foldQuery, foldText, holdsQuery, indexText, OPTIONAL_MARKS, stem, type FoldRules } from './fold-core.ts';

const rulesCache = new Map<string, FoldRules>();

/**
 * A language's folding rules, from its registry entry: its letter tables,
 * its digits (the ones `Intl` writes numbers with in that language) and
 * its affixes.
 * @example foldRules(fa).digits // '۰۱۲۳۴۵۶۷۸۹'
 */
export function foldRules(lang: Lang): FoldRules {
  let rules = rulesCache.get(lang);
  if (!rules) {
    const spec: LanguageSpec = languages[lang];
    const format = new Intl.NumberFormat(spec.tag, { useGrouping: false });
    rules = {
      letters: { ...spec.letterForms, ...spec.variantForms },
      digits: Array.from({ length: 10 }, (_, d) => format.format(d)).join(''),
      prefixes: spec.affixes?.prefixes ?? [],
      clitics: spec.affixes?.clitics ?? [],
      suffixes: [...(spec.affixes?.suffixes ?? [])].sort((a, b) => b.length - a.length),
      literal: spec.searchUnstemmed ?? false,
    };
    rulesCache.set(lang, rules);
  }
  return rules;
}

/**
 * Folds the spelling variants of a language into one form: Unicode NFC,
 * the language's `letterForms` and `variantForms` (for Dari, Arabic ي ى ك
 * become ی ک, أ إ آ ٱ become ا, ؤ و, ئ ی, ة ۀ ه), the optional Arabic-script
 * marks removed (tatweel, harakat, the hamza of هٔ), every digit in the
 * language's own. Letter case, spaces and the ZWNJ are left alone (search
 * handles them itself; tag identity adds its own rules, in `utils/slugs.ts`).
 * The rules follow Lucene's Persian analysis (`ArabicNormalizer`,
 * `PersianNormalizer`, `DecimalDigitFilter`), per language: Pashto keeps
 * ي ې ۍ ئ and ۀ, which are letters of its own.
 * @param text any text
 * @param lang the language the text is in: folding is per language
 * @example foldSpelling('كـابُل ١٣٩٨', fa) // 'کابل ۱۳۹۸'
 */
export function foldSpelling(text: string, lang: Lang): string {
  return foldText(text, foldRules(lang));
}

/**
 * Only the keyboard forms of a language (`letterForms`: Arabic ي ك as Dari
 * ی ک) and the optional marks removed: the spelling a tag's URL segment is
 * written in. Which spellings are one tag is `foldSpelling`'s to say.
 * @example foldKeyboard('آبِ كابل', fa) // 'آب کابل'
 */
export function foldKeyboard(text: string, lang: Lang): string {
  return foldText(text, { letters: languages[lang].letterForms });
}

/**
 * The query the search page hands Pagefind for what the reader typed
 * (`foldQuery` with the language's rules; the page runs the same function).
 * @example searchQuery('كتاب ها', fa) // 'کتاب'
 */
export function searchQuery(query: string, lang: Lang): string {
  return foldQuery(query, foldRules(lang));
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };
const decodeEntities = (text: string) =>
  text.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) =>
    name ? NAMED[name.toLowerCase()]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
  );
const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * A built page as Pagefind is given it: every text node (outside `<script>`
 * and `<style>`) through `indexText` in the page's language; tags and
 * attributes are left as they are. The page on disk is not changed.
 * @param html a whole built page
 * @example indexHtml('<p>كتاب‌ها</p>', fa) // '<p>کتاب~ها|…</p>'
 */
export function indexHtml(html: string, lang: Lang): string {
  const rules = foldRules(lang);
  const parts = html.split(/(<script\b[\s\S]*?<\/script>|<style\b[\s\S]*?<\/style>|<!--[\s\S]*?-->|<[^>]*>)/i);
  return parts.map((part, i) => (i % 2 === 1 || part === '' ? part : escapeText(indexText(decodeEntities(part), rules)))).join('');
}

export { displayText };

/**
 * A fingerprint of the folding rules, for caches of folded text: the search
 * index is rebuilt when it changes.
 * @example foldingFingerprint() // 'function foldText(…'
 */
export function foldingFingerprint(): string {
  const rules = Object.keys(languages).map((lang) => [lang, foldRules(lang as Lang)]);
  return [foldText, indexText, foldQuery, stem, holdsQuery, indexHtml, OPTIONAL_MARKS.source, JSON.stringify(rules)].map(String).join('\n');
}

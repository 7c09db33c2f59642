/**
 * The registry: every language the site writes in and every section it
 * publishes, once. Everything language- or section-dependent is derived from
 * these two tables: route params and content folders, `lang`/`dir`, hreflang
 * and Open Graph locales, date and number formatting (through `Intl`, see
 * `format.ts`), quotation marks, the typeface, search folding, feeds and the
 * front page. No other file names a language or a section.
 *
 * Adding a language: an entry in `languages` with its UI dictionary
 * (`ui/<code>.ts`, typed against the English keys), and its name in every
 * section's `labels`. Adding a section: an entry in `sections` and a folder
 * `content/articles/<key>/`. See the README, "How to add a language".
 */
import { en, type UIDictionary } from './ui/en.ts';
import { de } from './ui/de.ts';
import { fa } from './ui/fa.ts';
import { ps } from './ui/ps.ts';

/** What the site needs to know to write in a language. */
export interface LanguageSpec {
  /** BCP 47 tag: `lang=""`, hreflang, `inLanguage` and every `Intl` formatter. */
  readonly tag: string;
  readonly dir: 'rtl' | 'ltr';
  /** The language's own name, as its readers look for it in a list of versions. */
  readonly name: string;
  /** Open Graph `og:locale` (language_TERRITORY). */
  readonly ogLocale: string;
  /** The calendar its dates are written in (a Unicode `ca` value). */
  readonly calendar: 'persian' | 'gregory';
  /** Its writing system (ISO 15924), which picks the typeface: `data-script` on `<html>`. */
  readonly script: 'Arab' | 'Latn';
  /**
   * Month names where the house spelling differs from CLDR's (all twelve, in
   * calendar order); the reason is given at each entry. Without it, `Intl`
   * names the months.
   */
  readonly months?: readonly string[];
  /**
   * Dates are written "day month year" from their parts, not with CLDR's
   * pattern for the language (which may add an era or reorder them).
   */
  readonly dayMonthYear?: boolean;
  /**
   * Typographic quotation marks. Articles in a language that has them get
   * SmartyPants (curly quotes, dashes, ellipses), which are rules for
   * Latin-script prose; without them the text is left as typed.
   */
  readonly quotes?: { readonly double: readonly [string, string]; readonly single: readonly [string, string] };
  /**
   * Characters typed from another keyboard, and the form this language
   * writes (see `search/folding.ts`): folded in the search index, the query
   * and tag identity, never on the page.
   */
  readonly letterForms: Readonly<Record<string, string>>;
  /**
   * Spellings of a letter that readers use interchangeably (hamza and madda
   * forms, the ezafe heh): folded where spellings are compared (the search
   * index, the query, tag identity), never on the page or in a URL.
   */
  readonly variantForms?: Readonly<Record<string, string>>;
  /**
   * What search knows of the language's word building (see
   * `search/fold-core.ts`): `prefixes` written joined to the next word with
   * a ZWNJ and `clitics` joined to the word before, both often typed with a
   * space instead; `suffixes` the query stemmer removes.
   */
  readonly affixes?: { readonly prefixes: readonly string[]; readonly clitics: readonly string[]; readonly suffixes: readonly string[] };
  /**
   * Pagefind has no stemmer for the language and indexes its words as they
   * are, so the search page can drop results that only Pagefind's
   * nearest-prefix fallback found (see `holdsQuery` in `search/fold-core.ts`).
   */
  readonly searchUnstemmed?: boolean;
  /** Its UI strings. */
  readonly ui: UIDictionary;
}

/** Arabic-Indic digits (typed on Arabic keyboards) as Eastern Arabic (Persian) digits. */
/** The alef with hamza, madda or wasla, read as the bare alef (Lucene's Persian normalization; Pashto writes them the same way). */
const alefForms: Readonly<Record<string, string>> = {
      '\u0622': '\u0627', // آ → ا
      '\u0623': '\u0627', // أ → ا
      '\u0625': '\u0627', // إ → ا
      '\u0671': '\u0627', // ٱ → ا
};

const arabicIndicDigits: Readonly<Record<string, string>> = Object.fromEntries(
  Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0x0660 + d), String.fromCharCode(0x06f0 + d)]),
);

export const languages = {
  fa: {
    tag: 'fa-AF',
    dir: 'rtl',
    name: 'دری',
    ogLocale: 'fa_AF',
    calendar: 'persian',
    script: 'Arab',
    // CLDR's fa-AF names are the Afghan ones, but it writes the sixth month
    // "سنبلهٔ" (with the ezafe hamza); Afghan calendars and the house style
    // write the name bare, "سنبله".
    months: ['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت'],
    dayMonthYear: true,
    letterForms: {
      '\u064A': '\u06CC', // ي Arabic yeh → ی
      '\u0649': '\u06CC', // ى alef maksura → ی
      '\u0643': '\u06A9', // ك Arabic kaf → ک
      ...arabicIndicDigits,
    },
    // Lucene's Persian normalization: readers type the bare alef for أ إ آ ٱ,
    // و for ؤ, ی for ئ, ه for ة and the ezafe ۀ.
    variantForms: {
      ...alefForms,
      '\u0624': '\u0648', // ؤ → و
      '\u0626': '\u06CC', // ئ → ی
      '\u0629': '\u0647', // ة → ه
      '\u06C0': '\u0647', // ۀ → ه
    },
    affixes: {
      prefixes: ['می', 'نمی', 'بی'],
      clitics: ['ها', 'های', 'هایی', 'ای', 'ام', 'ات', 'اش', 'ایم', 'اید', 'اند', 'تر', 'ترین', 'مان', 'تان', 'شان', 'ی'],
      suffixes: ['ها', 'های', 'هایی', 'ان', 'ات', 'ای', 'ی', 'تر', 'ترین'],
    },
    searchUnstemmed: true,
    ui: fa,
  },
  ps: {
    tag: 'ps-AF',
    dir: 'rtl',
    name: 'پښتو',
    ogLocale: 'ps_AF',
    calendar: 'persian',
    script: 'Arab',
    // CLDR's ps names are the Pashto zodiac months, but it spells the third
    // and fourth with the Persian gaf (غبرگولی، چنگاښ); Pashto writes ګ.
    // Dates are assembled from parts: CLDR's ps pattern is "AP ۱۳۹۵ مرغومی ۲۴",
    // with a Latin era and the year first.
    months: ['وری', 'غویی', 'غبرګولی', 'چنګاښ', 'زمری', 'وږی', 'تله', 'لړم', 'لیندۍ', 'مرغومی', 'سلواغه', 'کب'],
    dayMonthYear: true,
    // Pashto keeps ي (a letter of its own) apart from ی, so Arabic yeh is not
    // folded; an Arabic keyboard's alef maksura and kaf are.
    letterForms: {
      '\u0649': '\u06CC', // ى alef maksura → ی
      '\u0643': '\u06A9', // ك Arabic kaf → ک
      ...arabicIndicDigits,
    },
    // Only the alef forms and the Arabic teh marbuta: ي ې ۍ ئ and ۀ are Pashto
    // letters of their own, and ؤ is rare. No affixes: Pashto's endings are
    // not Dari's, and a stemmer for them is still to be written.
    variantForms: {
      ...alefForms,
      '\u0629': '\u0647', // ة → ه
    },
    searchUnstemmed: true,
    ui: ps,
  },
  en: {
    tag: 'en',
    dir: 'ltr',
    name: 'English',
    ogLocale: 'en_US',
    calendar: 'gregory',
    script: 'Latn',
    // "13 January 2017", as the publication has always dated its English pieces.
    dayMonthYear: true,
    quotes: { double: ['“', '”'], single: ['‘', '’'] },
    letterForms: {},
    ui: en,
  },
  de: {
    tag: 'de',
    dir: 'ltr',
    name: 'Deutsch',
    ogLocale: 'de_DE',
    calendar: 'gregory',
    script: 'Latn',
    quotes: { double: ['„', '“'], single: ['‚', '‘'] },
    letterForms: {},
    ui: de,
  },
} as const satisfies Record<string, LanguageSpec>;

export type Lang = keyof typeof languages;
export type Dir = LanguageSpec['dir'];

/** A section of the publication: a folder of articles with its own index, feed, archive and search. */
export interface SectionSpec {
  /** The language of the section's pages, and of its articles unless one says otherwise. */
  readonly lang: Lang;
  /** Further languages its articles may be written in (`lang:` in the frontmatter). */
  readonly otherLanguages?: readonly Lang[];
  /** The section's name in every language of the site. */
  readonly labels: Readonly<Record<Lang, string>>;
}

/**
 * The sections, in the order the site shows them (navigation, front page,
 * sitemap). The key is the content folder and the first segment of every
 * URL in the section. The first section's language is the site's: the
 * front page, 404 and `x-default` are in it.
 */
export const sections = {
  fa: { lang: 'fa', labels: { fa: 'دری', ps: 'دري', en: 'Dari', de: 'Dari' } },
  ps: { lang: 'ps', labels: { fa: 'پشتو', ps: 'پښتو', en: 'Pashto', de: 'Paschtu' } },
  en: {
    lang: 'en',
    otherLanguages: ['de'],
    labels: { fa: 'زبان‌های اروپایی', ps: 'اروپايي ژبې', en: 'European Languages', de: 'Europäische Sprachen' },
  },
} as const satisfies Record<string, SectionSpec>;

export type Section = keyof typeof sections;

/** Every language code, in registry order. */
/**
 * The language of the editor tools' own messages (`npm run check`, `import`,
 * `new`), as a BCP 47 tag: they speak English to every editor, whatever the
 * article's language, and name languages in it (CLDR's English names).
 */
export const toolsTag = 'en';

export const langs = Object.keys(languages) as Lang[];

/** Every section key, in the order the site shows them. */
export const sectionKeys = Object.keys(sections) as Section[];

/** The first section: its language is the site's (front page, 404, `x-default`). */
export const defaultSection: Section = sectionKeys[0]!;

/** The site's own language: the first section's. */
export const defaultLang: Lang = sections[defaultSection].lang;

export function isLang(value: string): value is Lang {
  return Object.hasOwn(languages, value);
}

export function isSection(value: string): value is Section {
  return Object.hasOwn(sections, value);
}

/**
 * The languages a section's articles may be written in: its own first.
 * @example sectionLanguages(defaultSection) // [defaultLang]
 */
export function sectionLanguages(section: Section): readonly Lang[] {
  const spec: SectionSpec = sections[section];
  return [spec.lang, ...(spec.otherLanguages ?? [])];
}

/**
 * The language of an article: the one its frontmatter names, else its
 * section's. The check refuses a language the section does not publish in.
 * @example articleLanguage(defaultSection, undefined) // defaultLang
 */
export function articleLanguage(section: Section, lang: string | undefined): Lang {
  return lang !== undefined && isLang(lang) ? lang : sections[section].lang;
}

/**
 * A section's name in a page's language.
 * @example sectionLabel(defaultSection, defaultLang) // 'دری'
 */
export function sectionLabel(section: Section, inLang: Lang): string {
  return (sections[section].labels as Readonly<Record<Lang, string>>)[inLang];
}

/**
 * The first language in the registry written in a script: the language of
 * text the site writes once in each script (the publication's name, its
 * motto), marked with this language wherever it appears.
 * @example languageOfScript('Arab') // 'fa'
 * @throws when no language of the site is written in the script
 */
export function languageOfScript(script: LanguageSpec['script']): Lang {
  const found = langs.find((l) => languages[l].script === script);
  if (!found) throw new Error(`no language of the site is written in ${script}`);
  return found;
}

/**
 * The language whose BCP 47 tag this is (as on a built page's `<html lang>`).
 * @example languageOfTag('fa-AF') // 'fa'
 */
export function languageOfTag(tag: string): Lang | undefined {
  return langs.find((l) => languages[l].tag.toLowerCase() === tag.toLowerCase());
}

/** Whether a language is written right to left. */
export function isRtl(lang: Lang): boolean {
  return languages[lang].dir === 'rtl';
}

/**
 * `lang`/`dir` (and `data-script`, which picks the typeface) for a fragment
 * in language `of` shown on a page in `page`: empty when they match,
 * because `<html>` already says it.
 * @example fragmentAttrs('en', 'fa') // { lang: 'en', dir: 'ltr', 'data-script': 'Latn' }
 */
export function fragmentAttrs(of: Lang, page: Lang): { lang?: string; dir?: Dir; 'data-script'?: LanguageSpec['script'] } {
  return of === page ? {} : { lang: languages[of].tag, dir: languages[of].dir, 'data-script': languages[of].script };
}

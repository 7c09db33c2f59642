/**
 * The locale registry: every language the site publishes in, once.
 * Route params, `lang`/`dir`, hreflang values, Open Graph locales and the
 * content folders are all derived from this table.
 */
export const locales = {
  fa: {
    lang: 'fa-AF',
    dir: 'rtl',
    label: 'دری',
    ogLocale: 'fa_AF',
    calendar: 'persian',
    /**
     * Characters typed from another keyboard and the form this language
     * writes (see `search/folding.ts`): Dari is typed on Arabic keyboards
     * as often as on Persian ones. Per language, because Pashto keeps ي
     * apart from ی.
     */
    letterForms: {
      '\u064A': '\u06CC', // ي Arabic yeh → ی
      '\u0649': '\u06CC', // ى alef maksura → ی
      '\u0643': '\u06A9', // ك Arabic kaf → ک
      '\u0660': '\u06F0', // ٠ … ٩ Arabic-Indic digits → ۰ … ۹
      '\u0661': '\u06F1',
      '\u0662': '\u06F2',
      '\u0663': '\u06F3',
      '\u0664': '\u06F4',
      '\u0665': '\u06F5',
      '\u0666': '\u06F6',
      '\u0667': '\u06F7',
      '\u0668': '\u06F8',
      '\u0669': '\u06F9',
    },
  },
  en: { lang: 'en', dir: 'ltr', label: 'English', ogLocale: 'en_US', calendar: 'gregory', letterForms: {} },
} as const;

export type Lang = keyof typeof locales;
export type Dir = (typeof locales)[Lang]['dir'];

/** Section order wherever both appear (front page, sitemap): Dari first. */
export const langs = Object.keys(locales) as Lang[];

export const defaultLang: Lang = 'fa';

export function isLang(value: string): value is Lang {
  return Object.hasOwn(locales, value);
}

export const rtlLangs = langs.filter((l) => locales[l].dir === 'rtl');

/** The other section's language: the site has exactly two. */
export function otherLang(lang: Lang): Lang {
  return lang === 'fa' ? 'en' : 'fa';
}

/**
 * `lang`/`dir` attributes for a fragment in language `of` shown on a page in
 * `page`: empty when they match, because `<html>` already says it.
 * @example fragmentAttrs('en', 'fa') // { lang: 'en', dir: 'ltr' }
 */
export function fragmentAttrs(of: Lang, page: Lang): { lang?: string; dir?: Dir } {
  return of === page ? {} : { lang: locales[of].lang, dir: locales[of].dir };
}

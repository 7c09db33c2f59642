/**
 * The locale registry: every language the site publishes in, once.
 * Route params, `lang`/`dir`, hreflang values, Open Graph locales and the
 * content folders are all derived from this table.
 */
export const locales = {
  fa: { lang: 'fa-AF', dir: 'rtl', label: 'دری', ogLocale: 'fa_AF', calendar: 'persian' },
  en: { lang: 'en', dir: 'ltr', label: 'English', ogLocale: 'en_US', calendar: 'gregory' },
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

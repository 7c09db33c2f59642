/**
 * hreflang clusters: which built pages are the same content in another
 * language. `<head>` (`Head.astro`) and the sitemap
 * (`src/integrations/sitemap.ts`) both ask this module, so the two always
 * list the same alternates.
 */
import { defaultLang, langs, locales, type Lang } from '../i18n/locales.ts';
import { sectionPath } from './urls.ts';

export interface Alternate {
  readonly lang: Lang | 'x-default';
  readonly path: string;
}

/** A page that can take part in a cluster. */
export interface Localized {
  readonly lang: Lang;
  readonly path: string;
}

/**
 * The translation of `item`, only when both sides name each other. Search
 * engines drop hreflang pairs that are not reciprocal, so a one-sided link
 * (which validation also reports) joins nothing.
 * @example mutualTranslation(en, byId, (a) => a.translation) // the Dari piece, if it points back
 */
export function mutualTranslation<T extends { readonly id: string }>(
  item: T,
  byId: ReadonlyMap<string, T>,
  translationId: (item: T) => string | undefined,
): T | undefined {
  const ref = translationId(item);
  const other = ref === undefined ? undefined : byId.get(ref);
  return other && translationId(other) === item.id ? other : undefined;
}

function inLangOrder(pages: readonly Localized[]): Alternate[] {
  return [...pages].sort((a, b) => langs.indexOf(a.lang) - langs.indexOf(b.lang));
}

/**
 * An article and its translation, or nothing when it stands alone: a
 * cluster of one tells a crawler nothing the canonical does not.
 * @example articleAlternates(en, fa) // [{ lang: 'fa', path: fa.path }, { lang: 'en', path: en.path }]
 */
export function articleAlternates(article: Localized, translation?: Localized): Alternate[] {
  return translation ? inLangOrder([article, translation]) : [];
}

/** Where a reader of `lang` starts: the front page for Dari, the section index otherwise. */
function homePath(lang: Lang): string {
  return lang === defaultLang ? '/' : sectionPath(lang);
}

/**
 * The publication's home in each language: the (Dari) front page and the
 * first page of every other section, plus `x-default` for everyone else.
 * The Dari section index is a listing, not a home, so it stands alone.
 */
export function homeAlternates(): Alternate[] {
  return [...langs.map((lang) => ({ lang, path: homePath(lang) })), { lang: 'x-default', path: '/' }];
}

/** The alternates of page `page` of a section index. */
export function sectionAlternates(lang: Lang, page: number): Alternate[] {
  return page === 1 && homePath(lang) === sectionPath(lang) ? homeAlternates() : [];
}

/**
 * The hreflang value of an alternate, from the locale registry.
 * @example hreflang({ lang: 'fa', path: '/' }) // 'fa-AF'
 */
export function hreflang(alt: Alternate): string {
  return alt.lang === 'x-default' ? 'x-default' : locales[alt.lang].lang;
}

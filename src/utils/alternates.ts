/**
 * hreflang clusters: which built pages are the same content in another
 * language. `<head>` (`Head.astro`) and the sitemap
 * (`src/integrations/sitemap.ts`) both ask this module, so the two always
 * list the same alternates.
 */
import { defaultSection, langs, languages, sectionKeys, sections, type Lang, type Section } from '../i18n/locales.ts';
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

function inLangOrder(pages: readonly Localized[]): Alternate[] {
  return [...pages].sort((a, b) => langs.indexOf(a.lang) - langs.indexOf(b.lang));
}

/**
 * The published versions of one piece (the article and its translations,
 * `translationsOf` in `utils/articles.ts`), in registry order; nothing when
 * it stands alone: a cluster of one tells a crawler nothing the canonical
 * does not. Every version lists every other, so the cluster is reciprocal.
 * @example articleAlternates([en, fa, ps]) // [{ lang: fa, … }, { lang: en, … }, { lang: ps, … }]
 */
export function articleAlternates(versions: readonly Localized[]): Alternate[] {
  return versions.length > 1 ? inLangOrder(versions) : [];
}

/** Where a reader of a section starts: the front page for the first section, the section index otherwise. */
function homePath(section: Section): string {
  return section === defaultSection ? '/' : sectionPath(section);
}

/**
 * The publication's home in each section's language: the front page and
 * the first page of every other section, plus `x-default` for everyone
 * else. The first section's own index is a listing, not a home, so it
 * stands alone.
 */
export function homeAlternates(): Alternate[] {
  return [...sectionKeys.map((section) => ({ lang: sections[section].lang, path: homePath(section) })), { lang: 'x-default', path: '/' }];
}

/** The alternates of page `page` of a section index. */
export function sectionAlternates(section: Section, page: number): Alternate[] {
  return page === 1 && homePath(section) === sectionPath(section) ? homeAlternates() : [];
}

/**
 * The hreflang value of an alternate, from the registry.
 * @example hreflang({ lang: fa, path: '/' }) // 'fa-AF'
 */
export function hreflang(alt: Alternate): string {
  return alt.lang === 'x-default' ? 'x-default' : languages[alt.lang].tag;
}

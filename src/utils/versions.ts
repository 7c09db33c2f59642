/**
 * The language switch: where a reader of another language finds this page.
 * On an article, its other published versions, named by language; on any
 * other page, the same kind of page in every other section, named by the
 * section in its own language.
 */
import { languages, sectionKeys, sectionLabel, sections, type Lang, type Section } from '../i18n/locales.ts';
import type { Article } from './articles.ts';

/** One entry of the switch. */
export interface Version {
  readonly href: string;
  /** The language the target page is in (its `hreflang`, and the label's `lang`). */
  readonly lang: Lang;
  /** What the reader of that language looks for. */
  readonly label: string;
}

/**
 * The same kind of page in every other section.
 * @example otherSections(fa, archivePath) // [{ href: '/en/archive/', lang: en, label: 'European Languages' }]
 */
export function otherSections(section: Section, pathFor: (section: Section) => string): Version[] {
  return sectionKeys
    .filter((s) => s !== section)
    .map((s) => {
      const lang = sections[s].lang;
      return { href: pathFor(s), lang, label: sectionLabel(s, lang) };
    });
}

/**
 * An article's other published versions, each named in its own language.
 * @example articleVersions(translationsOf(article, index)) // [{ href: '/fa/…', lang: fa, label: 'دری' }]
 */
export function articleVersions(translations: readonly Article[]): Version[] {
  return translations.map((t) => ({ href: t.path, lang: t.lang, label: languages[t.lang].name }));
}

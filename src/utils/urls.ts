/**
 * URL building: every internal link is made here, so the route shape lives in
 * one file (and in the matching `src/pages` folders). Every path starts with
 * the section (`/fa/`, `/en/`), whatever language an article in it is
 * written in: a German piece in European Languages lives under `/en/`.
 */
import { site } from '../config/site.ts';
import { sections, type Section } from '../i18n/locales.ts';
import { gregorianParts } from './dates.ts';
import { pathSegment } from './slugs.ts';

/**
 * The path of an article: `/{section}/{yyyy}/{mm}/{slug}/`, with year and
 * month of publication in Kabul.
 * @example articlePath(en, 'azerbaijan-pakistan', new Date('2017-01-13')) // '/en/2017/01/azerbaijan-pakistan/'
 */
export function articlePath(section: Section, slug: string, date: Date): string {
  const { year, month } = gregorianParts(date);
  return `/${section}/${year}/${String(month).padStart(2, '0')}/${slug}/`;
}

/**
 * Page `page` of a paginated list whose first page is at `base`:
 * the first page is `base` itself, the rest `base/page/N/`.
 * @example paged('/en/tags/herat/', 2) // '/en/tags/herat/page/2/'
 */
export function paged(base: string, page = 1): string {
  return page <= 1 ? base : `${base}page/${page}/`;
}

/**
 * Page `page` of one year of a tag's or an author's list, whose front page
 * is at `base`: the year in the section's calendar, with ASCII digits.
 * @example inYear('/fa/tags/هرات/', 1395, 2) // '/fa/tags/هرات/1395/page/2/'
 */
export function inYear(base: string, year: number, page = 1): string {
  return paged(`${base}${year}/`, page);
}

/**
 * The path of page `page` of a section index: `/en/`, `/en/page/2/`, …
 * @example sectionPath(fa, 2) // '/fa/page/2/'
 */
export function sectionPath(section: Section, page = 1): string {
  return paged(`/${section}/`, page);
}

/**
 * The list of a section's tags, and the front page of one tag (its years: `inYear`), for a
 * tag spelt as its page names it (`Group.label`). Another spelling of the
 * same tag may give another segment ("مهاجرتها" for "مهاجرت‌ها"): pages link
 * an article's own spelling through `namePath` in `utils/articles.ts`.
 * The path is written as the browser shows it (Dari letters, not %-escapes);
 * it contains no character that a URL or a file name treats specially.
 * @example tagPath(en, 'Central Asia') // '/en/tags/central-asia/'
 */
export function tagPath(section: Section, tag?: string, page = 1): string {
  return tag === undefined ? `/${section}/tags/` : paged(`/${section}/tags/${pathSegment(tag, sections[section].lang)}/`, page);
}

/**
 * The front page of one author's articles in a section (its years: `inYear`), for a name
 * spelt as its page names it (see `tagPath`).
 * @example authorPath(en, 'Fuad Shahbazov') // '/en/authors/fuad-shahbazov/'
 */
export function authorPath(section: Section, name: string, page = 1): string {
  return paged(`/${section}/authors/${pathSegment(name, sections[section].lang)}/`, page);
}

/**
 * A section's archive: the overview, or one month in the section's calendar
 * (Solar Hijri for Dari, Gregorian for English), with ASCII digits in the URL.
 * @example archivePath(fa, 1395, 10) // '/fa/archive/1395/10/'
 */
export function archivePath(section: Section, year?: number, month?: number, page = 1): string {
  if (year === undefined || month === undefined) return `/${section}/archive/`;
  return paged(`/${section}/archive/${year}/${String(month).padStart(2, '0')}/`, page);
}

/**
 * A section's search page.
 * @example searchPath(fa) // '/fa/search/'
 */
export function searchPath(section: Section): string {
  return `/${section}/search/`;
}

/**
 * A section's RSS feed (the feed of every section is `/rss.xml`).
 * @example feedPath(fa) // '/fa/rss.xml'
 */
export function feedPath(section: Section): string {
  return `/${section}/rss.xml`;
}

/** The build-output folder holding the search index (written by `search/build-index.ts`). */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * The folder of a section's search index.
 * @example searchIndexPath(fa) // '/pagefind/fa/'
 */
export function searchIndexPath(section: Section): string {
  return `/${SEARCH_INDEX_DIR}/${section}/`;
}

/** The file in that folder that lists its Pagefind bundles (a `SearchManifest`). */
export const SEARCH_MANIFEST = 'search.json';

/**
 * What a section's search page reads first.
 * @example searchManifestPath(fa) // '/pagefind/fa/search.json'
 */
export function searchManifestPath(section: Section): string {
  return `${searchIndexPath(section)}${SEARCH_MANIFEST}`;
}

/**
 * The absolute URL of a site path, against the configured site origin.
 * @example absoluteUrl('/en/') // 'https://www.afgazad.com/en/'
 */
export function absoluteUrl(path: string, origin: string = siteOrigin()): string {
  return new URL(path, origin).href;
}

/** The site origin: `SITE_URL` (for staging builds) or the configured one. */
export function siteOrigin(): string {
  const fromEnv = typeof process !== 'undefined' ? process.env.SITE_URL : undefined;
  return fromEnv && fromEnv.length > 0 ? fromEnv : site.url;
}

/**
 * Splits an article id ("fa/some-slug") into its section folder and slug.
 * @example splitId('en/azerbaijan-pakistan') // { folder: en, slug: 'azerbaijan-pakistan' }
 */
export function splitId(id: string): { folder: string; slug: string } {
  const cut = id.indexOf('/');
  return cut < 0 ? { folder: '', slug: id } : { folder: id.slice(0, cut), slug: id.slice(cut + 1) };
}

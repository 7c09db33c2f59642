/**
 * Static paths for the paginated list routes (`…/[...page].astro`): section
 * indexes and the tag, author and archive-month pages. One place decides the
 * `page/N` URL segment and what an incremental build may reuse.
 */
import { site } from '../config/site.ts';
import { sectionKeys, type Section } from '../i18n/locales.ts';
import { archiveYear, byYear, pageCacheKey, type Article } from './articles.ts';
import { paginateList, type Page } from './paginate.ts';
import { inYear } from './urls.ts';

/**
 * One path per page of `articles`: page 1 at the list's own URL, then
 * `page/2/` and on. The cache key covers what the page shows: its articles,
 * every route param, its number and the page count (the "page N of M" line
 * and the pagination links), plus any `keyParts` the page also shows, such
 * as a tag's label. Not the list's length, which no list page shows: so an
 * article dated years back (an import from the old site) re-renders only
 * the pages from its place in the list on, not every page of the list.
 * `maxPages` cuts the list (see `site.sectionPages`); its last page then
 * carries the first article left out (`page.after`), and that is in its key.
 * @example listPaths(index.bySection.en, { section: en }, { section: en })
 */
export function listPaths<Params extends Record<string, string>, Props extends object>(
  articles: readonly Article[],
  params: Params,
  props: Props,
  keyParts: readonly (string | number)[] = [],
  maxPages = Infinity,
): { params: Params & { page: string | undefined }; props: Props & { page: Page<Article> }; cacheKey: string }[] {
  return pagePaths(articles, params, props, keyParts, maxPages, undefined);
}

/** `listPaths` with the pages under a `segment` of the list's URL (a year: `1395`, `1395/page/2`). */
function pagePaths<Params extends Record<string, string>, Props extends object>(
  articles: readonly Article[],
  params: Params,
  props: Props,
  keyParts: readonly (string | number)[],
  maxPages: number,
  segment: string | undefined,
): { params: Params & { page: string | undefined }; props: Props & { page: Page<Article> }; cacheKey: string }[] {
  return paginateList(articles, undefined, maxPages).map((page) => ({
    params: { ...params, page: [segment, page.current === 1 ? undefined : `page/${page.current}`].filter(Boolean).join('/') || undefined },
    props: { ...props, page },
    // A capped list's last page links on to where its first left-out article is (`after`).
    cacheKey: pageCacheKey([...page.items, ...(page.after ? [page.after] : [])], ...Object.values(params), ...keyParts, page.current, page.total),
  }));
}

/**
 * One path per section, for routes with a page per section (archive and tag
 * overviews, search, feeds).
 * @example sectionPaths()[0] // { params: { section: fa }, props: { section: fa } }
 */
export function sectionPaths(): { params: { section: Section }; props: { section: Section } }[] {
  return sectionKeys.map((section) => ({ params: { section }, props: { section } }));
}

/** What a tag's or an author's page shows besides its articles (a type, not an interface: Astro's props need an index signature). */
export type NamePageProps = {
  readonly page: Page<Article>;
  /** On a year's pages: the year (section calendar). */
  readonly year?: number;
  /** On the front page: every year the list has, newest first (empty when the front page holds it all). */
  readonly years: readonly number[];
  /** On the last page of the front or of a year: where the list goes on (a year's page). */
  readonly older?: string;
};

/**
 * The pages of one tag or author (`…/[...page].astro`): a front page at
 * `base` with the newest articles (`site.namePages` pages) and the list of
 * years, then, when the list is longer than that, every article again by
 * year of the section's calendar (`inYear(base, 1395)`, `…/1395/page/2/`),
 * newest first within the year. The front page's last page goes on to the
 * year page where its first left-out article is, and a year's last page to
 * the first page of the year before, so "older articles" leads through the
 * whole list. Why: a year's pages do not move when a newer or an older
 * year gains an article, so adding the newest article re-renders the front
 * page and the pages of its year only, and a backdated one (an import from
 * the old site) only its year's, from its place on.
 * @param base the front page's path (`tagPath(section, label)`)
 * @example namePaths(group.articles, { section, tag: group.key }, { section, group }, tagPath(section, group.label), [group.label])
 */
export function namePaths<Params extends Record<string, string>, Props extends object>(
  articles: readonly Article[],
  params: Params,
  props: Props,
  base: string,
  keyParts: readonly (string | number)[] = [],
  frontPages = site.namePages,
): { params: Params & { page: string | undefined }; props: Props & NamePageProps; cacheKey: string }[] {
  const fits = articles.length <= frontPages * site.pageSize;
  const years = fits ? [] : byYear(articles);
  const yearNumbers = years.map((y) => y.year);
  const after = articles[frontPages * site.pageSize];
  const older = after && yearPageOf(years, after, base);
  const front = pagePaths(articles, params, { ...props, years: yearNumbers }, [...keyParts, yearNumbers.join(',')], frontPages, undefined).map((path) =>
    goesOn(path, path.props.page.after ? older : undefined),
  );
  const byYearPaths = years.flatMap(({ year, articles: inThisYear }, i) => {
    const before = years[i + 1];
    const next = before && inYear(base, before.year);
    return pagePaths(inThisYear, params, { ...props, year, years: [] }, [...keyParts, year], Infinity, String(year)).map((path) =>
      goesOn(path, path.props.page.current === path.props.page.total ? next : undefined),
    );
  });
  return [...front, ...byYearPaths];
}

/** A page with its "older" link (`older`, if any): in its props and in its cache key, of that page only. */
function goesOn<P extends { props: object; cacheKey: string }>(path: P, older: string | undefined): P & { props: P['props'] & { older?: string } } {
  return { ...path, props: { ...path.props, older }, cacheKey: older === undefined ? path.cacheKey : `${path.cacheKey}|older=${older}` };
}

/** The year page of a name's list (`namePaths`) that shows `article`. */
function yearPageOf(years: readonly { year: number; articles: readonly Article[] }[], article: Article, base: string): string {
  const year = archiveYear(article);
  const at = years.find((y) => y.year === year)?.articles.indexOf(article) ?? -1;
  if (at < 0) throw new Error(`${article.id} is not in its list's year ${year}`);
  return inYear(base, year, Math.floor(at / site.pageSize) + 1);
}

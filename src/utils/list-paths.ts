/**
 * Static paths for the paginated list routes (`…/[...page].astro`): section
 * indexes and the tag, author and archive-month pages. One place decides the
 * `page/N` URL segment and what an incremental build may reuse.
 */
import { sectionKeys, type Section } from '../i18n/locales.ts';
import { pageCacheKey, type Article } from './articles.ts';
import { paginateList, type Page } from './paginate.ts';

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
  return paginateList(articles, undefined, maxPages).map((page) => ({
    params: { ...params, page: page.current === 1 ? undefined : `page/${page.current}` },
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

/**
 * What an incremental build re-renders when an article joins a list
 * (`listPaths` cache keys): an article dated years back, as every import
 * from the old site is, changes the pages from its place in the list on,
 * and leaves the newer pages before it alone; the newest article shifts
 * every page. The time this saves is in BENCHMARKS.md ("backdated").
 */
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { sectionKeys } from '../../src/i18n/locales.ts';
import type { Article } from '../../src/utils/articles.ts';
import { listPaths } from '../../src/utils/list-paths.ts';

const section = sectionKeys[0]!;
/** Only what a cache key reads of an article: its id and its entry's digest. */
const article = (n: number) => ({ id: `a${n}`, entry: { digest: `d${n}` } }) as unknown as Article;
const keys = (list: readonly Article[]) => listPaths(list, { section }, { section }).map((p) => p.cacheKey);

describe('list page cache keys', () => {
  const size = site.pageSize;
  // Newest first, four full pages and part of a fifth: adding one keeps the page count.
  const archive = Array.from({ length: 4 * size + 2 }, (_, i) => article(i));

  it('a backdated article changes only the pages from its place on', () => {
    const at = 2 * size + 3; // on page 3
    const withOld = [...archive.slice(0, at), article(999), ...archive.slice(at)];
    const before = keys(archive);
    const after = keys(withOld);
    expect(after.length).toBe(before.length);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    for (let page = 2; page < after.length; page++) expect(after[page]).not.toBe(before[page]);
  });

  it('the newest article changes every page', () => {
    const before = keys(archive);
    const after = keys([article(999), ...archive]);
    after.forEach((key, page) => expect(key).not.toBe(before[page]));
  });

  it('a new page count changes every page (its "page N of M" line)', () => {
    const full = archive.slice(0, 4 * size);
    const before = keys(full);
    const after = keys([...full, article(999)]);
    expect(after.length).toBe(before.length + 1);
    before.forEach((key, page) => expect(after[page]).not.toBe(key));
  });
});

describe('a section index cut to its newest pages (site.sectionPages)', () => {
  const size = site.pageSize;
  const cap = 3;
  const archive = Array.from({ length: 40 * size }, (_, i) => article(i));
  const capped = (list: readonly Article[]) => listPaths(list, { section }, { section }, [], cap);

  it('has at most that many pages, and its last page names the first article left out', () => {
    const paths = capped(archive);
    expect(paths).toHaveLength(cap);
    expect(paths.map((p) => p.props.page.total)).toEqual([cap, cap, cap]);
    expect(paths.at(-1)!.props.page.after).toBe(archive[cap * size]);
    expect(paths.slice(0, -1).every((p) => p.props.page.after === undefined)).toBe(true);
    // A list that fits is not cut and names nothing.
    expect(capped(archive.slice(0, 2 * size)).at(-1)!.props.page.after).toBeUndefined();
  });

  it('the newest article re-renders those pages only, each of them (the last links on to a new place)', () => {
    const before = capped(archive).map((p) => p.cacheKey);
    const after = capped([article(999), ...archive]).map((p) => p.cacheKey);
    expect(after).toHaveLength(cap);
    after.forEach((key, page) => expect(key).not.toBe(before[page]));
  });

  it('an article dated past the cut re-renders none of them', () => {
    const at = 20 * size;
    expect(capped([...archive.slice(0, at), article(999), ...archive.slice(at)]).map((p) => p.cacheKey)).toEqual(capped(archive).map((p) => p.cacheKey));
  });
});

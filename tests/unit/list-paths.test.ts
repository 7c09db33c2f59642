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
import { archiveYear, type Article } from '../../src/utils/articles.ts';
import { listPaths, namePaths } from '../../src/utils/list-paths.ts';

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

describe('a tag\'s or an author\'s pages: a front page, then by year (namePaths)', () => {
  const size = site.pageSize;
  const base = `/${section}/tags/x/`;
  let serial = 0;
  /** An article of the first section dated `iso`: what `namePaths` reads (date, section) and a cache key reads (id, digest). */
  const dated = (iso: string) => {
    const n = serial++;
    return { id: `d${n}`, section, entry: { digest: `g${n}` }, data: { date: new Date(`${iso}T12:00:00Z`) } } as unknown as Article;
  };
  /** `n` articles in the middle of Gregorian year `y` (one calendar year in every calendar the registry names), newest first. */
  const ofYear = (y: number, n: number) => Array.from({ length: n }, (_, i) => dated(`${y}-08-${String(28 - (i % 27)).padStart(2, '0')}`));
  // Newest first: 3 articles in 2024, 2.5 pages in 2020, 5 in 2015.
  const list = [...ofYear(2024, 3), ...ofYear(2020, 2 * size + size / 2), ...ofYear(2015, 5)];
  const years = [2024, 2020, 2015].map((y) => archiveYear(list.find((a) => a.data.date.getUTCFullYear() === y)!));
  const paths = (l: readonly Article[]) => namePaths(l, { section, tag: 'x' }, { section }, base, ['X'], 1);
  const pageParams = (l: readonly Article[]) => paths(l).map((p) => p.params.page);
  const keysOf = (l: readonly Article[]) => new Map(paths(l).map((p) => [p.params.page ?? '', p.cacheKey]));

  it('a list that fits its front page has that page only, and no years', () => {
    const short = list.slice(0, size);
    expect(pageParams(short)).toEqual([undefined]);
    expect(paths(short)[0]!.props).toMatchObject({ years: [], older: undefined });
  });

  it('a longer one has the newest on its front page with its years, then each year whole, paginated newest first', () => {
    const all = paths(list);
    expect(all.map((p) => p.params.page)).toEqual([undefined, `${years[0]}`, `${years[1]}`, `${years[1]}/page/2`, `${years[1]}/page/3`, `${years[2]}`]);
    const [front, ...byYear] = all;
    expect(front!.props.page.items).toEqual(list.slice(0, size));
    expect(front!.props.years).toEqual(years);
    // Its ninth article is the 6th of the second year: on that year's first page.
    expect(front!.props.older).toBe(`${base}${years[1]}/`);
    expect(byYear.flatMap((p) => p.props.page.items)).toEqual(list);
    expect(byYear.map((p) => p.props.year)).toEqual([years[0], years[1], years[1], years[1], years[2]]);
    // A year's last page goes on to the year before; the oldest goes nowhere.
    expect(byYear.map((p) => p.props.older)).toEqual([`${base}${years[1]}/`, undefined, undefined, `${base}${years[2]}/`, undefined]);
    expect(byYear.every((p) => p.props.years.length === 0)).toBe(true);
  });

  it('the front page goes on to the page of its year where its first left-out article is', () => {
    const later = [...ofYear(2024, size + 2), ...ofYear(2020, 3)];
    expect(paths(later)[0]!.props.older).toBe(`${base}${years[0]}/page/2/`);
  });

  it('the newest article re-renders the front page and its year\'s pages only', () => {
    const before = keysOf(list);
    const after = keysOf([dated('2024-08-30'), ...list]);
    const changed = [...after].filter(([page, key]) => before.get(page) !== key).map(([page]) => page);
    expect(changed).toEqual(['', `${years[0]}`]);
  });

  it('a backdated article re-renders its year\'s pages from its place on, and nothing else', () => {
    const before = keysOf(list);
    const at = 3 + 2 * size + 1; // on the third page of the second year
    const old = dated('2020-08-01');
    const after = keysOf([...list.slice(0, at), old, ...list.slice(at)]);
    const changed = [...after].filter(([page, key]) => before.get(page) !== key).map(([page]) => page);
    expect(changed).toEqual([`${years[1]}/page/3`]);
  });

  it('an article in a year the list did not have re-renders the front page (its list of years) and the year before it', () => {
    const before = keysOf(list);
    const after = keysOf([...list.slice(0, -5), dated('2017-08-01'), ...list.slice(-5)]);
    const changed = [...after].filter(([page, key]) => before.get(page) !== key).map(([page]) => page);
    const y2017 = archiveYear(dated('2017-08-01'));
    expect(changed).toEqual(['', `${years[1]}/page/3`, `${y2017}`]);
  });
});

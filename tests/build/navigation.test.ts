/**
 * Navigation in the built HTML: tag, author and archive pages list every
 * article where it belongs; contents links resolve; breadcrumbs and the
 * language switch lead to built pages; only search pages carry JavaScript;
 * the search index is split by language. Expectations come from the test site's
 * articles (tests/fixtures/site/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smartText } from '../../src/utils/typography.ts';
import { site } from '../../src/config/site.ts';
import { afghanMonths, gregorianParts, solarHijriParts } from '../../src/utils/dates.ts';
import { formatMonth, formatNumber } from '../../src/i18n/format.ts';
import { archivePath, authorPath, searchManifestPath, searchPath, sectionPath, tagPath } from '../../src/utils/urls.ts';
import type { SearchManifest } from '../../src/search/manifest.ts';
import { SHARD_PAGES } from '../../src/search/plan.ts';
import { WARM_DIR, WARM_WORD } from '../../src/search/warm-bundle.ts';
import { distDir } from '../helpers/paths.ts';
import { builtIn, pageIn, pagesIn } from '../helpers/dist.ts';
import { byId, published, section, translationsOf } from '../helpers/content.ts';
import { defaultSection, isSection, languages, sectionKeys, sectionLabel, sections, type Lang, type Section } from '../../src/i18n/locales.ts';
import { MIN_SECTIONS } from '../../src/utils/toc.ts';

const sectionLang = (s: Section): Lang => sections[s].lang;

/** Year and month an article is filed under in a section's archive: its calendar, worked out by date arithmetic (not Intl). */
function archiveMonth(date: Date, key: Section): { year: number; month: number } {
  return languages[sectionLang(key)].calendar === 'persian' ? solarHijriParts(date) : gregorianParts(date);
}

/** The section a built page belongs to: its first path segment, or the first section (front page). */
function sectionOfPage(path: string): Section {
  const first = decodeURI(path).split('/')[1] ?? '';
  return isSection(first) ? first : defaultSection;
}

/** The article a built page is, if it is one. */
const articleAt = new Map(published.map((a) => [a.path, a]));

/** The article links of a paginated list, following "next" to the end. */
function listing(first: string): string[] {
  const links: string[] = [];
  let path: string | undefined = first;
  while (path) {
    const doc = pageIn(distDir, path);
    links.push(...[...doc.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href')!));
    path = doc.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href') ?? undefined;
  }
  return links;
}

const decoded = (path: string) => decodeURI(path);

/**
 * The article links met following "older articles" from `start`: each
 * page's last pagination link (rel="next" within a list; none where a
 * list goes on to the archive, to the month or year before), each link once.
 */
function followOlder(start: string): string[] {
  const links: string[] = [];
  const visited = new Set<string>();
  let path: string | undefined = start;
  while (path && !visited.has(path)) {
    visited.add(path);
    const doc = pageIn(distDir, path);
    for (const a of doc.querySelectorAll('main article h2 a')) if (!links.includes(a.getAttribute('href')!)) links.push(a.getAttribute('href')!);
    path = doc.querySelector('nav.pagination > a:last-child')?.getAttribute('href') ?? undefined;
  }
  return links.map(decoded);
}

/** The year links of a tag's or an author's front page, newest first. */
const yearLinks = (front: string) => [...pageIn(distDir, front).querySelectorAll('main nav.years a')].map((a) => [a.textContent!, decoded(a.getAttribute('href')!)] as const);

describe('tag, author and archive pages', () => {
  it.each(sectionKeys)('%s: every article is listed under each of its tags, newest first', (key) => {
    const tags = new Set(section(key).flatMap((a) => a.data.tags as string[]));
    expect(tags.size, key).toBeGreaterThan(0);
    for (const tag of tags) {
      const expected = section(key).filter((a) => a.data.tags.includes(tag)).map((a) => a.path);
      expect(followOlder(tagPath(key, tag)), tag).toEqual(expected);
    }
    const index = pageIn(distDir, tagPath(key));
    for (const tag of tags) expect(index.querySelector(`main a[href="${tagPath(key, tag)}"]`), tag).not.toBeNull();
  });

  it.each(sectionKeys)('%s: every author has a page listing their articles, linked from the article', (key) => {
    for (const article of section(key)) {
      for (const author of article.data.authors as string[]) {
        expect(followOlder(authorPath(key, author)), author).toContain(article.path);
        expect(pageIn(distDir, article.path).querySelector(`.byline a[href="${authorPath(key, author)}"]`), author).not.toBeNull();
      }
    }
  });

  it('past its front page, a tag or an author is listed by year of the section\'s calendar, each year whole and newest first', () => {
    let long = 0;
    for (const key of sectionKeys) long += checkYears(key);
    expect(long, 'the fixture has a tag or author longer than its front page').toBeGreaterThan(0);
  });

  /** Checks the front and year pages of every tag and author of a section; returns how many go on past the front page. */
  function checkYears(key: Section): number {
    const lang = sectionLang(key);
    const lists = [
      ...[...new Set(section(key).flatMap((a) => a.data.tags as string[]))].map((tag) => [tagPath(key, tag), (a: (typeof published)[number]) => a.data.tags.includes(tag)] as const),
      ...[...new Set(section(key).flatMap((a) => a.data.authors as string[]))].map((name) => [authorPath(key, name), (a: (typeof published)[number]) => a.data.authors.includes(name)] as const),
    ];
    let long = 0;
    for (const [front, belongs] of lists) {
      const members = section(key).filter(belongs);
      const frontDoc = pageIn(distDir, front);
      expect([...frontDoc.querySelectorAll('main article h2 a')].map((a) => decoded(a.getAttribute('href')!)), front).toEqual(members.slice(0, site.pageSize * site.namePages).map((a) => a.path));
      const years = [...new Set(members.map((a) => archiveMonth(a.data.date, key).year))];
      if (members.length <= site.pageSize * site.namePages) {
        // All on the front page: no year pages that would only repeat it.
        expect(yearLinks(front), front).toEqual([]);
        continue;
      }
      long++;
      expect(yearLinks(front), front).toEqual(years.map((y) => [formatNumber(y, lang), decoded(`${front}${y}/`)]));
      for (const y of years) {
        const expected = members.filter((a) => archiveMonth(a.data.date, key).year === y).map((a) => a.path);
        expect(listing(`${front}${y}/`).map(decoded), `${front}${y}/`).toEqual(expected);
        expect(pageIn(distDir, `${front}${y}/`).querySelector('h1')?.textContent, `${front}${y}/`).toContain(formatNumber(y, lang));
      }
    }
    return long;
  }

  it.each(sectionKeys)('%s: the archive files every article under its month, in the calendar of the section\'s language', (key) => {
    const overview = pageIn(distDir, archivePath(key));
    const lang = sectionLang(key);
    for (const article of section(key)) {
      const { year, month } = archiveMonth(article.data.date, key);
      const path = archivePath(key, year, month);
      expect(overview.querySelector(`main a[href="${path}"]`)?.textContent, path).toBe(formatMonth(year, month, lang));
      expect(listing(path), path).toContain(article.path);
      expect(pageIn(distDir, path).querySelector('h1')?.textContent).toBe(formatMonth(year, month, lang));
    }
  });

  it.each(sectionKeys)('%s: "older articles" leads from the section index, and from the newest archive month, to every article, newest first', (key) => {
    const all = section(key).map((a) => a.path);
    expect(followOlder(sectionPath(key))).toEqual(all);
    const { year, month } = archiveMonth(section(key)[0]!.data.date, key);
    expect(followOlder(archivePath(key, year, month))).toEqual(all);
  });

  it('names Dari archive months the Afghan way, with Eastern digits', () => {
    const text = pageIn(distDir, archivePath('fa')).querySelector('main')!.textContent!;
    expect(afghanMonths.some((m) => text.includes(m))).toBe(true);
    expect(text).not.toMatch(/[0-9]/);
    expect(text).not.toMatch(/فروردین|اردیبهشت|خرداد|مرداد|شهریور|آبان|آذر|بهمن|اسفند/);
  });

  it('names Pashto archive months with the Pashto names of the Solar Hijri months, with Eastern digits', () => {
    const main = pageIn(distDir, archivePath('ps')).querySelector('main')!;
    const months = [...main.querySelectorAll('a[href^="/ps/archive/1"]')].map((a) => a.textContent!);
    // The Pashto pieces of 2016-05-20, 2020-08-14 and 2023-10-20.
    expect(months).toEqual(expect.arrayContaining(['غویی ۱۳۹۵', 'زمری ۱۳۹۹', 'تله ۱۴۰۲']));
    const text = main.textContent!;
    expect(text).not.toMatch(/[0-9]/);
    // Neither the Dari names (حمل، ثور …) nor the Iranian ones.
    for (const m of [...afghanMonths, 'فروردین', 'اردیبهشت', 'مرداد', 'مهر']) expect(months.join(' '), m).not.toContain(m);
  });

  it('paginates long lists by the site page size', () => {
    const biggest = [...new Set(section('fa').flatMap((a) => a.data.tags as string[]))]
      .map((tag) => ({ tag, n: section('fa').filter((a) => a.data.tags.includes(tag)).length }))
      .sort((a, b) => b.n - a.n)[0]!;
    expect(biggest.n).toBeGreaterThan(site.pageSize);
    const front = pageIn(distDir, tagPath('fa', biggest.tag));
    expect(front.querySelectorAll('main article h2 a')).toHaveLength(site.pageSize);
    // Past its front page (`site.namePages`) a tag goes on by year, not by page number.
    expect(builtIn(distDir, tagPath('fa', biggest.tag, site.namePages + 1))).toBe(false);
    expect(decoded(front.querySelector('nav.pagination > a:last-child')!.getAttribute('href')!)).toMatch(/\/1[34]\d\d\/(page\/\d+\/)?$/);
  });
});

describe('article navigation', () => {
  it.each(published.map((a) => [a.id, a] as const))('%s: breadcrumbs, contents that resolve, tags', (_, article) => {
    const doc = pageIn(distDir, article.path);
    const crumbs = [...doc.querySelectorAll('nav.breadcrumbs li')];
    expect(crumbs.map((li) => li.querySelector('a')?.getAttribute('href') ?? null)).toEqual(['/', sectionPath(article.section), null]);
    expect(crumbs.at(-1)!.getAttribute('aria-current')).toBe('page');
    expect(crumbs.at(-1)!.textContent).toBe(smartText(article.data.title, article.lang));

    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    // The body's top-level sections: its headings at the shallowest level.
    const headings = [...doc.querySelectorAll('.prose :is(h2, h3, h4, h5, h6)')].filter((h) => h.id !== 'footnote-label');
    const top = Math.min(...headings.map((h) => Number(h.tagName[1])));
    const sections = headings.filter((h) => Number(h.tagName[1]) === top);
    const toc = [...doc.querySelectorAll('nav.toc a')];
    if (sections.length >= MIN_SECTIONS) {
      expect(toc.map((a) => a.getAttribute('href'))).toEqual(sections.map((h) => `#${h.id}`));
      expect(toc.map((a) => a.textContent)).toEqual(sections.map((h) => h.textContent));
    } else {
      expect(toc).toHaveLength(0);
    }
    for (const tag of article.data.tags as string[]) {
      expect(doc.querySelector(`nav.tags a[href="${tagPath(article.section, tag)}"]`), tag).not.toBeNull();
    }
  });
});

describe('every page', () => {
  const pages = pagesIn(distDir).filter((p) => p !== '/404.html');

  it('has a language switch and breadcrumbs that lead to built pages', () => {
    for (const page of pages) {
      const doc = pageIn(distDir, page);
      const links = [...doc.querySelectorAll('.topbar .switch a, nav.breadcrumbs a')].map((a) => a.getAttribute('href')!);
      expect(links.length, page).toBeGreaterThan(0);
      for (const href of links) expect(builtIn(distDir, href), `${page} → ${href}`).toBe(true);
    }
  });

  it("switches language to every other version of an article, else to the same kind of page in every other section, each named and marked in the target's language", () => {
    for (const page of pages) {
      const doc = pageIn(distDir, page);
      const article = articleAt.get(page);
      const others = article ? translationsOf(article) : [];
      const key = sectionOfPage(page);
      const kind = decodeURI(page).split('/')[2];
      const samePage = (o: Section) => (kind === 'archive' ? archivePath(o) : kind === 'tags' ? tagPath(o) : kind === 'search' ? searchPath(o) : sectionPath(o));
      const expected: { href: string; lang: Lang; label: string }[] =
        others.length > 0
          ? others.map((o) => ({ href: o.path, lang: o.lang, label: languages[o.lang].name }))
          : sectionKeys.filter((o) => o !== key).map((o) => ({ href: samePage(o), lang: sectionLang(o), label: sectionLabel(o, sectionLang(o)) }));
      const pageLang = doc.documentElement.getAttribute('lang');
      const links = [...doc.querySelectorAll('.topbar .switch a')];
      expect(
        links.map((a) => ({ href: a.getAttribute('href')!, hreflang: a.getAttribute('hreflang'), label: a.textContent!.trim(), lang: a.closest('[lang]')!.getAttribute('lang') })),
        page,
      ).toEqual(expected.map((v) => ({ href: v.href, hreflang: languages[v.lang].tag, label: v.label, lang: languages[v.lang].tag })));
      for (const link of links) if (link.getAttribute('hreflang') !== pageLang) expect(link.getAttribute('dir'), page).toBe(languages[expected.find((v) => v.href === link.getAttribute('href'))!.lang].dir);
    }
    // The Wakhan piece in four languages switches to its three other versions.
    const wakhan = byId.get('fa/dahliz-wakhan')!;
    expect([...pageIn(distDir, wakhan.path).querySelectorAll('.topbar .switch a')].map((a) => a.getAttribute('hreflang'))).toEqual(['ps-AF', 'en', 'de']);
  });

  it('carries JavaScript, and lets the CSP compile WebAssembly, only on the search pages', () => {
    for (const page of pages) {
      const doc = pageIn(distDir, page);
      const search = sectionKeys.some((key) => decoded(page) === searchPath(key));
      // JSON-LD blocks are data, not script.
      const code = [...doc.querySelectorAll('script')].filter((s) => !['application/ld+json'].includes(s.getAttribute('type') ?? ''));
      expect(code.length, page).toBe(search ? 1 : 0);
      const csp = doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp.includes("'wasm-unsafe-eval'"), page).toBe(search);
    }
  });
});

describe('search index', () => {
  it('has one index per section, in the language of its search page, holding exactly its published articles whatever their language', () => {
    for (const key of sectionKeys) {
      const dir = join(distDir, 'pagefind', key);
      const { bundles, hide } = JSON.parse(readFileSync(join(distDir, searchManifestPath(key)), 'utf8')) as SearchManifest;
      const indexes = (path: string) => JSON.parse(readFileSync(join(dir, path, 'pagefind-entry.json'), 'utf8')).languages as Record<string, { page_count: number }>;
      // Pagefind's search script loads the index named after its page's <html lang> and no other: every
      // article of the section (a German piece in European Languages too) must be in that one.
      const searchPageLang = pageIn(distDir, searchPath(key)).documentElement.getAttribute('lang')!;
      expect(searchPageLang).toBe(languages[sectionLang(key)].tag);
      for (const path of bundles) expect(Object.keys(indexes(path)), `${key}/${path}`).toEqual([searchPageLang.toLowerCase()]);
      // After edits, the base may hold old copies (hidden) and the delta the new ones.
      const pages = bundles.flatMap((path) => Object.values(indexes(path))).reduce((n, l) => n + l.page_count, 0);
      expect(pages - hide.length, key).toBe(section(key).length);
    }
    expect(readdirSync(join(distDir, 'pagefind')).sort()).toEqual([...sectionKeys, WARM_DIR].sort());
  });

  it('writes one warm-up bundle that every section names, holding only what the warm-up search reads', () => {
    for (const key of sectionKeys) {
      const { warm } = JSON.parse(readFileSync(join(distDir, searchManifestPath(key)), 'utf8')) as SearchManifest;
      expect(warm, key).toEqual({ bundle: `../${WARM_DIR}/`, query: WARM_WORD });
    }
    const dir = join(distDir, 'pagefind', WARM_DIR);
    const files = readdirSync(dir, { recursive: true }) as string[];
    // No script, WebAssembly or fragment: the sections' bundles bring Pagefind, and its results are never shown.
    expect(files.filter((f) => !/^(pagefind-entry\.json|[^/]+\.pf_meta|index|index\/[^/]+\.pf_index)$/.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.pf_index'))).toHaveLength(1);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };
    expect(Object.values(entry.languages).map((l) => l.page_count)).toEqual([SHARD_PAGES]);
  });
});

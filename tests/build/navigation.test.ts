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
import { site } from '../../src/config/site.ts';
import { afghanMonths } from '../../src/utils/dates.ts';
import { archiveParts, formatMonth } from '../../src/utils/dates.ts';
import { archivePath, authorPath, searchManifestPath, sectionPath, tagPath } from '../../src/utils/urls.ts';
import type { SearchManifest } from '../../src/search/manifest.ts';
import { distDir } from '../helpers/paths.ts';
import { builtIn, pageIn, pagesIn } from '../helpers/dist.ts';
import { published, section } from '../helpers/content.ts';
import { langs } from '../../src/i18n/locales.ts';
import { MIN_SECTIONS } from '../../src/utils/toc.ts';

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

describe('tag, author and archive pages', () => {
  it.each(['fa', 'en'] as const)('%s: every article is listed under each of its tags, newest first', (lang) => {
    const tags = new Set(section(lang).flatMap((a) => a.data.tags as string[]));
    for (const tag of tags) {
      const expected = section(lang).filter((a) => a.data.tags.includes(tag)).map((a) => a.path);
      expect(listing(tagPath(lang, tag)).map(decoded), tag).toEqual(expected);
    }
    const index = pageIn(distDir, tagPath(lang));
    for (const tag of tags) expect(index.querySelector(`main a[href="${tagPath(lang, tag)}"]`), tag).not.toBeNull();
  });

  it.each(['fa', 'en'] as const)('%s: every author has a page listing their articles, linked from the article', (lang) => {
    for (const article of section(lang)) {
      for (const author of article.data.authors as string[]) {
        expect(listing(authorPath(lang, author)), author).toContain(article.path);
        expect(pageIn(distDir, article.path).querySelector(`.byline a[href="${authorPath(lang, author)}"]`), author).not.toBeNull();
      }
    }
  });

  it.each(['fa', 'en'] as const)('%s: the archive files every article under its month, in the section calendar', (lang) => {
    const overview = pageIn(distDir, archivePath(lang));
    for (const article of section(lang)) {
      const { year, month } = archiveParts(article.data.date, lang);
      const path = archivePath(lang, year, month);
      expect(overview.querySelector(`main a[href="${path}"]`)?.textContent, path).toBe(formatMonth(year, month, lang));
      expect(listing(path), path).toContain(article.path);
      expect(pageIn(distDir, path).querySelector('h1')?.textContent).toBe(formatMonth(year, month, lang));
    }
  });

  it('names Dari archive months the Afghan way, with Eastern digits', () => {
    const text = pageIn(distDir, archivePath('fa')).querySelector('main')!.textContent!;
    expect(afghanMonths.some((m) => text.includes(m))).toBe(true);
    expect(text).not.toMatch(/[0-9]/);
    expect(text).not.toMatch(/فروردین|اردیبهشت|خرداد|مرداد|شهریور|آبان|آذر|بهمن|اسفند/);
  });

  it('paginates long lists by the site page size', () => {
    const biggest = [...new Set(section('fa').flatMap((a) => a.data.tags as string[]))]
      .map((tag) => ({ tag, n: section('fa').filter((a) => a.data.tags.includes(tag)).length }))
      .sort((a, b) => b.n - a.n)[0]!;
    expect(biggest.n).toBeGreaterThan(site.pageSize);
    expect(builtIn(distDir, tagPath('fa', biggest.tag, 2))).toBe(true);
  });
});

describe('article navigation', () => {
  it.each(published.map((a) => [a.id, a] as const))('%s: breadcrumbs, contents that resolve, tags', (_, article) => {
    const doc = pageIn(distDir, article.path);
    const crumbs = [...doc.querySelectorAll('nav.breadcrumbs li')];
    expect(crumbs.map((li) => li.querySelector('a')?.getAttribute('href') ?? null)).toEqual(['/', sectionPath(article.lang), null]);
    expect(crumbs.at(-1)!.getAttribute('aria-current')).toBe('page');
    expect(crumbs.at(-1)!.textContent).toBe(article.data.title);

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
      expect(doc.querySelector(`nav.tags a[href="${tagPath(article.lang, tag)}"]`), tag).not.toBeNull();
    }
  });
});

describe('every page', () => {
  const pages = pagesIn(distDir).filter((p) => p !== '/404.html');

  it('has a language switch and breadcrumbs that lead to built pages', () => {
    for (const page of pages) {
      const doc = pageIn(distDir, page);
      const links = [...doc.querySelectorAll('.topbar .switch, nav.breadcrumbs a')].map((a) => a.getAttribute('href')!);
      expect(links.length, page).toBeGreaterThan(0);
      for (const href of links) expect(builtIn(distDir, href), `${page} → ${href}`).toBe(true);
    }
  });

  it('carries JavaScript, and lets the CSP compile WebAssembly, only on the search pages', () => {
    for (const page of pages) {
      const doc = pageIn(distDir, page);
      const search = /^\/(fa|en)\/search\/$/.test(decoded(page));
      // JSON-LD blocks are data, not script.
      const code = [...doc.querySelectorAll('script')].filter((s) => !['application/ld+json'].includes(s.getAttribute('type') ?? ''));
      expect(code.length, page).toBe(search ? 1 : 0);
      const csp = doc.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
      expect(csp.includes("'wasm-unsafe-eval'"), page).toBe(search);
    }
  });
});

describe('search index', () => {
  it('has one index per section, holding exactly its published articles', () => {
    for (const lang of langs) {
      const dir = join(distDir, 'pagefind', lang);
      const { bundles, hide } = JSON.parse(readFileSync(join(distDir, searchManifestPath(lang)), 'utf8')) as SearchManifest;
      const languages = (path: string) => JSON.parse(readFileSync(join(dir, path, 'pagefind-entry.json'), 'utf8')).languages as Record<string, { page_count: number }>;
      // Pagefind names each index after the pages' <html lang> ("fa-af", "en"): one language per section.
      for (const path of bundles) expect(Object.keys(languages(path)), `${lang}/${path}`).toEqual([expect.stringMatching(new RegExp(`^${lang}(-|$)`))]);
      // After edits, the base may hold old copies (hidden) and the delta the new ones.
      const pages = bundles.flatMap((path) => Object.values(languages(path))).reduce((n, l) => n + l.page_count, 0);
      expect(pages - hide.length, lang).toBe(section(lang).length);
    }
    expect(readdirSync(join(distDir, 'pagefind')).sort()).toEqual([...langs].sort());
  });
});

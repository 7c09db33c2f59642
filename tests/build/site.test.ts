/**
 * The built site, read as a reader's browser and a crawler would get it.
 * Expectations come from the content files themselves, so adding an article
 * never requires editing these tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { locales } from '../../src/i18n/locales.ts';
import { formatDate } from '../../src/utils/dates.ts';
import { sectionPath } from '../../src/utils/urls.ts';
import { distDir } from '../helpers/paths.ts';
import { sourceArticles, type SourceArticle } from '../helpers/site.ts';
import { builtIn, fileOf, pageIn, pagesIn } from '../helpers/dist.ts';

const articles = sourceArticles();
const published = articles.filter((a) => a.published);
const unpublished = articles.filter((a) => !a.published);
const byId = new Map(articles.map((a) => [a.id, a]));

function newestFirst(a: SourceArticle, b: SourceArticle) {
  return b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
}

/** The article links of a section index, following its pagination to the end. */
function sectionListing(lang: 'fa' | 'en'): { pages: string[]; links: string[] } {
  const pages: string[] = [];
  const links: string[] = [];
  let path: string | undefined = sectionPath(lang);
  while (path) {
    pages.push(path);
    const doc = pageIn(distDir, path);
    links.push(...[...doc.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href')!));
    path = doc.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href') ?? undefined;
  }
  return { pages, links };
}

describe('sample content', () => {
  it('has published articles in both sections, plus drafts or future pieces to leave out', () => {
    expect(published.filter((a) => a.lang === 'fa').length).toBeGreaterThan(site.pageSize);
    expect(published.filter((a) => a.lang === 'en').length).toBeGreaterThan(site.pageSize);
    expect(unpublished.some((a) => a.data.draft === true)).toBe(true);
    expect(unpublished.some((a) => a.data.date.getTime() > Date.now())).toBe(true);
  });
});

describe('article pages', () => {
  it.each(published.map((a) => [a.id, a] as const))('%s has lang/dir, masthead, date and source links', (_, article) => {
    const doc = pageIn(distDir, article.path);
    const html = doc.documentElement;
    expect(html.getAttribute('lang')).toBe(locales[article.lang].lang);
    expect(html.getAttribute('dir')).toBe(locales[article.lang].dir);
    // lang and dir are set once, on <html>: nothing else repeats the page's own language.
    expect(doc.querySelectorAll(`body [lang="${locales[article.lang].lang}"]`).length).toBe(0);

    const masthead = doc.querySelector('header.masthead')!;
    expect(masthead.textContent).toContain(site.nameFa);
    expect(masthead.textContent).toContain(site.nameLatin);
    for (const { hemistichs } of site.motto) for (const misra of hemistichs) expect(masthead.textContent).toContain(misra);
    expect(masthead.querySelector(`a[href="mailto:${site.email}"]`)?.textContent).toBe(site.email);
    expect(masthead.textContent).toContain(site.webAddress);

    expect(doc.querySelector('h1')?.textContent).toBe(article.data.title);
    expect(doc.querySelector('.dek')?.textContent).toBe(article.data.dek);
    expect(doc.querySelector('article time')?.textContent).toBe(formatDate(article.data.date, article.lang));
    for (const author of article.data.authors) expect(doc.querySelector('.byline')!.textContent).toContain(author);

    const sources = doc.querySelector('.sources')!;
    for (const source of article.data.sources) {
      const link = sources.querySelector(`a[href="${source.url}"]`);
      expect(link, source.url).not.toBeNull();
      expect(link!.textContent!.trim()).toBe(source.url);
      expect(sources.textContent).toContain(source.name);
    }

    // Both section labels, each in its own language.
    const label = doc.querySelector('.section-label')!;
    expect(label.textContent).toContain(site.sections[article.lang].fa);
    expect(label.textContent).toContain(site.sections[article.lang].en);
  });

  it('renders GFM tables, footnotes and heading ids in the body', () => {
    const anchor = published.find((a) => a.id === 'en/azerbaijan-pakistan-military-cooperation')!;
    const doc = pageIn(distDir, anchor.path);
    expect(doc.querySelector('.prose table th')).not.toBeNull();
    const ref = doc.querySelector('.prose sup a[href^="#"]')!;
    expect(ref).not.toBeNull();
    expect(doc.getElementById(ref.getAttribute('href')!.slice(1))).not.toBeNull();
    const headings = [...doc.querySelectorAll('.prose h2')].filter((h) => !h.closest('.footnotes'));
    expect(headings.length).toBeGreaterThanOrEqual(3);
    for (const h of headings) expect(h.id).toMatch(/\S/);
  });

  it('isolates Latin names and numbers in Dari titles and standfirsts', () => {
    const withLatin = published.filter((a) => a.lang === 'fa' && /[A-Za-z0-9]/.test(a.data.title + a.data.dek));
    expect(withLatin.length).toBeGreaterThan(0);
    for (const article of withLatin) {
      const doc = pageIn(distDir, article.path);
      for (const selector of ['h1', 'article header .dek']) {
        const el = doc.querySelector(selector)!;
        const latin = [...el.textContent!.matchAll(/[A-Za-z0-9][A-Za-z0-9.\-/ ]*[A-Za-z0-9]|[A-Za-z0-9]/g)].map((m) => m[0]);
        const isolated = [...el.querySelectorAll('bdi')].map((b) => b.textContent);
        for (const run of latin) expect(isolated.some((text) => text!.includes(run)), `${article.id} ${selector}: ${run}`).toBe(true);
      }
    }
  });

  it('links translations both ways', () => {
    const pairs = published.filter((a) => a.data.translation && byId.get(a.data.translation)?.published);
    expect(pairs.length).toBeGreaterThanOrEqual(2);
    for (const article of pairs) {
      const other = byId.get(article.data.translation)!;
      const doc = pageIn(distDir, article.path);
      const link = doc.querySelector(`.translation a[href="${other.path}"]`);
      expect(link, `${article.id} → ${other.id}`).not.toBeNull();
      expect(link!.getAttribute('lang')).toBe(locales[other.lang].lang);
      expect(pageIn(distDir, other.path).querySelector(`.translation a[href="${article.path}"]`), `${other.id} → ${article.id}`).not.toBeNull();
    }
  });

  it('links previous and next articles within the section', () => {
    for (const lang of ['fa', 'en'] as const) {
      const list = published.filter((a) => a.lang === lang).sort(newestFirst);
      const middle = list[1]!;
      const doc = pageIn(distDir, middle.path);
      expect(doc.querySelector('.prev-next a[rel="next"]')?.getAttribute('href')).toBe(list[0]!.path);
      expect(doc.querySelector('.prev-next a[rel="prev"]')?.getAttribute('href')).toBe(list[2]!.path);
    }
  });
});

describe('drafts and future articles', () => {
  it.each(unpublished.map((a) => [a.id, a] as const))('%s has no page and is listed nowhere', (_, article) => {
    expect(builtIn(distDir, article.path)).toBe(false);
    for (const page of pagesIn(distDir)) {
      const html = readFileSync(fileOf(distDir, page), 'utf8');
      expect(html.includes(article.path), `${page} links ${article.path}`).toBe(false);
    }
  });
});

describe('section indexes', () => {
  it.each(['fa', 'en'] as const)('/%s/ lists every published article newest first, paginated', (lang) => {
    const expected = published.filter((a) => a.lang === lang).sort(newestFirst).map((a) => a.path);
    const { pages, links } = sectionListing(lang);
    expect(links).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / site.pageSize));
    expect(pages[1]).toBe(`/${lang}/page/2/`);
    for (const page of pages) {
      const doc = pageIn(distDir, page);
      expect(doc.documentElement.getAttribute('dir')).toBe(locales[lang].dir);
      expect(doc.querySelectorAll('main article').length).toBeLessThanOrEqual(site.pageSize);
    }
  });

  it('shows title, dek, authors and the localized date in each entry', () => {
    for (const lang of ['fa', 'en'] as const) {
      const newest = published.filter((a) => a.lang === lang).sort(newestFirst)[0]!;
      const entry = pageIn(distDir, sectionPath(lang)).querySelector('main article')!;
      expect(entry.querySelector('h2')?.textContent).toBe(newest.data.title);
      expect(entry.querySelector('.dek')?.textContent).toBe(newest.data.dek);
      expect(entry.querySelector('.byline')?.textContent).toContain(newest.data.authors[0]);
      expect(entry.querySelector('time')?.textContent).toBe(formatDate(newest.data.date, lang));
    }
  });
});

describe('front page', () => {
  const doc = pageIn(distDir, '/');

  it('is a Dari page whose English block carries its own lang and dir', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('fa-AF');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    const en = doc.querySelector('section[aria-labelledby="section-en"]')!;
    expect(en.getAttribute('lang')).toBe('en');
    expect(en.getAttribute('dir')).toBe('ltr');
  });

  it('shows the latest articles of each section, Dari first, each block linking to its index', () => {
    const sections = [...doc.querySelectorAll('main section')];
    expect(sections.map((s) => s.getAttribute('aria-labelledby'))).toEqual(['section-fa', 'section-en']);
    for (const [i, lang] of (['fa', 'en'] as const).entries()) {
      const latest = published.filter((a) => a.lang === lang).sort(newestFirst).slice(0, site.frontPageCount);
      const links = [...sections[i]!.querySelectorAll('article h3 a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(latest.map((a) => a.path));
      expect(sections[i]!.querySelector(`a[href="${sectionPath(lang)}"]`)).not.toBeNull();
    }
  });
});

describe('404 page', () => {
  it('speaks both languages', () => {
    const doc = pageIn(distDir, '/404.html');
    expect(doc.querySelector('h1')?.textContent).toBe('صفحه پیدا نشد');
    const en = doc.querySelector('section[lang="en"]')!;
    expect(en.getAttribute('dir')).toBe('ltr');
    expect(en.textContent).toContain('Page not found');
  });
});

describe('sitemap and robots.txt', () => {
  const sitemapUrls = () => {
    const index = readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8');
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
    return files.flatMap((file) =>
      [...readFileSync(join(distDir, file), 'utf8').matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]!),
    );
  };

  it('lists every published article', () => {
    const urls = new Set(sitemapUrls());
    for (const article of published) expect(urls.has(new URL(article.path, site.url).href), article.path).toBe(true);
  });

  it('lists only built pages on the configured site, and no 404', () => {
    for (const url of sitemapUrls()) {
      expect(url.startsWith(`${site.url}/`)).toBe(true);
      // Dari tag and author URLs are percent-encoded in the sitemap; files on disk are not.
      const path = decodeURI(new URL(url).pathname);
      expect(builtIn(distDir, path), path).toBe(true);
      // The 404 page itself; not any path with 404 in it (Solar Hijri year 1404 has an archive).
      expect(path).not.toMatch(/^\/404(\.html|\/)?$/);
    }
  });

  it('robots.txt points to the sitemap', () => {
    const robots = readFileSync(join(distDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${site.url}/sitemap-index.xml`);
  });
});

/**
 * The built site, read as a reader's browser and a crawler would get it.
 * Expectations come from the content files themselves, so adding an article
 * never requires editing these tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { smartText } from '../../src/utils/typography.ts';
import { site, siteName } from '../../src/config/site.ts';
import { formatDate } from '../../src/i18n/format.ts';
import { defaultLang, defaultSection, languages, sectionKeys, sectionLabel, sections, type Lang, type Section } from '../../src/i18n/locales.ts';
import { sectionPath } from '../../src/utils/urls.ts';
import { distDir } from '../helpers/paths.ts';
import { sourceArticles } from '../helpers/site.ts';
import { section, translationsOf } from '../helpers/content.ts';
import { builtIn, fileOf, pageIn, pagesIn } from '../helpers/dist.ts';

const articles = sourceArticles();
const published = articles.filter((a) => a.published);
const unpublished = articles.filter((a) => !a.published);
const sectionLang = (s: Section): Lang => sections[s].lang;
/** The language the section label pairs with a page's: one in the other script (Dari on Latin-script pages, English on Arabic-script ones). */
const otherScriptLang = (lang: Lang): Lang => (languages[lang].script === 'Arab' ? 'en' : 'fa');

/** The article links of a section index, following its pagination to the end. */
function sectionListing(key: Section): { pages: string[]; links: string[] } {
  const pages: string[] = [];
  const links: string[] = [];
  let path: string | undefined = sectionPath(key);
  while (path) {
    pages.push(path);
    const doc = pageIn(distDir, path);
    links.push(...[...doc.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href')!));
    path = doc.querySelector('nav.pagination a[rel="next"]')?.getAttribute('href') ?? undefined;
  }
  return { pages, links };
}

describe('sample content', () => {
  it('has published articles in every section, sections long enough to paginate, pieces in a language not their section\'s, plus drafts or future pieces to leave out', () => {
    for (const key of sectionKeys) expect(section(key).length, key).toBeGreaterThan(0);
    expect(section('fa').length).toBeGreaterThan(site.pageSize);
    expect(section('en').length).toBeGreaterThan(site.pageSize);
    expect(published.some((a) => a.lang !== sectionLang(a.section))).toBe(true);
    expect(unpublished.some((a) => a.data.draft === true)).toBe(true);
    expect(unpublished.some((a) => a.data.date.getTime() > Date.now())).toBe(true);
  });
});

describe('article pages', () => {
  it.each(published.map((a) => [a.id, a] as const))('%s has lang/dir/script of its language, masthead, date and source links', (_, article) => {
    const doc = pageIn(distDir, article.path);
    const html = doc.documentElement;
    const { tag, dir, script } = languages[article.lang];
    expect(html.getAttribute('lang')).toBe(tag);
    expect(html.getAttribute('dir')).toBe(dir);
    expect(html.getAttribute('data-script')).toBe(script);
    // lang and dir are set once, on <html>: nothing else repeats the page's own language.
    expect(doc.querySelectorAll(`body [lang="${tag}"]`).length).toBe(0);

    // An inner page: the compact bar names the publication in the page's script and leads home;
    // both names, the couplet, the address and the email are in the footer.
    const masthead = doc.querySelector('header.masthead')!;
    expect(masthead.querySelector('a.name[href="/"]')?.textContent).toContain(siteName(article.lang));
    expect(masthead.querySelector('.motto')).toBeNull();
    const footer = doc.querySelector('footer')!;
    expect(footer.textContent).toContain(site.nameFa);
    expect(footer.textContent).toContain(site.nameLatin);
    for (const { hemistichs } of site.motto) for (const misra of hemistichs) expect(footer.textContent).toContain(misra);
    expect(footer.querySelector(`a[href="mailto:${site.email}"]`)?.textContent).toBe(site.email);
    expect(footer.textContent).toContain(site.webAddress);

    // Titles and deks get the typography of their language's bodies (curly quotes in English).
    expect(doc.querySelector('h1')?.textContent).toBe(smartText(article.data.title, article.lang));
    expect(doc.querySelector('.dek')?.textContent).toBe(smartText(article.data.dek, article.lang));
    expect(doc.querySelector('article time')?.textContent).toBe(formatDate(article.data.date, article.lang));
    for (const author of article.data.authors) expect(doc.querySelector('.byline')!.textContent).toContain(author);

    const sources = doc.querySelector('.sources')!;
    for (const source of article.data.sources) {
      const link = sources.querySelector(`a[href="${source.url}"]`);
      expect(link, source.url).not.toBeNull();
      expect(link!.textContent!.trim()).toBe(source.url);
      expect(sources.textContent).toContain(source.name);
    }

    // The section's name in the page's language and in the other script's, each marked as its language, linking to the section.
    const label = doc.querySelector('.section-label')!;
    const other = otherScriptLang(article.lang);
    expect(label.getAttribute('href')).toBe(sectionPath(article.section));
    expect(label.textContent).toContain(sectionLabel(article.section, article.lang));
    const marked = label.querySelector(`[lang="${languages[other].tag}"]`);
    expect(marked?.textContent).toBe(sectionLabel(article.section, other));
    expect(marked?.getAttribute('dir')).toBe(languages[other].dir);
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

  it('isolates Latin names and numbers in right-to-left (Dari, Pashto) titles and standfirsts', () => {
    const withLatin = published.filter((a) => languages[a.lang].dir === 'rtl' && /[A-Za-z0-9]/.test(a.data.title + a.data.dek));
    for (const lang of ['fa', 'ps'] as const) expect(withLatin.some((a) => a.lang === lang), lang).toBe(true);
    for (const article of withLatin) {
      const doc = pageIn(distDir, article.path);
      for (const selector of ['h1', 'article header .dek']) {
        const el = doc.querySelector(selector)!;
        // Latin words with the numbers and symbols between them (numbers alone are isolated only when needed: tests/unit/bidi.test.ts).
        const latin = [...el.textContent!.matchAll(/[A-Za-z0-9][A-Za-z0-9.\-/ ]*[A-Za-z0-9]|[A-Za-z0-9]/g)].map((m) => m[0]).filter((run) => /[A-Za-z]/.test(run));
        const isolated = [...el.querySelectorAll('bdi')].map((b) => b.textContent);
        for (const run of latin) expect(isolated.some((text) => text!.includes(run)), `${article.id} ${selector}: ${run}`).toBe(true);
      }
    }
  });

  it('lists every other published version of a piece, and only those, each in its language', () => {
    const translated = published.filter((a) => translationsOf(a).length > 0);
    // Groups of two and of more, across sections and within one.
    expect(translated.length).toBeGreaterThanOrEqual(4);
    expect(translated.some((a) => translationsOf(a).length >= 3)).toBe(true);
    for (const article of published) {
      const doc = pageIn(distDir, article.path);
      const others = translationsOf(article);
      const nav = doc.querySelector('article nav.translations');
      if (others.length === 0) {
        expect(nav, article.id).toBeNull();
        continue;
      }
      const links = [...nav!.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href')).sort(), article.id).toEqual(others.map((o) => o.path).sort());
      for (const other of others) {
        const link = links.find((a) => a.getAttribute('href') === other.path)!;
        expect(link.textContent!.trim(), `${article.id} → ${other.id}`).toBe(other.data.title);
        expect(link.getAttribute('hreflang')).toBe(languages[other.lang].tag);
        // The title and the language's name are marked as that language (on the link or around it).
        const marked = link.closest('[lang]')!;
        expect(marked.getAttribute('lang'), `${article.id} → ${other.id}`).toBe(languages[other.lang].tag);
        expect(link.closest('[dir]')!.getAttribute('dir')).toBe(languages[other.lang].dir);
        expect(link.closest('li')!.textContent).toContain(languages[other.lang].name);
      }
    }
  });

  it('links previous and next articles within the section', () => {
    for (const key of sectionKeys) {
      const list = section(key);
      expect(list.length, key).toBeGreaterThanOrEqual(3);
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
  it.each(sectionKeys)('/%s/ lists every published article newest first, paginated', (key) => {
    const expected = section(key).map((a) => a.path);
    const { pages, links } = sectionListing(key);
    expect(links).toEqual(expected);
    expect(pages.length).toBe(Math.ceil(expected.length / site.pageSize));
    expect(pages.slice(1)).toEqual(pages.slice(1).map((_, i) => `/${key}/page/${i + 2}/`));
    for (const page of pages) {
      const doc = pageIn(distDir, page);
      const { tag, dir, script } = languages[sectionLang(key)];
      expect([doc.documentElement.getAttribute('lang'), doc.documentElement.getAttribute('dir'), doc.documentElement.getAttribute('data-script')], page).toEqual([tag, dir, script]);
      expect(doc.querySelectorAll('main article').length).toBeLessThanOrEqual(site.pageSize);
    }
  });

  it('shows title, dek, authors and the date in each entry, in the article\'s language', () => {
    for (const key of sectionKeys) {
      const { pages } = sectionListing(key);
      const entries = pages.flatMap((page) => [...pageIn(distDir, page).querySelectorAll('main article')]);
      const list = section(key);
      expect(entries.length, key).toBe(list.length);
      entries.forEach((entry, i) => {
        const article = list[i]!;
        expect(entry.querySelector('h2')?.textContent, article.id).toBe(smartText(article.data.title, article.lang));
        expect(entry.querySelector('.dek')?.textContent).toBe(smartText(article.data.dek, article.lang));
        expect(entry.querySelector('.byline')?.textContent).toContain(article.data.authors[0]);
        expect(entry.querySelector('time')?.textContent, article.id).toBe(formatDate(article.data.date, article.lang));
        // An entry in another language than the section's is marked as such.
        const { tag, dir } = languages[article.lang];
        const own = article.lang === sectionLang(key);
        expect(entry.getAttribute('lang'), article.id).toBe(own ? null : tag);
        expect(entry.getAttribute('dir'), article.id).toBe(own ? null : dir);
      });
    }
  });
});

describe('front page', () => {
  const doc = pageIn(distDir, '/');

  it('is a page in the first section\'s language (Dari) whose other blocks carry their own lang and dir', () => {
    expect(doc.documentElement.getAttribute('lang')).toBe('fa-AF');
    expect(doc.documentElement.getAttribute('dir')).toBe('rtl');
    expect(defaultLang).toBe('fa');
    for (const key of sectionKeys) {
      const block = doc.querySelector(`section[aria-labelledby="section-${key}"]`)!;
      const own = sectionLang(key) === defaultLang;
      expect(block.getAttribute('lang'), key).toBe(own ? null : languages[sectionLang(key)].tag);
      expect(block.getAttribute('dir'), key).toBe(own ? null : languages[sectionLang(key)].dir);
    }
    expect(doc.querySelector('section[aria-labelledby="section-en"]')!.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('section[aria-labelledby="section-ps"]')!.getAttribute('lang')).toBe('ps-AF');
  });

  it('shows the latest articles of each section, one block per section in registry order, each linking to its index', () => {
    const blocks = [...doc.querySelectorAll('main section')];
    expect(blocks.map((s) => s.getAttribute('aria-labelledby'))).toEqual(sectionKeys.map((key) => `section-${key}`));
    expect(sectionKeys.slice(0, 3)).toEqual(['fa', 'ps', 'en']);
    for (const [i, key] of sectionKeys.entries()) {
      const latest = section(key).slice(0, site.frontPageCount);
      const links = [...blocks[i]!.querySelectorAll('article h3 a')].map((a) => a.getAttribute('href'));
      expect(links, key).toEqual(latest.map((a) => a.path));
      expect(blocks[i]!.querySelector(`h2 a[href="${sectionPath(key)}"]`)?.textContent, key).toBe(sectionLabel(key, sectionLang(key)));
      expect(blocks[i]!.querySelector(`.more a[href="${sectionPath(key)}"]`)?.textContent, key).toBe(languages[sectionLang(key)].ui['section.all']);
    }
  });
});

describe('404 page', () => {
  it('speaks the language of every section, the first section\'s first', () => {
    const doc = pageIn(distDir, '/404.html');
    expect(doc.querySelector('h1')?.textContent).toBe('صفحه پیدا نشد');
    expect(doc.querySelector('section[lang="en"]')!.textContent).toContain('Page not found');
    const blocks = [...doc.querySelectorAll('main section')];
    expect(blocks).toHaveLength(sectionKeys.length);
    for (const [i, key] of sectionKeys.entries()) {
      const { tag, dir, ui } = languages[sectionLang(key)];
      const own = key === defaultSection;
      expect(blocks[i]!.getAttribute('lang'), key).toBe(own ? null : tag);
      expect(blocks[i]!.getAttribute('dir'), key).toBe(own ? null : dir);
      expect(blocks[i]!.querySelector(own ? 'h1' : 'h2')?.textContent, key).toBe(ui['404.title']);
      expect(blocks[i]!.querySelector(`a[href="${sectionPath(key)}"]`), key).not.toBeNull();
    }
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

/**
 * Search engines and syndication, read from the real build: sitemaps,
 * hreflang, canonical URLs, Open Graph, JSON-LD, feeds and robots.txt.
 * Expectations come from the content files, so new articles need no edits.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { site } from '../../src/config/site.ts';
import { defaultSection, isSection, langs, languages, sectionKeys, sectionLabel, sections, type Section } from '../../src/i18n/locales.ts';
import { searchPath } from '../../src/utils/urls.ts';
import { distDir } from '../helpers/paths.ts';
import {
  builtIn,
  expectConsistentClusters,
  headAlternates,
  jsonLdOf,
  meta,
  newsEntries,
  pageIn,
  pagesIn,
  sitemapFiles,
  sitemapUrls,
  indexablePagesIn,
} from '../helpers/seo.ts';
import type { SourceArticle } from '../helpers/site.ts';
import { groups, published, translationsOf, versionsOf } from '../helpers/content.ts';
import { attribute, feedAddresses, uriProblem } from '../helpers/feeds.ts';
import { parseXml, schemaErrors, texts, wellFormednessErrors } from '../helpers/xml.ts';
import { toUri } from '../../src/utils/uri.ts';

const origin = site.url;
const urlOf = (a: SourceArticle) => `${origin}${a.path}`;
const modified = (a: SourceArticle): Date => a.data.updated ?? a.data.date;
/** ISO 8601 in Kabul time (UTC+4:30), worked out independently of the site's code: 2017-01-13T00:00:00+04:30. */
const kabulIso = (d: Date) => new Date(d.getTime() + KABUL_MS).toISOString().replace(/\.000Z$/, '+04:30');
/** RFC 822 in Kabul time: Fri, 13 Jan 2017 00:00:00 +0430. */
const kabulRfc822 = (d: Date) => new Date(d.getTime() + KABUL_MS).toUTCString().replace(/GMT$/, '+0430');
const KABUL_MS = 4.5 * 3_600_000;
const newestFirst = (a: SourceArticle, b: SourceArticle) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
const isOwnSite = (url: string) => new URL(url).hostname.replace(/^www\./, '') === new URL(origin).hostname.replace(/^www\./, '');

const translated = published.filter((a) => translationsOf(a).length > 0);
/** Search pages: built for readers, kept out of the index. */
const searchPages = sectionKeys.map(searchPath);
/** The section a built page belongs to: its first path segment, or the first section (front page, 404). */
const sectionOfPage = (path: string): Section => {
  const first = path.split('/')[1] ?? '';
  return isSection(first) ? first : defaultSection;
};

describe('sitemap', () => {
  it('has an index and sitemaps that validate against the sitemaps.org schemas', async () => {
    expect(await schemaErrors(readFileSync(join(distDir, 'sitemap-index.xml'), 'utf8'), 'siteindex.xsd')).toEqual([]);
    const files = sitemapFiles(distDir);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      expect(await schemaErrors(readFileSync(join(distDir, file), 'utf8'), 'sitemap-extended.xsd'), file).toEqual([]);
    }
  });

  it('lists every indexable built page (not the 404 or search pages), and nothing else', () => {
    const expected = indexablePagesIn(distDir).map((p) => `${origin}${p}`);
    expect(pagesIn(distDir)).toContain('/404.html');
    for (const search of searchPages) expect(expected).not.toContain(`${origin}${search}`);
    expect(sitemapUrls(distDir).map((u) => u.loc).sort()).toEqual(expected.sort());
  });

  it('dates each article by its last update, or else its publication, in Kabul time', () => {
    const lastmod = new Map(sitemapUrls(distDir).map((u) => [u.loc, u.lastmod]));
    for (const a of published) expect(lastmod.get(urlOf(a)), a.id).toBe(kabulIso(modified(a)));
  });
});

describe('hreflang', () => {
  it('is reciprocal, points at built pages, and says the same in <head> and the sitemap', () => {
    const clusters = expectConsistentClusters(distDir, origin, expect);
    expect(clusters.size).toBeGreaterThan(translated.length);
  });

  it('joins each article to every published version of its piece (itself included), in registry order, and to nothing else', () => {
    expect(translated.length).toBeGreaterThanOrEqual(4);
    expect([...groups.values()].some((g) => g.length >= 4)).toBe(true);
    for (const a of published) {
      const versions = translationsOf(a).length > 0 ? versionsOf(a) : [];
      const inOrder = [...versions].sort((x, y) => langs.indexOf(x.lang) - langs.indexOf(y.lang));
      const alternates = headAlternates(pageIn(distDir, a.path));
      expect([...alternates], a.id).toEqual(inOrder.map((v) => [languages[v.lang].tag, urlOf(v)]));
    }
  });

  it('joins the front page and the first page of every other section, with x-default on the front page', () => {
    const homes = new Map([
      ['fa-AF', `${origin}/`],
      ['ps-AF', `${origin}/ps/`],
      ['en', `${origin}/en/`],
      ['x-default', `${origin}/`],
    ]);
    expect(sectionKeys.filter((s) => s !== defaultSection).map((s) => homes.get(languages[sections[s].lang].tag))).toEqual(
      sectionKeys.filter((s) => s !== defaultSection).map((s) => `${origin}/${s}/`),
    );
    for (const path of ['/', '/ps/', '/en/']) expect(headAlternates(pageIn(distDir, path)), path).toEqual(homes);
    // The first section's own index is a listing, not a home, and pages 2… of the others are listings too.
    for (const path of ['/fa/', '/en/page/2/']) expect(headAlternates(pageIn(distDir, path)), path).toEqual(new Map());
  });
});

describe('canonical URLs and indexing', () => {
  it('gives every indexable page one absolute canonical URL on the configured site: its own', () => {
    const indexable = indexablePagesIn(distDir);
    expect(indexable.length).toBe(pagesIn(distDir).filter((p) => p.endsWith('/')).length - searchPages.length);
    for (const path of indexable) {
      const doc = pageIn(distDir, path);
      const canonical = [...doc.querySelectorAll('link[rel="canonical"]')].map((l) => l.getAttribute('href'));
      expect(canonical, path).toEqual([`${origin}${path}`]);
      expect(meta(doc, 'robots'), path).toEqual([]);
    }
  });

  it('keeps republished pieces indexed under our own URL, citing the original with isBasedOn and a visible link', () => {
    const republished = published.filter((a) => a.data.sources.some((s: { url: string }) => !isOwnSite(s.url)));
    expect(republished.length).toBeGreaterThan(0);
    for (const a of republished) {
      const doc = pageIn(distDir, a.path);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(urlOf(a));
      expect(meta(doc, 'robots')).toEqual([]);
      const [ld] = jsonLdOf(doc);
      for (const source of a.data.sources.filter((s: { url: string }) => !isOwnSite(s.url))) {
        expect(ld.isBasedOn.map((w: { url: string }) => w.url), a.id).toContain(source.url);
        expect(doc.querySelector(`.sources a[href="${source.url}"]`), a.id).not.toBeNull();
      }
    }
  });

  it.each(['/404.html', ...searchPages])('keeps %s out of the index, without a canonical URL', (path) => {
    const doc = pageIn(distDir, path);
    expect(meta(doc, 'robots')).toEqual(['noindex']);
    expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
  });
});

describe('Open Graph and Twitter card', () => {
  it.each(published.map((a) => [a.id, a] as const))('%s describes the article', (_, a) => {
    const doc = pageIn(distDir, a.path);
    const others = translationsOf(a);
    expect(meta(doc, 'description')).toEqual([a.data.dek]);
    expect(meta(doc, 'og:type')).toEqual(['article']);
    expect(meta(doc, 'og:title')).toEqual([a.data.title]);
    expect(meta(doc, 'og:url')).toEqual([urlOf(a)]);
    expect(meta(doc, 'og:locale')).toEqual([languages[a.lang].ogLocale]);
    // Every other version's locale, once each, in registry order.
    const otherLangs = langs.filter((l) => l !== a.lang && others.some((o) => o.lang === l));
    expect(meta(doc, 'og:locale:alternate')).toEqual(otherLangs.map((l) => languages[l].ogLocale));
    expect(meta(doc, 'article:published_time')).toEqual([kabulIso(a.data.date)]);
    expect(meta(doc, 'article:modified_time')).toEqual([kabulIso(modified(a))]);
    expect(meta(doc, 'article:author')).toEqual(a.data.authors);
    // The section it is published in, named in the article's language.
    expect(meta(doc, 'article:section')).toEqual([sectionLabel(a.section, a.lang)]);
    expect(meta(doc, 'article:tag')).toEqual(a.data.tags ?? []);
    // Every article shares with a large picture: its lead picture, or its generated card.
    expect(meta(doc, 'twitter:card')).toEqual(['summary_large_image']);
    expect(builtIn(distDir, new URL(meta(doc, 'og:image')[0]!).pathname)).toBe(true);
    if (!a.data.image) expect(meta(doc, 'og:image')[0]).toMatch(new RegExp(`^${urlOf(a)}card\\.png\\?v=[0-9a-f]{16}$`));
  });

  it('marks other pages as a website', () => {
    for (const path of ['/', ...sectionKeys.map((s) => `/${s}/`)]) expect(meta(pageIn(distDir, path), 'og:type'), path).toEqual(['website']);
  });
});

describe('JSON-LD', () => {
  it.each(published.map((a) => [a.id, a] as const))('%s carries a complete NewsArticle', (_, a) => {
    const blocks = jsonLdOf(pageIn(distDir, a.path));
    expect(blocks).toHaveLength(1);
    const ld = blocks[0];
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@type']).toBe('NewsArticle');
    expect(ld.headline).toBe(a.data.title);
    expect(ld.description).toBe(a.data.dek);
    expect(ld.datePublished).toBe(kabulIso(a.data.date));
    expect(ld.dateModified).toBe(kabulIso(modified(a)));
    // Each author links to their page on the site (author.url).
    expect(ld.author).toEqual(a.data.authors.map((name: string) => ({ '@type': 'Person', name, url: expect.stringMatching(new RegExp(`^${origin}/${a.section}/authors/[^/]+/$`)) })));
    expect(ld.publisher['@type']).toBe('Organization');
    expect(ld.publisher.name).toBe(site.nameLatin);
    expect(ld.publisher.logo['@type']).toBe('ImageObject');
    expect(ld.inLanguage).toBe(languages[a.lang].tag);
    expect(ld.articleSection).toBe(sectionLabel(a.section, a.lang));
    expect(ld.mainEntityOfPage['@id']).toBe(urlOf(a));
    const external = a.data.sources.filter((s: { url: string }) => !isOwnSite(s.url)).map((s: { url: string }) => s.url);
    expect((ld.isBasedOn ?? []).map((w: { url: string }) => w.url)).toEqual(external);
  });

  it('names one original per piece: it lists every other version in workTranslation, each of them names it in translationOfWork', () => {
    const pieces = [...groups.values()].filter((g) => g.length > 1);
    expect(pieces.length).toBeGreaterThanOrEqual(2);
    for (const versions of pieces) {
      const lds = new Map(versions.map((v) => [v, jsonLdOf(pageIn(distDir, v.path))[0]]));
      for (const [v, ld] of lds) expect(ld.workTranslation && ld.translationOfWork, v.id).toBeUndefined();
      const originals = versions.filter((v) => lds.get(v).workTranslation);
      expect(originals.map((v) => v.id), versions.map((v) => v.id).join(', ')).toHaveLength(1);
      const original = originals[0]!;
      // The earliest version is the original.
      expect(original.data.date.getTime()).toBe(Math.min(...versions.map((v) => v.data.date.getTime())));
      const others = versions.filter((v) => v !== original);
      const listed = lds.get(original).workTranslation.map((w: { url: string; inLanguage: string }) => [w.url, w.inLanguage]);
      expect(listed.sort(), original.id).toEqual(others.map((o) => [urlOf(o), languages[o.lang].tag]).sort());
      for (const o of others) expect(lds.get(o).translationOfWork?.url, o.id).toBe(urlOf(original));
    }
  });

  it('describes the site and the organization on the front page, with a raster logo', () => {
    const [ld] = jsonLdOf(pageIn(distDir, '/'));
    const types = ld['@graph'].map((node: { '@type': string }) => node['@type']);
    expect(types).toEqual(['WebSite', 'Organization']);
    const org = ld['@graph'][1];
    expect(org.name).toBe(site.nameLatin);
    expect(org.url).toBe(`${origin}/`);
    const logo = readFileSync(join(distDir, new URL(org.logo.url).pathname));
    expect(logo.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([logo.readUInt32BE(16), logo.readUInt32BE(20)]).toEqual([org.logo.width, org.logo.height]);
  });
});

describe('feeds', () => {
  const feeds: { path: string; section: Section | undefined }[] = [
    ...sectionKeys.map((section) => ({ path: `/${section}/rss.xml`, section })),
    { path: '/rss.xml', section: undefined },
  ];

  it('has a feed for every section, and one of all', () => {
    expect(feeds.map((f) => f.path)).toEqual(['/fa/rss.xml', '/ps/rss.xml', '/en/rss.xml', '/rss.xml']);
  });

  it.each(feeds)('$path is RSS 2.0 listing the newest published articles of its section, newest first', async ({ path, section }) => {
    const xml = readFileSync(join(distDir, path), 'utf8');
    expect(await wellFormednessErrors(xml)).toEqual([]);
    const doc = parseXml(xml);
    expect(doc.documentElement.tagName).toBe('rss');
    expect(doc.documentElement.getAttribute('version')).toBe('2.0');
    const channel = doc.getElementsByTagName('channel')[0]!;
    for (const required of ['title', 'link', 'description']) {
      expect([...channel.children].find((c) => c.tagName === required)?.textContent, required).toMatch(/\S/);
    }
    const channelLang = section && sections[section].lang;
    expect(texts(channel, 'language')).toEqual(channelLang ? [languages[channelLang].tag] : []);

    const expected = published.filter((a) => !section || a.section === section).sort(newestFirst).slice(0, site.feedItems);
    const items = [...doc.getElementsByTagName('item')];
    expect(items.map((i) => texts(i, 'link')[0])).toEqual(expected.map(urlOf));
    // A reader that sets direction from the first strong letter (dir="auto") sees the section's.
    const unmarked = (text: string | undefined) => text?.replace(/^[\u200E\u200F]/, '');
    const firstStrongIsRtl = (text: string) => /[\p{Script=Arabic}\p{Script=Hebrew}]|^\u200F/u.test([...text].find((c) => /\p{L}|[\u200E\u200F]/u.test(c)) ?? '');
    items.forEach((item, n) => {
      const a = expected[n]!;
      const { tag, dir } = languages[a.lang];
      expect(item.getAttribute('xml:lang')).toBe(tag);
      expect(texts(item, 'title').map(unmarked)).toEqual([a.data.title]);
      expect(texts(item, 'description').map(unmarked)).toEqual([a.data.dek]);
      for (const text of [texts(item, 'title')[0]!, texts(item, 'description')[0]!]) expect(firstStrongIsRtl(text), text).toBe(dir === 'rtl');
      expect(texts(item, 'guid')).toEqual([urlOf(a)]);
      // A full RFC 822 date and time, not just a day, in Kabul time.
      expect(texts(item, 'pubDate')).toEqual([kabulRfc822(a.data.date)]);
      const source = item.getElementsByTagName('source')[0]!;
      expect(attribute(source, 'url')).toBe(toUri(a.data.sources[0].url));
      expect(source.textContent).toBe(a.data.sources[0].name);
      expect(texts(item, 'dc:creator')).toEqual(a.data.authors);
      // Spelt out wherever the channel's <language> does not say it: in the feed of all, and for a German piece in European Languages.
      expect(texts(item, 'dc:language'), a.id).toEqual(a.lang === channelLang ? [] : [tag]);
    });
    if (section === 'en') expect(expected.some((a) => a.lang === 'de')).toBe(true);
  });

  it.each(feeds)('$path holds only valid absolute URIs (link, guid, source, self)', async ({ path }) => {
    const addresses = feedAddresses(parseXml(readFileSync(join(distDir, path), 'utf8')));
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.map(uriProblem).filter(Boolean)).toEqual([]);
  });

  it('is advertised in the <head> of every page: its section feed and the feed of all', () => {
    for (const path of pagesIn(distDir)) {
      const links = [...pageIn(distDir, path).querySelectorAll('head link[rel="alternate"][type="application/rss+xml"]')].map((l) => l.getAttribute('href')!);
      expect(links, path).toEqual([`/${sectionOfPage(path)}/rss.xml`, '/rss.xml']);
      for (const href of links) expect(builtIn(distDir, href), href).toBe(true);
    }
  });
});

describe('news sitemap and robots.txt', () => {
  it('robots.txt names the sitemap index and the news sitemap on the configured site', () => {
    const robots = readFileSync(join(distDir, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${origin}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${origin}/news-sitemap.xml`);
  });

  it('lists exactly the articles of the 48 hours before the build, with every required element', async () => {
    const file = join(distDir, 'news-sitemap.xml');
    const builtAt = statSync(file).mtime.getTime();
    const xml = readFileSync(file, 'utf8');
    expect(await wellFormednessErrors(xml)).toEqual([]);
    const expected = published
      .filter((a) => a.data.date.getTime() <= builtAt && a.data.date.getTime() >= builtAt - 48 * 3_600_000)
      .sort(newestFirst);
    const entries = newsEntries(xml);
    expect(entries.map((e) => e.loc)).toEqual(expected.map(urlOf));
    // The sample archive may have nothing this recent; the fixture build
    // (seo-fixture.test.ts) covers a full news sitemap against the schema.
    if (entries.length > 0) expect(await schemaErrors(xml, 'sitemap-extended.xsd')).toEqual([]);
  });
});

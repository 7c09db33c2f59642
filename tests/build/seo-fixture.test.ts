/**
 * What the sample archive cannot show, checked on a small fixture build of
 * the same code (see tests/helpers/fixture-site.ts): a staging origin from
 * SITE_URL, a news sitemap with fresh articles, a hostile title, an
 * untranslated piece, and two versions of a piece that tie on every rule
 * but the registry's language order.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smartText } from '../../src/utils/typography.ts';
import type { Section } from '../../src/i18n/locales.ts';
import { articlePath } from '../../src/utils/urls.ts';
import { buildFixtureSite, HOSTILE_TITLE, STAGING_URL, type FixtureSite } from '../helpers/fixture-site.ts';
import { expectConsistentClusters, headAlternates, jsonLdOf, meta, newsEntries, pageIn, pagesIn, sitemapUrls } from '../helpers/seo.ts';
import { parseXml, schemaErrors, texts, wellFormednessErrors } from '../helpers/xml.ts';

let fixture: FixtureSite;

beforeAll(() => {
  fixture = buildFixtureSite();
});

afterAll(() => fixture?.cleanup());

function pathOf(id: string): string {
  const { frontmatter } = fixture.articles.find((a) => a.id === id)!;
  const [section, slug] = id.split('/') as [Section, string];
  return articlePath(section, slug, frontmatter.date as Date);
}

describe('a staging build (SITE_URL set)', () => {
  it('puts canonical URLs, alternates, sitemaps, feeds and robots.txt on the staging origin', () => {
    const path = pathOf('en/doha-talks-resume');
    const doc = pageIn(fixture.dist, path);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${STAGING_URL}${path}`);
    expect(meta(doc, 'og:url')).toEqual([`${STAGING_URL}${path}`]);
    expect(jsonLdOf(doc)[0].publisher.logo.url).toBe(`${STAGING_URL}/logo.png`);
    for (const url of sitemapUrls(fixture.dist)) expect(url.loc.startsWith(`${STAGING_URL}/`), url.loc).toBe(true);
    const feed = parseXml(readFileSync(join(fixture.dist, 'rss.xml'), 'utf8'));
    for (const link of texts(feed, 'link')) expect(link.startsWith(`${STAGING_URL}/`), link).toBe(true);
    const robots = readFileSync(join(fixture.dist, 'robots.txt'), 'utf8');
    expect(robots).toContain(`Sitemap: ${STAGING_URL}/sitemap-index.xml`);
    expect(robots).toContain(`Sitemap: ${STAGING_URL}/news-sitemap.xml`);
  });

  it('keeps hreflang reciprocal and the sitemap in step with <head>', () => {
    expectConsistentClusters(fixture.dist, STAGING_URL, expect);
  });
});

describe('a title with </script>, quotes and ampersands', () => {
  it('round-trips exactly through JSON-LD, <title>, Open Graph, the feed and the news sitemap', () => {
    const path = pathOf('en/doha-talks-resume');
    const doc = pageIn(fixture.dist, path);
    const blocks = jsonLdOf(doc);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].headline).toBe(HOSTILE_TITLE);
    expect(blocks[0].description).toBe('A dek with "quotes" & <angle brackets>.');
    expect(blocks[0].isBasedOn[0].name).toBe('Doha talks <resume>');
    // Nothing escaped the block: no script ran out of it, and the page has only the JSON-LD script.
    expect([...doc.querySelectorAll('script')].map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
    expect(doc.querySelector('title')?.textContent?.startsWith(HOSTILE_TITLE)).toBe(true);
    expect(meta(doc, 'og:title')).toEqual([HOSTILE_TITLE]);
    // The page shows it with English typography (curly quotes), as text.
    expect(doc.querySelector('h1')?.textContent).toBe(smartText(HOSTILE_TITLE, 'en'));

    const feed = parseXml(readFileSync(join(fixture.dist, 'en/rss.xml'), 'utf8'));
    expect(texts(feed.getElementsByTagName('item')[0]!, 'title')).toEqual([HOSTILE_TITLE]);
    const news = newsEntries(readFileSync(join(fixture.dist, 'news-sitemap.xml'), 'utf8'));
    expect(news[0]?.title).toBe(HOSTILE_TITLE);
  });

  it('leaves every feed well-formed', async () => {
    for (const file of ['rss.xml', 'en/rss.xml', 'fa/rss.xml']) {
      expect(await wellFormednessErrors(readFileSync(join(fixture.dist, file), 'utf8')), file).toEqual([]);
    }
  });
});

describe('the news sitemap with fresh articles', () => {
  it("validates against Google's news sitemap schema", async () => {
    expect(await schemaErrors(readFileSync(join(fixture.dist, 'news-sitemap.xml'), 'utf8'), 'sitemap-extended.xsd')).toEqual([]);
  });

  it('lists the articles of the last 48 hours, newest first, with publication, language, date and title', () => {
    const entries = newsEntries(readFileSync(join(fixture.dist, 'news-sitemap.xml'), 'utf8'));
    const fresh = ['en/doha-talks-resume', 'fa/mozakerat-doha'];
    expect(entries.map((e) => e.loc)).toEqual(fresh.map((id) => `${STAGING_URL}${pathOf(id)}`));
    expect(entries.map((e) => [e.name, e.language])).toEqual([
      ['Afghanistan Azad – Azad Afghanistan', 'en'],
      ['افغانستان آزاد – آزاد افغانستان', 'fa'],
    ]);
    for (const [n, id] of fresh.entries()) {
      const { frontmatter } = fixture.articles.find((a) => a.id === id)!;
      // The same instant, written in Kabul time.
      expect(entries[n]!.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?\+04:30$/);
      expect(Date.parse(entries[n]!.date)).toBe((frontmatter.date as Date).getTime());
      expect(entries[n]!.title).toBe(frontmatter.title);
    }
  });
});

describe('two versions in one section on the same day (English and German)', () => {
  // Paths once the fixture is built (its dates are relative to the build).
  const paths = () => ['en/pamir-herders', 'en/pamir-hirten'].map(pathOf) as [string, string];

  it('are one hreflang cluster of both, under /en/', () => {
    const [en, de] = paths();
    const cluster = new Map([
      ['en', `${STAGING_URL}${en}`],
      ['de', `${STAGING_URL}${de}`],
    ]);
    for (const path of [en, de]) expect(headAlternates(pageIn(fixture.dist, path)), path).toEqual(cluster);
    expect(en.startsWith('/en/') && de.startsWith('/en/')).toBe(true);
    expect(pageIn(fixture.dist, de).documentElement.getAttribute('lang')).toBe('de');
  });

  it('name the same original on both pages (the English one, first in the registry), whichever page lists itself first', () => {
    const [en, de] = paths();
    const [enLd] = jsonLdOf(pageIn(fixture.dist, en));
    const [deLd] = jsonLdOf(pageIn(fixture.dist, de));
    expect(enLd.workTranslation?.map((w: { url: string }) => w.url)).toEqual([`${STAGING_URL}${de}`]);
    expect(enLd.translationOfWork).toBeUndefined();
    expect(deLd.translationOfWork?.url).toBe(`${STAGING_URL}${en}`);
    expect(deLd.workTranslation).toBeUndefined();
  });
});

describe('drafts, scheduled pieces and untranslated articles', () => {
  it('builds no page and lists nothing for a draft or a scheduled piece', () => {
    const everything = [
      ...pagesIn(fixture.dist),
      ...sitemapUrls(fixture.dist).map((u) => u.loc),
      readFileSync(join(fixture.dist, 'rss.xml'), 'utf8'),
      readFileSync(join(fixture.dist, 'news-sitemap.xml'), 'utf8'),
    ].join('\n');
    for (const id of ['en/still-a-draft', 'en/scheduled']) expect(everything).not.toContain(id.split('/')[1]);
  });

  // A one-sided translation link never reaches a build: the content check fails it.
  it('gives an untranslated article no alternates, no og:locale:alternate and no translation link', () => {
    for (const id of ['en/older-than-two-days']) {
      const doc = pageIn(fixture.dist, pathOf(id));
      expect(headAlternates(doc), id).toEqual(new Map());
      expect(meta(doc, 'og:locale:alternate'), id).toEqual([]);
      const [ld] = jsonLdOf(doc);
      expect(ld.workTranslation ?? ld.translationOfWork, id).toBeUndefined();
      expect(doc.querySelector('nav.translations'), id).toBeNull();
      // The switch leads to the other sections instead.
      expect([...doc.querySelectorAll('.topbar .switch a')].map((a) => a.getAttribute('href')), id).toEqual(['/fa/', '/ps/']);
    }
  });

  it('cites nothing with isBasedOn for a piece first published here', () => {
    const [ld] = jsonLdOf(pageIn(fixture.dist, pathOf('en/older-than-two-days')));
    expect(ld.isBasedOn).toBeUndefined();
  });
});

/**
 * The pure parts of the search-engine work: JSON-LD escaping, the news
 * window, hreflang clusters, and which translation counts as the original.
 */
import { describe, expect, it } from 'vitest';
import { articleAlternates, homeAlternates, hreflang, sectionAlternates } from '../../src/utils/alternates.ts';
import type { Article } from '../../src/utils/articles.ts';
import { feed, feedsFor } from '../../src/utils/feeds.ts';
import { NEWS_MAX_URLS, newsLanguage, newsSitemap, recentForNews } from '../../src/utils/news-sitemap.ts';
import { isPublished } from '../../src/utils/publishing.ts';
import { newsArticle, originalOf, serializeJsonLd } from '../../src/utils/structured-data.ts';
import { sectionLanguages } from '../../src/i18n/locales.ts';
import { absoluteUrl, articlePath, siteOrigin } from '../../src/utils/urls.ts';

const HOUR = 3_600_000;

/** An article as the index holds it; only the fields these modules read. */
function article(id: string, date: Date, extra: Partial<Article['data']> = {}): Article {
  const [section, slug] = id.split('/') as ['fa' | 'ps' | 'en', string];
  return {
    entry: {} as Article['entry'],
    id,
    section,
    lang: (extra.lang as Article['lang'] | undefined) ?? section,
    slug,
    path: articlePath(section, slug, date),
    data: { title: `Title of ${id}`, dek: 'Dek', authors: ['A. Writer'], date, sources: [{ name: 'Outlet', url: 'https://outlet.example/piece' }], tags: [], draft: false, ...extra },
  };
}

describe('JSON-LD serialization', () => {
  it('cannot be closed early by a frontmatter value, and parses back to the exact text', () => {
    const nasty = `He said "no" </script><script>alert(1)</script> <!-- & \u2028 ]]> 'quoted'`;
    const json = serializeJsonLd({ headline: nasty });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(json)).toEqual({ headline: nasty });
  });
});

describe('news sitemap', () => {
  const now = new Date('2026-03-10T12:00:00Z');
  const list = [
    article('en/future', new Date(now.getTime() + HOUR)),
    article('en/fresh', new Date(now.getTime() - HOUR)),
    article('fa/two-days', new Date(now.getTime() - 48 * HOUR)),
    article('en/stale', new Date(now.getTime() - 48 * HOUR - 1)),
  ];

  it('keeps the articles of the 48 hours before the build, newest first', () => {
    expect(recentForNews(list, now).map((a) => a.id)).toEqual(['en/fresh', 'fa/two-days']);
  });

  it('stops at 1,000 articles', () => {
    const many = Array.from({ length: NEWS_MAX_URLS + 5 }, (_, i) => article(`en/a${i}`, new Date(now.getTime() - i * 1000)));
    expect(recentForNews(many, now)).toHaveLength(NEWS_MAX_URLS);
  });

  it('writes Dari as ISO 639 "fa" and English as "en"', () => {
    expect(newsLanguage('fa')).toBe('fa');
    expect(newsLanguage('en')).toBe('en');
  });

  it('escapes titles', () => {
    const xml = newsSitemap([article('en/x', now, { title: 'A & B <C>' })], now, 'https://www.afgazad.com');
    expect(xml).toContain('<news:title>A &amp; B &lt;C&gt;</news:title>');
  });
});

describe('hreflang clusters', () => {
  const en = { lang: 'en' as const, path: '/en/2017/01/x/' };
  const fa = { lang: 'fa' as const, path: '/fa/2017/01/y/' };
  const ps = { lang: 'ps' as const, path: '/ps/2017/01/z/' };
  const de = { lang: 'de' as const, path: '/en/2017/01/w/' };

  it('lists every version of a piece, in registry order, and nothing for an article alone', () => {
    expect(articleAlternates([en, fa]).map(hreflang)).toEqual(['fa-AF', 'en']);
    expect(articleAlternates([de, en, ps, fa]).map(hreflang)).toEqual(['fa-AF', 'ps-AF', 'en', 'de']);
    expect(articleAlternates([en])).toEqual([]);
  });

  it('joins the front page and every other section index, with x-default on the front page', () => {
    expect(homeAlternates()).toEqual([
      { lang: 'fa', path: '/' },
      { lang: 'ps', path: '/ps/' },
      { lang: 'en', path: '/en/' },
      { lang: 'x-default', path: '/' },
    ]);
    expect(sectionAlternates('en', 1)).toEqual(homeAlternates());
    expect(sectionAlternates('ps', 1)).toEqual(homeAlternates());
    expect(sectionAlternates('fa', 1)).toEqual([]);
    expect(sectionAlternates('en', 2)).toEqual([]);
  });
});

describe('structured data', () => {
  const date = new Date('2017-01-13T00:00:00+04:30');

  it('treats the earliest version as the original; on the same day a European-language one, then the first section', () => {
    const en = article('en/x', date);
    const fa = article('fa/y', date);
    const ps = article('ps/z', date);
    expect(originalOf([fa, en])).toBe(en);
    expect(originalOf([en, fa])).toBe(en);
    expect(originalOf([ps, fa])).toBe(fa);
    const laterEn = article('en/x', new Date('2017-01-14T00:00:00+04:30'));
    expect(originalOf([laterEn, fa, ps])).toBe(fa);
  });

  it('names the same original whatever order a page lists the versions in, when two share date, script and section', () => {
    // An English and a German version in European Languages, on the same day: each page lists itself first.
    const en = article('en/x', date);
    const de = article('en/y', date, { lang: 'de' });
    expect(originalOf([en, de])).toBe(en);
    expect(originalOf([de, en])).toBe(en);
    const fromEn = newsArticle(en, [de], 'https://www.afgazad.com');
    const fromDe = newsArticle(de, [en], 'https://www.afgazad.com');
    expect([fromEn.workTranslation !== undefined, fromDe.workTranslation !== undefined]).toEqual([true, false]);
    expect((fromDe.translationOfWork as { url: string }).url).toBe(fromEn.url);
  });

  it('links the original to every translation, and each translation to the original', () => {
    const en = article('en/x', date);
    const fa = article('fa/y', new Date('2017-01-14T00:00:00+04:30'));
    const ps = article('ps/z', new Date('2017-01-15T00:00:00+04:30'));
    const original = newsArticle(en, [fa, ps], 'https://www.afgazad.com');
    expect((original.workTranslation as { inLanguage: string }[]).map((w) => w.inLanguage)).toEqual(['fa-AF', 'ps-AF']);
    expect(original.translationOfWork).toBeUndefined();
    const translation = newsArticle(ps, [en, fa], 'https://www.afgazad.com');
    expect((translation.translationOfWork as { url: string }).url).toBe('https://www.afgazad.com/en/2017/01/x/');
    expect(translation.workTranslation).toBeUndefined();
    expect(newsArticle(en, [], 'https://www.afgazad.com').workTranslation).toBeUndefined();
  });

  it('names the language of an article in another language of its section', () => {
    const de = article('en/w', date, { lang: 'de' });
    expect(sectionLanguages('en')).toContain('de');
    expect(newsArticle(de, [], 'https://www.afgazad.com').inLanguage).toBe('de');
    expect(newsArticle(de, [], 'https://www.afgazad.com').articleSection).toBe('Europäische Sprachen');
  });

  it('cites other outlets with isBasedOn, but not the publication itself', () => {
    const own = { name: 'Afghanistan Azad – Azad Afghanistan', url: 'https://afgazad.com/' };
    const other = { name: 'The Diplomat', url: 'https://thediplomat.com/x/', title: 'X' };
    const ld = newsArticle(article('en/x', date, { sources: [own, other] }), [], 'https://www.afgazad.com');
    expect(ld.isBasedOn).toEqual([{ '@type': 'CreativeWork', url: other.url, name: 'X', publisher: { '@type': 'Organization', name: 'The Diplomat' } }]);
    expect(newsArticle(article('en/x', date, { sources: [own] }), [], 'https://www.afgazad.com').isBasedOn).toBeUndefined();
  });
});

describe('feeds', () => {
  it('has one feed per section and one of all', () => {
    expect(feed('fa').path).toBe('/fa/rss.xml');
    expect(feed('ps').path).toBe('/ps/rss.xml');
    expect(feed().path).toBe('/rss.xml');
    expect(feedsFor('en').map((f) => f.path)).toEqual(['/en/rss.xml', '/rss.xml']);
  });
});

describe('publishing rule and site origin', () => {
  it('leaves drafts and future articles out of production builds only', () => {
    const now = new Date('2026-01-01');
    expect(isPublished({ draft: false, date: new Date('2025-12-31') }, now, true)).toBe(true);
    expect(isPublished({ draft: true, date: new Date('2025-12-31') }, now, true)).toBe(false);
    expect(isPublished({ draft: false, date: new Date('2026-01-02') }, now, true)).toBe(false);
    expect(isPublished({ draft: true, date: new Date('2026-01-02') }, now, false)).toBe(true);
  });

  it('takes the origin from SITE_URL when it is set', () => {
    const saved = process.env.SITE_URL;
    try {
      process.env.SITE_URL = 'https://staging.example.org';
      expect(siteOrigin()).toBe('https://staging.example.org');
      expect(absoluteUrl('/en/')).toBe('https://staging.example.org/en/');
      process.env.SITE_URL = '';
      expect(siteOrigin()).toBe('https://www.afgazad.com');
    } finally {
      if (saved === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved;
    }
  });
});

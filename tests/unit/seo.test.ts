/**
 * The pure parts of the search-engine work: JSON-LD escaping, the news
 * window, hreflang clusters, and which translation counts as the original.
 */
import { describe, expect, it } from 'vitest';
import { articleAlternates, homeAlternates, hreflang, mutualTranslation, sectionAlternates } from '../../src/utils/alternates.ts';
import type { Article } from '../../src/utils/articles.ts';
import { feed, feedsFor } from '../../src/utils/feeds.ts';
import { NEWS_MAX_URLS, newsLanguage, newsSitemap, recentForNews } from '../../src/utils/news-sitemap.ts';
import { isPublished } from '../../src/utils/publishing.ts';
import { isOriginal, newsArticle, serializeJsonLd } from '../../src/utils/structured-data.ts';
import { absoluteUrl, articlePath, siteOrigin } from '../../src/utils/urls.ts';

const HOUR = 3_600_000;

/** An article as the index holds it; only the fields these modules read. */
function article(id: string, date: Date, extra: Partial<Article['data']> = {}): Article {
  const [lang, slug] = id.split('/') as ['fa' | 'en', string];
  return {
    entry: {} as Article['entry'],
    id,
    lang,
    slug,
    path: articlePath(lang, slug, date),
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
  const en = { id: 'en/x', lang: 'en' as const, path: '/en/2017/01/x/', t: 'fa/y' };
  const fa = { id: 'fa/y', lang: 'fa' as const, path: '/fa/2017/01/y/', t: 'en/x' };
  const stray = { id: 'en/z', lang: 'en' as const, path: '/en/2017/01/z/', t: 'fa/y' };
  const byId = new Map([en, fa, stray].map((a) => [a.id, a]));

  it('joins two articles only when each names the other', () => {
    expect(mutualTranslation(en, byId, (a) => a.t)).toBe(fa);
    expect(mutualTranslation(fa, byId, (a) => a.t)).toBe(en);
    expect(mutualTranslation(stray, byId, (a) => a.t)).toBeUndefined();
  });

  it('lists an article with its translation, Dari first, and nothing for an article alone', () => {
    expect(articleAlternates(en, fa).map(hreflang)).toEqual(['fa-AF', 'en']);
    expect(articleAlternates(en)).toEqual([]);
  });

  it('joins the front page and the English section index, with x-default on the front page', () => {
    expect(homeAlternates()).toEqual([
      { lang: 'fa', path: '/' },
      { lang: 'en', path: '/en/' },
      { lang: 'x-default', path: '/' },
    ]);
    expect(sectionAlternates('en', 1)).toEqual(homeAlternates());
    expect(sectionAlternates('fa', 1)).toEqual([]);
    expect(sectionAlternates('en', 2)).toEqual([]);
  });
});

describe('structured data', () => {
  const date = new Date('2017-01-13');

  it('treats the earlier piece as the original, and on the same day the non-Dari one', () => {
    const en = article('en/x', date);
    const fa = article('fa/y', date);
    expect(isOriginal(en, fa)).toBe(true);
    expect(isOriginal(fa, en)).toBe(false);
    const laterEn = article('en/x', new Date('2017-01-14'));
    expect(isOriginal(fa, laterEn)).toBe(true);
  });

  it('cites other outlets with isBasedOn, but not the publication itself', () => {
    const own = { name: 'Afghanistan Azad – Azad Afghanistan', url: 'https://afgazad.com/' };
    const other = { name: 'The Diplomat', url: 'https://thediplomat.com/x/', title: 'X' };
    const ld = newsArticle(article('en/x', date, { sources: [own, other] }), undefined, 'https://www.afgazad.com');
    expect(ld.isBasedOn).toEqual([{ '@type': 'CreativeWork', url: other.url, name: 'X', publisher: { '@type': 'Organization', name: 'The Diplomat' } }]);
    expect(newsArticle(article('en/x', date, { sources: [own] }), undefined, 'https://www.afgazad.com').isBasedOn).toBeUndefined();
  });
});

describe('feeds', () => {
  it('has one feed per section and one of both', () => {
    expect(feed('fa').path).toBe('/fa/rss.xml');
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

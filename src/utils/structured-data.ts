/**
 * JSON-LD for search engines: `NewsArticle` on article pages, `WebSite` and
 * `Organization` on the front page. Built from the same data the page shows,
 * so the structured data never claims what the reader cannot see.
 */
import { defaultLang, langs, locales } from '../i18n/locales.ts';
import { site } from '../config/site.ts';
import type { Article } from './articles.ts';
import { isoDateTime } from './dates.ts';
import { absoluteUrl } from './urls.ts';

type Json = Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">` block. `<`, `>` and `&`
 * are written as `\u003c` etc. (U+2028/9 too, for old parsers), so a title
 * containing `</script>` or `<!--` cannot end the block early; `JSON.parse`
 * gives back the exact text.
 * @example serializeJsonLd({ headline: '</script>' }) // '{"headline":"\\u003c/script\\u003e"}'
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The publisher as every article names it: what Google asks for (name, logo), and no more. */
export function publisher(origin: string): Json {
  return {
    '@type': 'Organization',
    '@id': absoluteUrl('/#organization', origin),
    name: site.nameLatin,
    url: absoluteUrl('/', origin),
    logo: {
      '@type': 'ImageObject',
      url: absoluteUrl(site.logo.path, origin),
      width: site.logo.width,
      height: site.logo.height,
    },
  };
}

/** The full organization, described once, on the front page. */
export function organization(origin: string): Json {
  return { ...publisher(origin), alternateName: [site.nameFa, site.shortName], email: site.email };
}

/** The front page's data: the site and the organization behind it. */
export function frontPageGraph(origin: string): Json {
  const org = organization(origin);
  return {
    '@context': 'https://schema.org',
    '@graph': [
      {
        '@type': 'WebSite',
        '@id': absoluteUrl('/#website', origin),
        name: site.nameLatin,
        alternateName: [site.nameFa, site.shortName],
        url: absoluteUrl('/', origin),
        inLanguage: langs.map((l) => locales[l].lang),
        publisher: { '@id': org['@id'] },
      },
      org,
    ],
  };
}

/**
 * Which of two translations is the original. The schema has no field for it,
 * so the earlier piece is the original; on the same date, the piece outside
 * the Dari section is, because the site translates European-language
 * analysis into Dari far more often than the reverse.
 */
export function isOriginal(article: Article, translation: Article): boolean {
  const diff = article.data.date.getTime() - translation.data.date.getTime();
  return diff !== 0 ? diff < 0 : article.lang !== defaultLang;
}

const bare = (host: string) => host.replace(/^www\./, '');

/**
 * Sources that are other works. A piece whose "source" is this publication
 * itself was first published here and is based on nothing else.
 */
function externalSources(article: Article, origin: string) {
  const own = new Set([bare(new URL(site.url).hostname), bare(new URL(origin).hostname)]);
  return article.data.sources.filter((s) => !own.has(bare(new URL(s.url).hostname)));
}

function articleRef(article: Article, origin: string): Json {
  const url = absoluteUrl(article.path, origin);
  return { '@type': 'NewsArticle', '@id': `${url}#article`, url, headline: article.data.title, inLanguage: locales[article.lang].lang };
}

/**
 * `NewsArticle` data for an article page.
 * @example newsArticle(article, translation, 'https://www.afgazad.com')['@type'] // 'NewsArticle'
 */
export function newsArticle(article: Article, translation: Article | undefined, origin: string): Json {
  const { data, lang } = article;
  const url = absoluteUrl(article.path, origin);
  const basedOn = externalSources(article, origin).map((s) => ({
    '@type': 'CreativeWork',
    url: s.url,
    name: s.title,
    publisher: { '@type': 'Organization', name: s.name },
    datePublished: s.date && isoDateTime(s.date),
  }));
  const link = translation && {
    [isOriginal(article, translation) ? 'workTranslation' : 'translationOfWork']: articleRef(translation, origin),
  };
  return {
    '@context': 'https://schema.org',
    ...articleRef(article, origin),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    description: data.dek,
    // ISO 8601 in Kabul time: a date-only article reads as its own day (…T00:00:00+04:30).
    datePublished: isoDateTime(data.date),
    dateModified: isoDateTime(data.updated ?? data.date),
    author: data.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: publisher(origin),
    articleSection: site.sections[lang][lang],
    keywords: data.tags.length > 0 ? data.tags : undefined,
    isBasedOn: basedOn.length > 0 ? basedOn : undefined,
    ...link,
  };
}

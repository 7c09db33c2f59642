/**
 * JSON-LD for search engines: `NewsArticle` on article pages, `WebSite` and
 * `Organization` on the front page. Built from the same data the page shows,
 * so the structured data never claims what the reader cannot see.
 */
import { langs, languages, sectionKeys, sectionLabel, sections } from '../i18n/locales.ts';
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
        inLanguage: [...new Set(sectionKeys.map((s) => languages[sections[s].lang].tag))],
        publisher: { '@id': org['@id'] },
      },
      org,
    ],
  };
}

/**
 * Which version of a piece is the original. The frontmatter has no field for
 * it, so the earliest version is. On the same date, a version in a
 * Latin-script language comes first (the site translates European-language
 * analysis into Dari and Pashto far more often than the reverse), then the
 * section listed first in the registry (Dari pieces are put into Pashto more
 * often than the reverse), then the language listed first (an English and a
 * German version in European Languages). Every page of the piece must name
 * the same original whatever order it lists the versions in, so the order of
 * `versions` never decides.
 * @example originalOf([fa, en]) // en, when both carry the same date
 */
export function originalOf<T extends Pick<Article, 'section' | 'lang' | 'data'>>(versions: readonly T[]): T {
  const rank = (v: T) => [v.data.date.getTime(), languages[v.lang].script === 'Latn' ? 0 : 1, sectionKeys.indexOf(v.section), langs.indexOf(v.lang)];
  return [...versions].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]! || x[3]! - y[3]!;
  })[0]!;
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
  return { '@type': 'NewsArticle', '@id': `${url}#article`, url, headline: article.data.title, inLanguage: languages[article.lang].tag };
}

/** What the page knows that the article's data does not: its pictures' URLs, its authors' pages. */
export interface NewsArticleExtras {
  /** Absolute URLs of the lead picture in 16:9, 4:3 and 1:1 (`utils/lead-image.ts`). */
  readonly images?: readonly string[];
  /** Each author's page on this site (site paths), in the order of `authors`; undefined for one without a page. */
  readonly authorPaths?: readonly (string | undefined)[];
}

/**
 * `NewsArticle` data for an article page. Its other versions (`translationsOf`)
 * are linked both ways: the original lists every translation in
 * `workTranslation`, each translation names the original in `translationOfWork`.
 * `image` (Google's three ratios) and each author's `url` come from `extras`.
 * @example newsArticle(article, [], 'https://www.afgazad.com')['@type'] // 'NewsArticle'
 */
export function newsArticle(article: Article, translations: readonly Article[], origin: string, extras: NewsArticleExtras = {}): Json {
  const { data } = article;
  const url = absoluteUrl(article.path, origin);
  const basedOn = externalSources(article, origin).map((s) => ({
    '@type': 'CreativeWork',
    url: s.url,
    name: s.title,
    publisher: { '@type': 'Organization', name: s.name },
    datePublished: s.date && isoDateTime(s.date),
  }));
  const original = translations.length > 0 ? originalOf([article, ...translations]) : article;
  const link =
    translations.length === 0
      ? undefined
      : original === article
        ? { workTranslation: translations.map((t) => articleRef(t, origin)) }
        : { translationOfWork: articleRef(original, origin) };
  return {
    '@context': 'https://schema.org',
    ...articleRef(article, origin),
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    description: data.dek,
    // ISO 8601 in Kabul time: a date-only article reads as its own day (…T00:00:00+04:30).
    datePublished: isoDateTime(data.date),
    dateModified: isoDateTime(data.updated ?? data.date),
    image: extras.images?.length ? [...extras.images] : undefined,
    author: data.authors.map((name, i) => {
      const path = extras.authorPaths?.[i];
      return { '@type': 'Person', name, ...(path ? { url: absoluteUrl(path, origin) } : {}) };
    }),
    publisher: publisher(origin),
    articleSection: sectionLabel(article.section, article.lang),
    keywords: data.tags.length > 0 ? data.tags : undefined,
    isBasedOn: basedOn.length > 0 ? basedOn : undefined,
    ...link,
  };
}

/**
 * The RSS feeds: one per section (`/fa/rss.xml`, `/en/rss.xml`) and one of
 * both (`/rss.xml`). Every page advertises its section's feed and the
 * combined one; the feed endpoints build from the same descriptions.
 */
import type { RSSFeedItem, RSSOptions } from '@astrojs/rss';
import { site, siteName } from '../config/site.ts';
import { locales, type Lang } from '../i18n/locales.ts';
import type { Article } from './articles.ts';
import { rfc822DateTime } from './dates.ts';
import { absoluteUrl } from './urls.ts';

export interface Feed {
  /** The section, or undefined for the feed of both. */
  readonly lang?: Lang;
  readonly path: string;
  readonly title: string;
}

/**
 * The feed of one section, or of both when `lang` is undefined.
 * @example feed('en').path // '/en/rss.xml'
 */
export function feed(lang?: Lang): Feed {
  if (!lang) return { path: '/rss.xml', title: `${site.nameLatin} / ${site.nameFa}` };
  return { lang, path: `/${lang}/rss.xml`, title: `${site.sections[lang][lang]} – ${siteName(lang)}` };
}

/** The feeds a page in `lang` advertises: its section's, then the combined one. */
export function feedsFor(lang: Lang): Feed[] {
  return [feed(lang), feed()];
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

function item(article: Article, withLanguage: boolean): RSSFeedItem {
  const { data } = article;
  // RSS 2.0 allows one <source>: the outlet that first published the piece.
  const [first] = data.sources;
  // <author> must be an e-mail address in RSS 2.0; Dublin Core carries names.
  const creators = data.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('');
  return {
    title: data.title,
    link: article.path,
    description: data.dek,
    categories: data.tags,
    source: first && { url: first.url, title: first.name },
    // Written here, not as `pubDate`, which @astrojs/rss prints in GMT (the evening before a date-only article).
    customData: `<pubDate>${rfc822DateTime(data.date)}</pubDate>` + creators + (withLanguage ? `<dc:language>${locales[article.lang].lang}</dc:language>` : ''),
  };
}

/**
 * Options for `@astrojs/rss`: the articles of one section (or both), newest
 * first as the index keeps them. The per-item language is only spelled out
 * in the feed of both sections, where the channel has no single language.
 */
export function feedOptions(articles: readonly Article[], lang: Lang | undefined, origin: string): RSSOptions {
  const { path, title } = feed(lang);
  const self = `<atom:link href="${escapeXml(absoluteUrl(path, origin))}" rel="self" type="application/rss+xml"/>`;
  return {
    title,
    description: lang ? `${site.sections[lang][lang]} – ${siteName(lang)}` : `${site.nameLatin} – ${site.nameFa}`,
    site: absoluteUrl(lang ? `/${lang}/` : '/', origin),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: (lang ? `<language>${locales[lang].lang}</language>` : '') + self,
    items: articles.map((a) => item(a, !lang)),
  };
}

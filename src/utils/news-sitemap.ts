/**
 * The Google News sitemap: the articles published in the 48 hours before
 * the build, at most 1,000 (Google's limits), newest first.
 */
import { siteName } from '../config/site.ts';
import { languages, type Lang } from '../i18n/locales.ts';
import type { Article } from './articles.ts';
import { isoDateTime } from './dates.ts';
import { absoluteUrl } from './urls.ts';

export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_URLS = 1000;

/**
 * The `news:language` code: the ISO 639 primary subtag of the locale's BCP 47
 * tag. Dari is `fa` (ISO 639-1 Persian), the code Google News lists; the
 * ISO 639-3 `prs` is more exact but not one Google recognises.
 * @example newsLanguage(fa) // fa
 */
export function newsLanguage(lang: Lang): string {
  return languages[lang].tag.split('-')[0]!.toLowerCase();
}

/**
 * The articles the news sitemap lists, from a newest-first list of published
 * articles: those whose instant (00:00 Kabul time for a date-only article)
 * falls in the 48 hours up to `now`. It stops at the first one that is too
 * old, so the work is proportional to the recent articles, not the archive.
 * @example recentForNews(index.all, new Date()).map((a) => a.id)
 */
export function recentForNews(newestFirst: readonly Article[], now: Date): Article[] {
  const since = now.getTime() - NEWS_WINDOW_MS;
  const recent: Article[] = [];
  for (const article of newestFirst) {
    const at = article.data.date.getTime();
    if (at > now.getTime()) continue;
    if (at < since || recent.length === NEWS_MAX_URLS) break;
    recent.push(article);
  }
  return recent;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/**
 * The news sitemap XML. With nothing recent it is an empty `<urlset>`,
 * which Google reads as "nothing new" (the sitemaps.org schema wants at
 * least one `<url>`, so validators will flag that one case).
 */
export function newsSitemap(newestFirst: readonly Article[], now: Date, origin: string): string {
  const urls = recentForNews(newestFirst, now).map((a) =>
    [
      `<url><loc>${escapeXml(absoluteUrl(a.path, origin))}</loc>`,
      '<news:news><news:publication>',
      `<news:name>${escapeXml(siteName(a.lang))}</news:name>`,
      `<news:language>${newsLanguage(a.lang)}</news:language>`,
      '</news:publication>',
      `<news:publication_date>${isoDateTime(a.data.date)}</news:publication_date>`,
      `<news:title>${escapeXml(a.data.title)}</news:title>`,
      '</news:news></url>',
    ].join(''),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}

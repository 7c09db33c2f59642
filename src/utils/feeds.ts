/**
 * The RSS feeds: one per section (`/fa/rss.xml`, `/en/rss.xml`) and one of
 * both (`/rss.xml`). Every page advertises its section's feed and the
 * combined one; the feed endpoints build from the same descriptions.
 *
 * A feed carries only the newest `site.feedItems` articles: readers fetch it
 * every hour or so, and a feed of the whole archive would be megabytes.
 *
 * Language and direction, as feed readers actually use them:
 * - each `<item>` has `xml:lang` (XML's own attribute, which parsers such as
 *   Python's feedparser read and inherit into every element of the item);
 * - in the feed of all sections, and wherever an item's language is not the
 *   channel's (a German piece in European Languages), the item also has
 *   `<dc:language>`, which Miniflux reads for RSS items (a section feed's `<language>` covers its
 *   items there);
 * - most readers (FreshRSS, NetNewsWire, Liferea, Miniflux too) show an item
 *   with `dir="auto"`, so its first strong letter sets the direction. A Dari
 *   title or dek that starts with a Latin name would be shown left to right,
 *   so it starts with a RIGHT-TO-LEFT MARK (U+200F), and an English one that
 *   starts with a Dari word with a LEFT-TO-RIGHT MARK (U+200E).
 */
import { getRssString, type RSSFeedItem, type RSSOptions } from '@astrojs/rss';
import { site, siteName } from '../config/site.ts';
import { languages, sectionLabel, sections, type Dir, type Section } from '../i18n/locales.ts';
import type { Article } from './articles.ts';
import { rfc822DateTime } from './dates.ts';
import { toUri } from './uri.ts';
import { absoluteUrl, feedPath, sectionPath } from './urls.ts';

export interface Feed {
  /** The section, or undefined for the feed of all sections. */
  readonly section?: Section;
  readonly path: string;
  readonly title: string;
}

/**
 * The feed of one section, or of all when `section` is undefined.
 * @example feed(en).path // '/en/rss.xml'
 */
export function feed(section?: Section): Feed {
  if (!section) return { path: '/rss.xml', title: `${site.nameLatin} / ${site.nameFa}` };
  return { section, path: feedPath(section), title: channelTitle(section) };
}

/** A section's name and the publication's, in the section's language. */
function channelTitle(section: Section): string {
  const lang = sections[section].lang;
  return `${sectionLabel(section, lang)} – ${siteName(lang)}`;
}

/** The feeds a page in `section` advertises: its section's, then the combined one. */
export function feedsFor(section: Section): Feed[] {
  return [feed(section), feed()];
}

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const MARK: Record<Dir, string> = { rtl: '\u200F', ltr: '\u200E' };

/**
 * `text` as a reader that takes the direction from the first strong letter
 * (`dir="auto"`) must see it to show it in `dir`: unchanged when that letter
 * already has the direction (or, for left-to-right, when there is no letter),
 * else with a direction mark in front.
 * @example directed('NATO و افغانستان', 'rtl') // '\u200FNATO و افغانستان'
 * @example directed('گزارش NATO', 'rtl') // 'گزارش NATO'
 */
export function directed(text: string, dir: Dir): string {
  const first = [...text].find((c) => LETTER.test(c));
  const firstDir: Dir | undefined = first === undefined ? undefined : RTL_LETTER.test(first) ? 'rtl' : 'ltr';
  if (firstDir === dir || (firstDir === undefined && dir === 'ltr')) return text;
  return MARK[dir] + text;
}

function item(article: Article, channel: Section | undefined, origin: string): RSSFeedItem {
  const { data } = article;
  const { tag: lang, dir } = languages[article.lang];
  // Spelt out wherever the channel's <language> does not already say it.
  const withLanguage = channel === undefined || sections[channel].lang !== article.lang;
  // RSS 2.0 allows one <source>: the outlet that first published the piece.
  const [first] = data.sources;
  // <author> must be an e-mail address in RSS 2.0; Dublin Core carries names.
  const creators = data.authors.map((name) => `<dc:creator>${escapeXml(name)}</dc:creator>`).join('');
  return {
    title: directed(data.title, dir),
    link: toUri(absoluteUrl(article.path, origin)),
    description: directed(data.dek, dir),
    categories: data.tags,
    source: first && { url: toUri(first.url), title: first.name },
    // Written here, not as `pubDate`, which @astrojs/rss prints in GMT (the evening before a date-only article).
    customData: `<pubDate>${rfc822DateTime(data.date)}</pubDate>` + creators + (withLanguage ? `<dc:language>${lang}</dc:language>` : ''),
  };
}

/**
 * Options for `@astrojs/rss`: the newest `site.feedItems` of `articles`
 * (newest first, as the index keeps them) in one section, or in all when
 * `section` is undefined. An item's `<dc:language>` is written where the
 * channel's `<language>` does not cover it.
 */
export function feedOptions(articles: readonly Article[], section: Section | undefined, origin: string): RSSOptions {
  const { path, title } = feed(section);
  const self = `<atom:link href="${escapeXml(toUri(absoluteUrl(path, origin)))}" rel="self" type="application/rss+xml"/>`;
  return {
    title,
    description: section ? channelTitle(section) : `${site.nameLatin} – ${site.nameFa}`,
    site: toUri(absoluteUrl(section ? sectionPath(section) : '/', origin)),
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData: (section ? `<language>${languages[sections[section].lang].tag}</language>` : '') + self,
    items: articles.slice(0, site.feedItems).map((a) => item(a, section, origin)),
  };
}

/**
 * The feed document: `feedOptions` rendered by `@astrojs/rss`, with
 * `xml:lang` on each `<item>` (the library writes no attributes on items;
 * its text is escaped, so every `<item>` in its output is an item's tag).
 * @example await feedXml(index.bySection.en, en, 'https://www.afgazad.com') // '<?xml …><rss …><channel>…<item xml:lang=en>…'
 */
export async function feedXml(articles: readonly Article[], section: Section | undefined, origin: string): Promise<string> {
  const shown = articles.slice(0, site.feedItems);
  const xml = await getRssString(feedOptions(shown, section, origin));
  let n = 0;
  const out = xml.replace(/<item>/g, () => `<item xml:lang="${languages[shown[n++]!.lang].tag}">`);
  if (n !== shown.length) throw new Error(`feed ${feed(section).path}: found ${n} <item> tags for ${shown.length} articles`);
  return out;
}

/** The HTTP response for a feed endpoint (the type `@astrojs/rss` gives its feeds). */
export async function feedResponse(articles: readonly Article[], section: Section | undefined, origin: string): Promise<Response> {
  return new Response(await feedXml(articles, section, origin), { headers: { 'Content-Type': 'application/xml' } });
}

/**
 * The article index: the collection is read once per build and every page
 * looks things up here (by id, by section, prev/next, translations) instead
 * of scanning the whole archive again. That keeps a build linear in the
 * number of articles.
 *
 * An article belongs to a section (its folder, the first segment of its URL)
 * and is written in a language: the section's, or the one its frontmatter
 * names (`lang: de` in European Languages).
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { calendarParts, formatMonth } from '../i18n/format.ts';
import { articleLanguage, isSection, sectionKeys, sections, type Lang, type Section } from '../i18n/locales.ts';
import { groupNames, nameKey } from './slugs.ts';
import { isPublished } from './publishing.ts';
import { site } from '../config/site.ts';
import { archivePath, articlePath, authorPath, siteOrigin, splitId, tagPath } from './urls.ts';

export { isPublished };

export type ArticleEntry = CollectionEntry<'articles'>;
export type ArticleData = ArticleEntry['data'];

/** An article with everything a page needs derived once. */
export interface Article {
  readonly entry: ArticleEntry;
  readonly id: string;
  /** The section it is published in (its folder). */
  readonly section: Section;
  /** The language it is written in. */
  readonly lang: Lang;
  readonly slug: string;
  readonly path: string;
  readonly data: ArticleData;
}

/** Articles that share a tag, an author or a month, newest first. */
export interface Group {
  /** The group's URL segment(s): a tag or author segment (`utils/slugs.ts`), or "1395/10". */
  readonly key: string;
  /** Its name on the page: the tag, the author, "جدی ۱۳۹۵". */
  readonly label: string;
  readonly articles: readonly Article[];
}

export interface ArchiveMonth extends Group {
  /** Year and month in the section's calendar (Solar Hijri for Dari). */
  readonly year: number;
  readonly month: number;
}

type Groups<G extends Group = Group> = Readonly<Record<Section, ReadonlyMap<string, G>>>;

export interface ArticleIndex {
  readonly all: readonly Article[];
  /** Each section's articles, newest first. */
  readonly bySection: Readonly<Record<Section, readonly Article[]>>;
  readonly byId: ReadonlyMap<string, Article>;
  /** The published versions of each piece, by `translationKey`, in section order. */
  readonly translationGroups: ReadonlyMap<string, readonly Article[]>;
  /** Position of each article within its section (0 = newest). */
  readonly position: ReadonlyMap<string, number>;
  /** Each section's tags, by URL segment, in order of their newest article. */
  readonly tags: Groups;
  readonly authors: Groups;
  /** The same tag and author groups by identity (`nameKey`): how any spelling finds its page. */
  readonly names: Readonly<Record<NameKind, Groups>>;
  /** Each section's archive months, newest first, keyed "yyyy/mm". */
  readonly months: Groups<ArchiveMonth>;
}

/** Newest first; the id breaks ties so the order never depends on file-system order. */
export function byDateDesc(a: Article, b: Article): number {
  return b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id);
}

function toArticle(entry: ArticleEntry): Article {
  const { folder, slug } = splitId(entry.id);
  if (!isSection(folder)) {
    // Validation reports this with the file name first; this guards the build.
    throw new Error(`${entry.filePath ?? entry.id}: articles must live in ${sectionKeys.map((s) => `content/articles/${s}/`).join(', ')}`);
  }
  const lang = articleLanguage(folder, entry.data.lang);
  return { entry, id: entry.id, section: folder, lang, slug, path: articlePath(folder, slug, entry.data.date), data: entry.data };
}

/**
 * Groups a newest-first list in one pass: each article joins the group of
 * every key `keysOf` gives it, so the groups come out newest first too.
 */
function groupBy<G extends Group>(list: readonly Article[], keysOf: (a: Article) => readonly G[]): Map<string, G> {
  const groups = new Map<string, G & { articles: Article[] }>();
  for (const article of list) {
    for (const group of keysOf(article)) {
      const found = groups.get(group.key);
      if (found) {
        if (found.articles.at(-1) !== article) found.articles.push(article);
      } else groups.set(group.key, { ...group, articles: [article] });
    }
  }
  return groups;
}

/** Tags and authors: the two kinds of names that have pages. */
export type NameKind = 'tags' | 'authors';

/**
 * One section's tags or authors, by identity: every spelling of a name joins
 * one group (`groupNames`, the grouping the content check applies too),
 * whose `key` is its page's URL segment. Newest first, like the list.
 */
function nameGroups(list: readonly Article[], kind: NameKind, section: Section): Map<string, Group> {
  const grouped = groupNames(list.flatMap((article) => article.data[kind].map((name) => [name, article] as const)), sections[section].lang);
  const groups = new Map<string, Group>();
  for (const [identity, { segment, label, members }] of grouped) {
    // An article that spells one name twice is listed once.
    groups.set(identity, { key: segment, label, articles: members.filter((a, i) => members[i - 1] !== a) });
  }
  return groups;
}

/** The same groups, by URL segment, for the routes. */
const bySegment = (groups: Groups): Groups =>
  Object.fromEntries(sectionKeys.map((s) => [s, new Map([...groups[s].values()].map((g) => [g.key, g]))])) as Record<Section, Map<string, Group>>;

/** Each article's year and month in its section's calendar, worked out once (`Intl` is slow per call, and tag and author pages ask again). */
const filed = new WeakMap<Article, { year: number; month: number }>();

function filedUnder(article: Article): { year: number; month: number } {
  let parts = filed.get(article);
  if (!parts) {
    const { year, month } = calendarParts(article.data.date, sections[article.section].lang);
    parts = { year, month };
    filed.set(article, parts);
  }
  return parts;
}

/** The month an article is filed under in its section's archive, in the section language's calendar. */
function monthOf(article: Article): ArchiveMonth[] {
  const lang = sections[article.section].lang;
  const { year, month } = filedUnder(article);
  return [{ key: `${year}/${String(month).padStart(2, '0')}`, label: formatMonth(year, month, lang), year, month, articles: [] }];
}

/**
 * The year an article is filed under in its section's archive: Solar Hijri
 * for Dari and Pashto, Gregorian for English (the section language's
 * calendar, in Kabul), as a number with Latin digits (a URL segment).
 * @example archiveYear(article) // 1395 for a Dari article of 13 January 2017
 */
export function archiveYear(article: Article): number {
  return filedUnder(article).year;
}

/** The articles of one archive year of a list (a tag's or an author's), newest first. */
export interface YearGroup {
  readonly year: number;
  readonly articles: readonly Article[];
}

/**
 * Splits a newest-first list of one section's articles by `archiveYear`:
 * newest year first, each year's articles in the list's order.
 * @example byYear(group.articles).map((y) => y.year) // [1405, 1404, 1398]
 */
export function byYear(articles: readonly Article[]): YearGroup[] {
  const years: { year: number; articles: Article[] }[] = [];
  for (const article of articles) {
    const year = archiveYear(article);
    const last = years.at(-1);
    if (last?.year === year) last.articles.push(article);
    else years.push({ year, articles: [article] });
  }
  return years;
}

/** Builds one kind of grouping for every section. */
function perSection<G extends Group>(bySection: Record<Section, Article[]>, keysOf: (a: Article) => readonly G[]): Groups<G> {
  return Object.fromEntries(sectionKeys.map((s) => [s, groupBy(bySection[s], keysOf)])) as Record<Section, Map<string, G>>;
}

let cached: Promise<ArticleIndex> | undefined;

/** The published articles, indexed. Computed on first call, then shared by every page. */
export function getArticleIndex(): Promise<ArticleIndex> {
  cached ??= getCollection('articles', ({ data }) => isPublished(data)).then(indexArticles);
  return cached;
}

/**
 * Indexes a set of entries (the published ones: `getArticleIndex` filters).
 * Pure, so tests can index generated articles exactly as the routes do.
 * @example indexArticles(await getCollection('articles')).bySection.en
 */
export function indexArticles(entries: readonly ArticleEntry[]): ArticleIndex {
  const all = entries.map(toArticle).sort(byDateDesc);
  const bySection = Object.fromEntries(sectionKeys.map((s) => [s, all.filter((a) => a.section === s)])) as Record<Section, Article[]>;
  const position = new Map<string, number>();
  for (const list of Object.values(bySection)) list.forEach((a, i) => position.set(a.id, i));
  const names = {
    tags: Object.fromEntries(sectionKeys.map((s) => [s, nameGroups(bySection[s], 'tags', s)])) as Record<Section, Map<string, Group>>,
    authors: Object.fromEntries(sectionKeys.map((s) => [s, nameGroups(bySection[s], 'authors', s)])) as Record<Section, Map<string, Group>>,
  };
  const translationGroups = new Map<string, Article[]>();
  for (const section of sectionKeys) {
    for (const article of bySection[section]) {
      const key = article.data.translationKey;
      if (key !== undefined) translationGroups.set(key, [...(translationGroups.get(key) ?? []), article]);
    }
  }
  return {
    all,
    bySection,
    byId: new Map(all.map((a) => [a.id, a])),
    translationGroups,
    position,
    tags: bySegment(names.tags),
    authors: bySegment(names.authors),
    names,
    months: perSection(bySection, monthOf),
  };
}

/**
 * The archive page that lists `article`: its month in the section's
 * calendar, and the page of that month it falls on. Where a capped section
 * index goes on (`site.sectionPages`).
 * @example archivePageOf(index, article) // '/fa/archive/1395/10/page/2/'
 */
export function archivePageOf(index: ArticleIndex, article: Article): string {
  const [month] = monthOf(article);
  const group = index.months[article.section].get(month!.key);
  const at = group?.articles.indexOf(article) ?? -1;
  if (!group || at < 0) throw new Error(`${article.id} is not in its section's archive (${month!.key})`);
  return archivePath(article.section, group.year, group.month, Math.floor(at / site.pageSize) + 1);
}

/** A tag or an author as an article writes it, and the page it links to. */
export interface NameLink {
  readonly name: string;
  /** The page of its group, whatever the spelling; absent only for a name the content check refuses. */
  readonly href?: string;
}

/**
 * Where a tag or an author, in any of its spellings, has its page in a
 * section: the path of its group, or undefined when it has none.
 * @example namePath(index, 'tags', fa, 'كابل') // '/fa/tags/کابل/' (the page of the "کابل" group)
 */
export function namePath(index: ArticleIndex, kind: NameKind, section: Section, name: string): string | undefined {
  const group = index.names[kind][section].get(nameKey(name, sections[section].lang));
  if (!group) return undefined;
  return kind === 'tags' ? tagPath(section, group.label) : authorPath(section, group.label);
}

/**
 * An article's tags (each page once, in the article's order and spelling)
 * and authors, with the pages they link to.
 * @example articleNames(article, index).tags // [{ name: 'Herat', href: '/en/tags/herat/' }]
 */
export function articleNames(article: Article, index: ArticleIndex): { tags: NameLink[]; authors: NameLink[] } {
  const links = (kind: NameKind) => article.data[kind].map((name) => ({ name, href: namePath(index, kind, article.section, name) }));
  const seen = new Set<string>();
  const tags = links('tags').filter((t) => t.href === undefined || (!seen.has(t.href) && seen.add(t.href)));
  return { tags, authors: links('authors') };
}

/**
 * The other published versions of an article (same `translationKey`), in
 * section order; empty when it stands alone. Drafts and scheduled versions
 * are not in the index, so they are never linked before they are out.
 * @example translationsOf(article, index).map((a) => a.lang) // [fa, ps] for the English version
 */
export function translationsOf(article: Article, index: ArticleIndex): readonly Article[] {
  const key = article.data.translationKey;
  return key === undefined ? [] : (index.translationGroups.get(key) ?? []).filter((a) => a !== article);
}

/** The neighbours of an article within its section: `newer` and `older`. */
export function neighbours(article: Article, index: ArticleIndex): { newer?: Article; older?: Article } {
  const list = index.bySection[article.section];
  const i = index.position.get(article.id) ?? -1;
  return { newer: i > 0 ? list[i - 1] : undefined, older: i >= 0 ? list[i + 1] : undefined };
}

/**
 * A page's `cacheKey` for Astro's incremental build: it changes whenever
 * anything the page shows from these articles changes (each entry's digest
 * covers its file and the Markdown pipeline), or the site origin its
 * absolute URLs use. `parts` adds anything else the page depends on
 * (page number, page count). Missing neighbours count as empty.
 * @example pageCacheKey([article, newer, older], 'article')
 */
export function pageCacheKey(articles: readonly (Article | undefined)[], ...parts: (string | number)[]): string {
  return [siteOrigin(), ...parts, ...articles.map((a) => (a ? `${a.id}@${a.entry.digest}` : '-'))].join('|');
}

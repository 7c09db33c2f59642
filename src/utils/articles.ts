/**
 * The article index: the collection is read once per build and every page
 * looks things up here (by id, by section, prev/next, translation) instead of
 * scanning the whole archive again. That keeps a build linear in the number
 * of articles.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isLang, langs, type Lang } from '../i18n/locales.ts';
import { archiveParts, formatMonth } from './dates.ts';
import { groupNames, nameKey } from './slugs.ts';
import { mutualTranslation } from './alternates.ts';
import { isPublished } from './publishing.ts';
import { articlePath, authorPath, siteOrigin, splitId, tagPath } from './urls.ts';

export { isPublished };

export type ArticleEntry = CollectionEntry<'articles'>;
export type ArticleData = ArticleEntry['data'];

/** An article with everything a page needs derived once. */
export interface Article {
  readonly entry: ArticleEntry;
  readonly id: string;
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

type Groups<G extends Group = Group> = Readonly<Record<Lang, ReadonlyMap<string, G>>>;

export interface ArticleIndex {
  readonly all: readonly Article[];
  /** Each section's articles, newest first. */
  readonly bySection: Readonly<Record<Lang, readonly Article[]>>;
  readonly byId: ReadonlyMap<string, Article>;
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
  if (!isLang(folder)) {
    // Validation reports this with the file name first; this guards the build.
    throw new Error(`${entry.filePath ?? entry.id}: articles must live in content/articles/fa/ or content/articles/en/`);
  }
  return { entry, id: entry.id, lang: folder, slug, path: articlePath(folder, slug, entry.data.date), data: entry.data };
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
function nameGroups(list: readonly Article[], kind: NameKind, lang: Lang): Map<string, Group> {
  const grouped = groupNames(list.flatMap((article) => article.data[kind].map((name) => [name, article] as const)), lang);
  const groups = new Map<string, Group>();
  for (const [identity, { segment, label, members }] of grouped) {
    // An article that spells one name twice is listed once.
    groups.set(identity, { key: segment, label, articles: members.filter((a, i) => members[i - 1] !== a) });
  }
  return groups;
}

/** The same groups, by URL segment, for the routes. */
const bySegment = (groups: Groups): Groups =>
  Object.fromEntries(langs.map((l) => [l, new Map([...groups[l].values()].map((g) => [g.key, g]))])) as Record<Lang, Map<string, Group>>;

function monthOf(article: Article): ArchiveMonth[] {
  const { year, month } = archiveParts(article.data.date, article.lang);
  return [{ key: `${year}/${String(month).padStart(2, '0')}`, label: formatMonth(year, month, article.lang), year, month, articles: [] }];
}

/** Builds one kind of grouping for every section. */
function perSection<G extends Group>(bySection: Record<Lang, Article[]>, keysOf: (a: Article) => readonly G[]): Groups<G> {
  return Object.fromEntries(langs.map((l) => [l, groupBy(bySection[l], keysOf)])) as Record<Lang, Map<string, G>>;
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
  const bySection = Object.fromEntries(langs.map((l) => [l, all.filter((a) => a.lang === l)])) as Record<Lang, Article[]>;
  const position = new Map<string, number>();
  for (const list of Object.values(bySection)) list.forEach((a, i) => position.set(a.id, i));
  const names = {
    tags: Object.fromEntries(langs.map((l) => [l, nameGroups(bySection[l], 'tags', l)])) as Record<Lang, Map<string, Group>>,
    authors: Object.fromEntries(langs.map((l) => [l, nameGroups(bySection[l], 'authors', l)])) as Record<Lang, Map<string, Group>>,
  };
  return {
    all,
    bySection,
    byId: new Map(all.map((a) => [a.id, a])),
    position,
    tags: bySegment(names.tags),
    authors: bySegment(names.authors),
    names,
    months: perSection(bySection, monthOf),
  };
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
 * @example namePath(index, 'tags', 'fa', 'كابل') // '/fa/tags/کابل/' (the page of the "کابل" group)
 */
export function namePath(index: ArticleIndex, kind: NameKind, lang: Lang, name: string): string | undefined {
  const group = index.names[kind][lang].get(nameKey(name, lang));
  if (!group) return undefined;
  return kind === 'tags' ? tagPath(lang, group.label) : authorPath(lang, group.label);
}

/**
 * An article's tags (each page once, in the article's order and spelling)
 * and authors, with the pages they link to.
 * @example articleNames(article, index).tags // [{ name: 'Herat', href: '/en/tags/herat/' }]
 */
export function articleNames(article: Article, index: ArticleIndex): { tags: NameLink[]; authors: NameLink[] } {
  const links = (kind: NameKind) => article.data[kind].map((name) => ({ name, href: namePath(index, kind, article.lang, name) }));
  const seen = new Set<string>();
  const tags = links('tags').filter((t) => t.href === undefined || (!seen.has(t.href) && seen.add(t.href)));
  return { tags, authors: links('authors') };
}

/**
 * The published translation of an article, if the two name each other: a
 * one-sided link would give search engines a non-reciprocal hreflang pair.
 */
export function translationOf(article: Article, index: ArticleIndex): Article | undefined {
  return mutualTranslation(article, index.byId, (a) => a.data.translation?.id);
}

/** The neighbours of an article within its section: `newer` and `older`. */
export function neighbours(article: Article, index: ArticleIndex): { newer?: Article; older?: Article } {
  const list = index.bySection[article.lang];
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

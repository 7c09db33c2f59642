/**
 * Every path the built site will have, worked out from the articles the
 * check has read, and the test "does this link lead anywhere here?".
 *
 * Pages come from the same URL builders the routes use (`utils/urls.ts`):
 * articles, section indexes and their pages, tag, author and archive pages,
 * search pages, feeds, sitemaps, the search index (`/pagefind/…`) and every
 * file in `public/`. Drafts have no page; a link to one is reported as such.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { calendarParts } from '../i18n/format.ts';
import { sectionKeys, sections, type Section } from '../i18n/locales.ts';
import { pageCount } from '../utils/paginate.ts';
import { site } from '../config/site.ts';
import { archivePath, authorPath, feedPath, inYear, paged, SEARCH_INDEX_DIR, searchPath, sectionPath, tagPath } from '../utils/urls.ts';

/** What the check knows of one article. */
export interface SiteArticle {
  readonly section: Section;
  readonly slug: string;
  /** Its page: `articlePath(section, slug, date)`. */
  readonly url: string;
  readonly date: Date;
  readonly draft: boolean;
  readonly tags: readonly string[];
  readonly authors: readonly string[];
  /** How the file is named in messages. */
  readonly display: string;
}

/** Where a link leads. */
export type LinkTarget =
  | { readonly kind: 'page' }
  | { readonly kind: 'draft'; readonly file: string }
  | { readonly kind: 'nowhere'; readonly path: string; readonly suggestion?: string }
  /** Not ours to judge: a file beside the article (media), or not a usable address. */
  | { readonly kind: 'skip' };

/** File endings of pages; any other ending on a relative link is a file beside the article. */
const PAGE_ENDING = /\.(?:html?|php\d?|aspx?|jsp|shtml|cgi)$/i;
/** Files every build writes outside the routes above. */
const FIXED = ['/', '/404.html', '/robots.txt', '/rss.xml', '/news-sitemap.xml', '/sitemap-index.xml'];

export class SitePaths {
  readonly #pages = new Set<string>();
  readonly #drafts = new Map<string, string>();
  /** Article paths by slug, to suggest the new address of an old link. */
  readonly #bySlug = new Map<string, string>();
  readonly #published: SiteArticle[] = [];
  #listsAdded = false;

  /**
   * @param articles every article the check read (drafts included)
   * @param publicFiles paths of `public/` files, from the site root (`/logo.png`)
   * @example new SitePaths([], ['/logo.png']).resolve('/logo.png', undefined).kind // 'page'
   */
  constructor(articles: readonly SiteArticle[], publicFiles: readonly string[] = []) {
    for (const p of [...FIXED, ...publicFiles]) this.#pages.add(p);
    for (const section of sectionKeys) {
      for (const p of [sectionPath(section), tagPath(section), archivePath(section), searchPath(section), feedPath(section)]) this.#pages.add(p);
    }
    for (const a of articles) {
      if (a.draft) {
        this.#drafts.set(a.url, a.display);
        continue;
      }
      this.#pages.add(a.url);
      this.#bySlug.set(a.slug, a.url);
      this.#published.push(a);
    }
  }

  /**
   * Section, tag, author and archive-month pages, with their `page/N/`
   * pages. Worked out on the first link that is not an article's, so a
   * check whose links all lead to articles never slugs a tag.
   */
  #addLists(): void {
    if (this.#listsAdded) return;
    this.#listsAdded = true;
    const lists = new Map<string, number>();
    const count = (base: string) => lists.set(base, (lists.get(base) ?? 0) + 1);
    // Tags and authors: a front page, then by year once longer than it (`namePaths`).
    const names = new Map<string, number>();
    const yearLists = new Map<string, number>();
    for (const a of this.#published) {
      count(sectionPath(a.section));
      const { year, month } = calendarParts(a.date, sections[a.section].lang);
      for (const base of [...new Set(a.tags)].map((tag) => tagPath(a.section, tag)).concat([...new Set(a.authors)].map((author) => authorPath(a.section, author)))) {
        names.set(base, (names.get(base) ?? 0) + 1);
        yearLists.set(inYear(base, year), (yearLists.get(inYear(base, year)) ?? 0) + 1);
      }
      count(archivePath(a.section, year, month));
    }
    for (const [base, n] of lists) {
      for (let page = 1; page <= pageCount(n); page++) this.#pages.add(paged(base, page));
    }
    for (const [base, n] of names) {
      for (let page = 1; page <= Math.min(pageCount(n), site.namePages); page++) this.#pages.add(paged(base, page));
    }
    for (const [yearBase, n] of yearLists) {
      const base = yearBase.replace(/[^/]+\/$/, '');
      if ((names.get(base) ?? 0) <= site.namePages * site.pageSize) continue;
      for (let page = 1; page <= pageCount(n); page++) this.#pages.add(paged(yearBase, page));
    }
  }

  /**
   * Where `href` leads, read from the page at `from` (an article's path;
   * undefined when the article has no valid date, so relative links cannot
   * be resolved).
   * @example paths.resolve('/2015/05/old-post.html', '/fa/2024/04/x/') // { kind: 'nowhere', path: '/2015/05/old-post.html' }
   */
  resolve(href: string, from: string | undefined): LinkTarget {
    // A Liquid or Hugo address ({{ site.url }}/x) is reported as a leftover instead.
    if (/\{\{|\{%|%7B%7B|%7B%25/i.test(href)) return { kind: 'skip' };
    const rootRelative = href.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(href);
    if (!rootRelative && from === undefined) return { kind: 'skip' };
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(href, `https://site.invalid${from ?? '/'}`).pathname).normalize('NFC');
    } catch {
      return { kind: 'skip' };
    }
    const last = pathname.split('/').at(-1) ?? '';
    // Images, PDFs and other media beside the article are handled elsewhere.
    if (!rootRelative && /\.[a-z0-9]{1,5}$/i.test(last) && !PAGE_ENDING.test(last)) return { kind: 'skip' };
    if (pathname.startsWith(`/${SEARCH_INDEX_DIR}/`)) return { kind: 'page' };
    const candidates = [pathname, pathname.endsWith('/') ? pathname : `${pathname}/`, pathname.replace(/index\.html?$/i, '')];
    if (/^\/sitemap-\d+\.xml$/.test(pathname)) return { kind: 'page' };
    if (candidates.some((p) => this.#pages.has(p))) return { kind: 'page' };
    this.#addLists();
    if (candidates.some((p) => this.#pages.has(p))) return { kind: 'page' };
    for (const p of candidates) {
      const draft = this.#drafts.get(p);
      if (draft) return { kind: 'draft', file: draft };
    }
    const slug = last === '' ? pathname.split('/').at(-2) : last.replace(PAGE_ENDING, '');
    const suggestion = slug ? this.#bySlug.get(slug) : undefined;
    return { kind: 'nowhere', path: pathname, ...(suggestion ? { suggestion } : {}) };
  }
}

/**
 * The files of a `public/` folder as site paths; none if it does not exist.
 * @example publicPaths('/site/public') // ['/favicon.svg', '/logo.png']
 */
export function publicPaths(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => `/${path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/')}`);
  } catch {
    return [];
  }
}

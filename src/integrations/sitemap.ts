/**
 * The sitemap: `@astrojs/sitemap` lists the built pages, and `serialize`
 * adds each page's `lastmod` and its hreflang alternates. Astro's own i18n
 * option only joins pages with the same path, and our translations have
 * different slugs, so the clusters come from `src/utils/alternates.ts`, the
 * module `<head>` uses too.
 *
 * `serialize` runs after the build, outside the content layer, so this reads
 * the frontmatter itself, once, with the site's one frontmatter reader
 * (`readFrontmatter`), date schema and publishing rule. The build tests
 * check that the result matches every page's `<head>`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import sitemap, { type SitemapItem } from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { z } from 'zod';
import { articleLanguage, isSection, sectionKeys, type Section } from '../i18n/locales.ts';
import { dateField } from '../schemas/article.ts';
import { articleAlternates, homeAlternates, hreflang, sectionAlternates, type Alternate, type Localized } from '../utils/alternates.ts';
import { isoDateTime } from '../utils/dates.ts';
import { isPublished } from '../utils/publishing.ts';
import { mayShowPictures } from '../validation/check.ts';
import { readFrontmatter } from '../validation/frontmatter.ts';
import { articlePath, searchPath, sectionPath, splitId } from '../utils/urls.ts';
import { notedPagePictures } from '../utils/page-pictures.ts';

/** What the sitemap adds to a page. */
export interface SitemapEntry {
  lastmod?: Date;
  alternates: Alternate[];
  /** The article may show pictures (a lead image, or an image in its Markdown): its built page is read for them. */
  pictures?: boolean;
}

/** The few frontmatter fields the sitemap needs; the full schema is the content layer's job. */
const fields = z.object({
  date: dateField('date'),
  updated: dateField('updated').optional(),
  draft: z.boolean().default(false),
  lang: z.string().optional(),
  translationKey: z.string().optional(),
});

interface Fact extends Localized {
  section: Section;
  date: Date;
  modified: Date;
  translationKey?: string;
  pictures: boolean;
}

/** What the sitemap keeps of one article: its frontmatter fields and whether it may show pictures. */
export interface ArticleFacts {
  /** `section/slug`. */
  readonly id: string;
  readonly data: z.infer<typeof fields>;
  readonly pictures: boolean;
}

/**
 * The sitemap's facts of one article from its frontmatter and whether its
 * text may show pictures (`mayShowPictures`), as read by the content check
 * (`CheckedArticle`) or by `readArticleFacts`.
 * @example articleFacts({ id: 'en/wheat', data: { date, draft: false }, pictures: false }).pictures // false
 */
export function articleFacts({ id, data, pictures }: { id: string; data: unknown; pictures: boolean }): ArticleFacts {
  return { id, data: fields.parse(data), pictures };
}

/**
 * Every article under `contentDir`, read from disk: for a sitemap built
 * without the content check's reading (`siteSitemap`'s `remember`).
 * @throws Error naming the file whose frontmatter cannot be read
 */
export function readArticleFacts(contentDir: string): ArticleFacts[] {
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'));
  return files.map((file) => {
    const id = relative(contentDir, join(contentDir, file)).replaceAll('\\', '/').replace(/\.md$/, '');
    const source = readFileSync(join(contentDir, file), 'utf8');
    const read = readFrontmatter(source);
    // The content check has already refused such a file; this names it if a build ever gets here.
    if (!read.ok) throw new Error(`${file}: frontmatter: ${read.problem}`);
    return articleFacts({ id, data: read.data, pictures: mayShowPictures(source) });
  });
}

function publishedFacts(articles: readonly ArticleFacts[], now: Date): Fact[] {
  return articles.flatMap(({ id, data, pictures }) => {
    const { folder: section, slug } = splitId(id);
    if (!isSection(section) || !isPublished(data, now, true)) return [];
    const lang = articleLanguage(section, data.lang);
    return [{ section, lang, path: articlePath(section, slug, data.date), date: data.date, modified: data.updated ?? data.date, translationKey: data.translationKey, pictures }];
  });
}

const newest = (dates: Date[]) => dates.reduce<Date | undefined>((max, d) => (max && max >= d ? max : d), undefined);

/**
 * Every sitemap addition by site path, built in one pass over the articles
 * (the articles' facts, or the folder to read them from).
 * @example sitemapEntries('content/articles').get('/en/')?.alternates // the home cluster
 */
export function sitemapEntries(articles: string | readonly ArticleFacts[], now = new Date()): Map<string, SitemapEntry> {
  const facts = publishedFacts(typeof articles === 'string' ? readArticleFacts(articles) : articles, now);
  // The published versions of each piece, as `translationsOf` groups them for the pages.
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) if (fact.translationKey) groups.set(fact.translationKey, [...(groups.get(fact.translationKey) ?? []), fact]);
  const entries = new Map<string, SitemapEntry>();
  for (const fact of facts) {
    const versions = fact.translationKey ? groups.get(fact.translationKey)! : [fact];
    entries.set(fact.path, { lastmod: fact.modified, alternates: articleAlternates(versions), pictures: fact.pictures });
  }
  // An index changes when a new article appears on it.
  for (const section of sectionKeys) {
    const dates = facts.filter((f) => f.section === section).map((f) => f.date);
    entries.set(sectionPath(section), { lastmod: newest(dates), alternates: sectionAlternates(section, 1) });
  }
  entries.set('/', { lastmod: newest(facts.map((f) => f.date)), alternates: homeAlternates() });
  return entries;
}

/** Pages that tell crawlers `noindex`: a results page has nothing of its own to index. */
const notIndexed = new Set(sectionKeys.map((section) => searchPath(section)));

/**
 * Rewrites every `<lastmod>` of a sitemap file in Kabul time. The `sitemap`
 * package under `@astrojs/sitemap` normalises each `lastmod` to UTC, which
 * writes an article of 13 January as the evening of the 12th.
 * @example kabulLastmod('<lastmod>2017-01-12T19:30:00.000Z</lastmod>') // '<lastmod>2017-01-13T00:00:00+04:30</lastmod>'
 */
export function kabulLastmod(xml: string): string {
  return xml.replace(/<lastmod>([^<]+)<\/lastmod>/g, (whole, value: string) => {
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? whole : `<lastmod>${isoDateTime(instant)}</lastmod>`;
  });
}

/**
 * The pictures a built article page shows, for image sitemap entries
 * (`<image:image>`): the lead picture as link previews take it (`og:image`,
 * a JPEG) and the fallback file of every picture in the article. Read from
 * the page because the files' hashed names are known only after the build.
 * @example pagePictures(builtArticleHtml, 'https://x.org/fa/2024/03/bazar/') // ['https://x.org/_astro/lead.Ab1.jpg', 'https://x.org/_astro/bazar.Cd2.jpg']
 */
export function pagePictures(html: string, pageUrl: string): string[] {
  const urls = new Set<string>();
  const og = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
  const article = html.slice(html.indexOf('<article'), html.indexOf('</article>') + 1 || undefined);
  const lead = /<figure class="lead-image[\s\S]*?<\/figure>/.exec(article)?.[0];
  // The lead picture once, as previews take it; then each body picture's fallback file.
  if (og && lead) urls.add(new URL(og, pageUrl).href);
  for (const m of article.replace(lead ?? '\0', '').matchAll(/<picture\b[^>]*>[\s\S]*?<img\b[^>]*?\bsrc="([^"]+)"/g)) urls.add(new URL(m[1]!.replaceAll('&amp;', '&'), pageUrl).href);
  return [...urls];
}

/**
 * `@astrojs/sitemap` sorts its URLs with `localeCompare` in English
 * collation with numeric ordering, which builds a collator on every comparison: about 250,000 of
 * them for 18,000 pages, seconds of a 10,000-article build. The same order
 * from one `Intl.Collator` (the spec defines `localeCompare` with those
 * arguments as that collator's `compare`) costs a fraction of that, and its
 * sort of an already sorted list is one pass (V8's TimSort finds the single
 * run). Returns a sorted copy; the package still sorts, so its output is the
 * same whatever this does.
 * @example presortPages([{ pathname: 'fa/page/10/' }, { pathname: 'fa/page/2/' }], 'https://example.org/')
 *   // [{ pathname: 'fa/page/2/' }, { pathname: 'fa/page/10/' }]
 */
export function presortPages<P extends { pathname: string }>(pages: readonly P[], site: string | URL): P[] {
  // The package's collation: English rules (ICU's root order, as en-US), numbers by value.
  const collator = new Intl.Collator('en-US', { numeric: true });
  const base = new URL(site);
  // The URL the package makes of a page (its `pageUrls`), so the two orders agree.
  const keyed = pages.map((page) => ({ page, url: new URL(base.pathname.replace(/\/?$/, '/') + page.pathname.replace(/^\//, ''), base).href }));
  return keyed.sort((a, b) => collator.compare(a.url, b.url)).map(({ page }) => page);
}

/**
 * `@astrojs/sitemap`, configured for this site, with its dates in Kabul time
 * and its articles' pictures. `remember` takes the articles as the content
 * check read them at the start of the build (`CheckOptions.onArticles`);
 * without it, the sitemap reads every file under `contentDir` itself.
 */
export default function siteSitemap(contentDir: string): AstroIntegration & { remember: (articles: readonly { id: string; data: unknown; pictures: boolean }[]) => void } {
  let entries: Map<string, SitemapEntry> | undefined;
  let remembered: ArticleFacts[] | undefined;
  let distDir: string | undefined;
  const inner = sitemap({
    // Only indexable pages (directory URLs): not the 404 or search pages
    // (both `noindex`), the feeds or robots.txt.
    filter: (page) => page.endsWith('/') && !notIndexed.has(new URL(page).pathname) && !new URL(page).pathname.startsWith('/404'),
    serialize(item: SitemapItem): SitemapItem {
      entries ??= sitemapEntries(remembered ?? contentDir);
      const entry = entries.get(new URL(item.url).pathname);
      if (!entry) return item;
      const path = new URL(item.url).pathname;
      // As the route noted them while the build ran; else read back from the built page.
      const noted = notedPagePictures(path);
      const html = !noted && entry.pictures && distDir ? readFileSync(join(distDir, path, 'index.html'), 'utf8') : undefined;
      const img = (noted ?? (html ? pagePictures(html, item.url) : [])).map((url) => ({ url }));
      return {
        ...item,
        lastmod: entry.lastmod?.toISOString(),
        links: entry.alternates.length > 0 ? entry.alternates.map((a) => ({ lang: hreflang(a), url: new URL(a.path, item.url).href })) : undefined,
        // The `sitemap` package writes `img` as <image:image><image:loc>; @astrojs/sitemap's type leaves it out.
        ...(img.length > 0 ? ({ img } as Partial<SitemapItem>) : {}),
      };
    },
  });
  const done = inner.hooks['astro:build:done'];
  const configDone = inner.hooks['astro:config:done'];
  let base: URL | undefined;
  return {
    ...inner,
    remember: (articles) => {
      remembered = articles.map(articleFacts);
    },
    hooks: {
      ...inner.hooks,
      'astro:config:done': async (options) => {
        if (options.config.site) base = new URL(options.config.base, options.config.site);
        await configDone?.(options);
      },
      'astro:build:done': async (options) => {
        distDir = fileURLToPath(options.dir);
        await done?.({ ...options, pages: base ? presortPages(options.pages, base) : options.pages });
        const dir = fileURLToPath(options.dir);
        for (const name of readdirSync(dir)) {
          if (!/^sitemap-.*\.xml$/.test(name)) continue;
          const file = join(dir, name);
          const xml = readFileSync(file, 'utf8');
          const rewritten = kabulLastmod(xml);
          if (rewritten !== xml) writeFileSync(file, rewritten);
        }
      },
    },
  };
}

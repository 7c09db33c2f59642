/**
 * "Whatever `npm run check` accepts, `npm run build` builds", for tags and
 * authors: generated archives (tests/helpers/frontmatter-arbitraries.ts) go
 * through the checker; those it accepts are indexed by the site's own
 * `indexArticles` and paged by the routes' own `listPaths`, and every page
 * must get a non-empty URL of its own, written to a file that the link to it
 * reaches. The full build of a fixed sample is tests/build/tags.test.ts.
 */
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { langs, sectionKeys } from '../../src/i18n/locales.ts';
import { articleNames, indexArticles, type ArticleEntry, type ArticleIndex } from '../../src/utils/articles.ts';
import { listPaths } from '../../src/utils/list-paths.ts';
import { MAX_SEGMENT_BYTES, nameKey, pathSegment, segmentProblem } from '../../src/utils/slugs.ts';
import { authorPath, tagPath } from '../../src/utils/urls.ts';
import { checkerSchema, checkFiles, type ContentFile } from '../../src/validation/check.ts';
import { parseYaml, splitFrontmatter } from '../../src/validation/frontmatter.ts';
import { archive, contentFile, name, variantOf, type GeneratedArticle } from '../helpers/frontmatter-arbitraries.ts';

/** The content files of an archive, as the checker reads them. */
function files(articles: readonly GeneratedArticle[]): ContentFile[] {
  return articles.map((a, i) => {
    const [rel, source] = contentFile(a, i);
    return { rel, display: `content/${rel}`, source };
  });
}

/** What the content layer hands the site for a file the checker accepted (the same schema, the same YAML). */
function entryOf(file: ContentFile): ArticleEntry {
  const split = splitFrontmatter(file.source);
  const yaml = parseYaml(split.yamlText!, split.yamlStartLine);
  if (!yaml.ok) throw new Error(yaml.message);
  const data = checkerSchema.parse(yaml.data);
  const id = file.rel.replace(/^articles\//, '').replace(/\.md$/, '');
  return { id, collection: 'articles', data, digest: id, filePath: file.display } as unknown as ArticleEntry;
}

/**
 * The path Astro makes from route params: each value NFC-normalized, `#`
 * and `?` escaped (astro/dist/core/routing/generator.js), joined by the
 * route's pattern.
 */
function routePath(...parts: (string | undefined)[]): string {
  const sanitized = parts.filter((p) => p !== undefined).map((p) => p.normalize().replace(/#/g, '%23').replace(/\?/g, '%3F'));
  return `/${sanitized.join('/')}/`;
}

/** The file Astro writes a page path to (it writes `encodeURI(path)` as a file URL), relative to the output folder. */
function writtenFile(path: string): string {
  return fileURLToPath(new URL(`.${encodeURI(path)}`, 'file:///dist/')).slice('/dist'.length);
}

/** The file a static server looks up for a link: the link's path as sent, percent-decoded. */
function servedFile(href: string): string {
  return decodeURIComponent(new URL(href, 'https://www.example.org').pathname);
}

/** Every tag and author page of an index: the route's path and the path its links use. */
function namePages(index: ArticleIndex) {
  const pages: { route: string; link: string; segment: string }[] = [];
  for (const section of sectionKeys) {
    for (const [kind, pathOf] of [['tags', tagPath] as const, ['authors', authorPath] as const]) {
      for (const group of index[kind][section].values()) {
        for (const { params, props } of listPaths(group.articles, { section, [kind === 'tags' ? 'tag' : 'author']: group.key }, {})) {
          pages.push({ route: routePath(section, kind, group.key, params.page), link: pathOf(section, group.label, props.page.current), segment: group.key });
        }
      }
    }
  }
  return pages;
}

describe('whatever the check accepts, the site can build (generated frontmatter)', () => {
  it('gives every accepted tag and author a page with a non-empty URL of its own, which every link reaches', () => {
    let accepted = 0;
    fc.assert(
      fc.property(archive, (articles) => {
        const problems = checkFiles(files(articles));
        for (const p of problems) {
          expect(p.file).toMatch(new RegExp(`^content/articles/(${sectionKeys.join('|')})/generated-\\d+\\.md$`));
          expect(p.field.length).toBeGreaterThan(0);
        }
        // What an editor does next: the refused files are put aside and the rest checked again.
        const refused = new Set(problems.map((p) => p.file));
        const content = files(articles).filter((f) => !refused.has(f.display));
        if (content.length === 0 || checkFiles(content).length > 0) return;
        accepted++;
        const index = indexArticles(content.map(entryOf));
        const pages = namePages(index);
        const all = [...index.all.map((a) => a.path), ...pages.map((p) => p.route)];
        expect(new Set(all).size, 'two pages share a URL').toBe(all.length);
        // Collected, then compared once: an expect() per page would be most of the run time.
        const wrong: string[] = [];
        for (const { route, link, segment } of pages) {
          if (segment === '') wrong.push(`${route}: empty segment`);
          if (new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES) wrong.push(`${route}: segment too long`);
          // Only lower-case ASCII letters, digits, hyphens and non-ASCII: nothing a URL or a file name reads as syntax.
          if (!/^(?:[a-z0-9-]|[^\x00-\x7F])+$/.test(segment)) wrong.push(`${route}: ASCII syntax in the segment`);
          if (segment !== segment.normalize('NFC')) wrong.push(`${route}: segment not NFC`);
          if (link !== route) wrong.push(`${route}: linked as ${link}`);
          if (servedFile(link) !== writtenFile(route)) wrong.push(`${route}: written to ${writtenFile(route)}, served from ${servedFile(link)}`);
        }
        const routes = new Set(pages.map((p) => p.route));
        for (const article of index.all) {
          const names = articleNames(article, index);
          for (const n of [...names.tags, ...names.authors]) if (!routes.has(n.href!)) wrong.push(`${article.id}: "${n.name}" links to ${n.href}`);
        }
        expect(wrong).toEqual([]);
      }),
      { numRuns: 200, seed: 20240625 },
    );
    // Not a vacuous pass: most archives get through.
    expect(accepted).toBeGreaterThan(130);
  });

  it('never refuses a short name that has a letter or a digit', () => {
    fc.assert(
      fc.property(name, fc.constantFrom(...langs), (n, lang) => {
        // Names are read after NFKC (src/utils/slugs.ts): a presentation form of a mark (ﹰ, the
        // isolated fathatan) is a letter to Unicode but only a mark once folded. The tatweel (ـ) is a
        // letter to Unicode, but only a stretching stroke.
        if (n.length > 40 || !/[\p{L}\p{N}]/u.test(n.normalize('NFKC').replaceAll('ـ', ''))) return;
        expect(segmentProblem(n, lang), JSON.stringify(n)).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses a name that is only a mark in a presentation form (nothing left once NFKC folds it)', () => {
    for (const lang of langs) expect(segmentProblem('ﹰ', lang), lang).toMatch(/nothing to make a web address from/);
  });

  it('gives one name one page, however it is spelt', () => {
    const pool = ['افغانستان', 'مهاجرت‌ها', 'کابل', 'حقوق بشر', 'انتخابات ۱۴۰۳', 'Central Asia', 'C#', 'C++', 'Kabul', 'فؤاد شهبازوف'];
    fc.assert(
      fc.property(fc.constantFrom(...pool).chain((n) => fc.tuple(fc.constant(n), variantOf(n))), ([n, variant]) => {
        expect(nameKey(variant, 'fa'), `${JSON.stringify(variant)} is not ${n}`).toBe(nameKey(n, 'fa'));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps apart names that differ by a letter, a digit or a symbol (C, C#, C++ are three tags)', () => {
    const meaningful = fc.constantFrom(...'aZ7۷#+%&*@=$~|<>^', 'ب', 'ک', '🇦🇫', '👩‍💻', '€', '©');
    fc.assert(
      fc.property(name, meaningful, fc.constantFrom(...langs), (n, extra, lang) => {
        if (segmentProblem(n, lang) || segmentProblem(n + extra, lang)) return;
        expect(nameKey(n + extra, lang), `${JSON.stringify(n)} + ${JSON.stringify(extra)}`).not.toBe(nameKey(n, lang));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives every URL segment back the same identity (two different names never share a segment)', () => {
    fc.assert(
      fc.property(name, fc.constantFrom(...langs), (n, lang) => {
        const segment = pathSegment(n, lang);
        expect(nameKey(segment, lang)).toBe(nameKey(n, lang));
        expect(pathSegment(segment, lang)).toBe(segment);
      }),
      { numRuns: 2000 },
    );
  });
});

/**
 * "Whatever `npm run check` accepts, `npm run build` builds", on the real
 * build: one fixture site made of a fixed-seed sample of generated articles
 * that the check accepts (tests/helpers/frontmatter-arbitraries.ts), the
 * tags-no-letters case and hand-picked spellings (tests/fixtures/tags/).
 * It must build; every page must have a URL of its own; every tag and
 * author link must lead to a page the build wrote; each tag typed several
 * ways must be one page. The many-cases version is tests/unit/tags-property.test.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { sectionKeys, sections } from '../../src/i18n/locales.ts';
import { nameKey } from '../../src/utils/slugs.ts';
import { checkFiles, type ContentFile } from '../../src/validation/check.ts';
import { parseYaml, splitFrontmatter } from '../../src/validation/frontmatter.ts';
import { buildWithContent, htmlFiles, type FixtureBuild } from '../helpers/fixture-site.ts';
import { article, contentFile } from '../helpers/frontmatter-arbitraries.ts';
import { projectRoot } from '../helpers/paths.ts';

/** Fixture files under tests/fixtures/tags/<folder>/, by path relative to a content root. */
function fixtures(folder: string): Record<string, string> {
  const root = join(projectRoot, 'tests/fixtures/tags', folder);
  return Object.fromEntries(
    readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(root, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), 'utf8')]),
  );
}

/**
 * A fixed sample (the same every run, so a failure can be reproduced) of
 * generated articles, narrowed to what the check accepts as a whole.
 */
function acceptedSample(): ContentFile[] {
  let files: ContentFile[] = fc.sample(article, { seed: 20240625, numRuns: 60 }).map((a, i) => {
    const [rel, source] = contentFile(a, i);
    return { rel, display: rel, source };
  });
  for (let refused = checkFiles(files); refused.length > 0; refused = checkFiles(files)) {
    const bad = new Set(refused.map((p) => p.file));
    files = files.filter((f) => !bad.has(f.display));
  }
  return files;
}

const origin = 'https://www.example.org';
/** The folder a static server looks in for a link: its path as sent, percent-decoded. */
const folderOf = (href: string) => decodeURIComponent(new URL(href, origin).pathname);

describe('a site of generated tags, authors and titles', () => {
  const generated = acceptedSample();
  const content = { ...Object.fromEntries(generated.map((f) => [f.rel, f.source])), ...fixtures('no-letters'), ...fixtures('spellings') };
  let build: FixtureBuild;
  let pages: string[];

  beforeAll(() => {
    build = buildWithContent(content);
    pages = build.exitCode === 0 ? htmlFiles(build.dist).map((f) => `/${f.split('\\').join('/')}`) : [];
  }, 300_000);

  it('builds (the sample is not empty, and the check accepted it)', () => {
    expect(generated.length).toBeGreaterThan(20);
    expect(build.exitCode, build.output.slice(-3000)).toBe(0);
    expect(build.output).not.toMatch(/PrerenderRouteConflict|Invalid URL encoding/);
  });

  it('gives every page a non-empty URL of its own', () => {
    const canonicals: string[] = [];
    for (const page of pages) {
      expect(page, 'an empty path segment').not.toMatch(/\/\//);
      const href = parseHTML(readFileSync(join(build.dist, page), 'utf8')).document.querySelector('link[rel="canonical"]')?.getAttribute('href');
      // The 404 and search pages have none (they are not to be indexed).
      if (href) canonicals.push(href);
    }
    expect(canonicals.length).toBeGreaterThan(100);
    expect(new Set(canonicals).size).toBe(canonicals.length);
  });

  it('writes one page for each tag and author, however often and however it is spelt', () => {
    for (const section of sectionKeys) {
      // Names are told apart by the rules of the section's language.
      const lang = sections[section].lang;
      for (const kind of ['tags', 'authors'] as const) {
        const expected = new Set<string>();
        for (const [rel, text] of Object.entries(content)) if (rel.split('/')[1] === section) for (const n of namesIn(text, kind)) expected.add(nameKey(n, lang));
        const folder = join(build.dist, section, kind);
        // A section none of whose articles has a tag has no tag pages (its tag list is still built).
        const built = existsSync(folder) ? readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
        expect(built.map((b) => nameKey(b.name, lang)).sort(), `${section}/${kind}`).toEqual([...expected].sort());
      }
    }
    // The sample has articles in every section.
    for (const section of sectionKeys) expect(Object.keys(content).some((rel) => rel.split('/')[1] === section), section).toBe(true);
  });

  it('links every tag and author to a page the build wrote', () => {
    let links = 0;
    for (const page of pages) {
      const doc = parseHTML(readFileSync(join(build.dist, page), 'utf8')).document;
      for (const a of doc.querySelectorAll('a[href*="/tags/"], a[href*="/authors/"]')) {
        const href = a.getAttribute('href')!;
        expect(existsSync(join(build.dist, folderOf(href), 'index.html')), `${page}: ${href}`).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(100);
  });

  it('gives the flag tag of the tags-no-letters case its page, /fa/tags/🇦🇫/, listing the article', () => {
    const doc = parseHTML(readFileSync(join(build.dist, 'fa/tags/🇦🇫/index.html'), 'utf8')).document;
    expect([...doc.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href'))).toContain('/fa/2024/06/case29-parcham/');
  });

  it('keeps C, C# and C++ apart and joins the spellings of one tag', () => {
    const tags = readdirSync(join(build.dist, 'en/tags'));
    expect(tags).toEqual(expect.arrayContaining(['c', 'c＃', 'c＋＋', 'metoo', '100％', 'at＆t', '👩‍💻', '🏴', '🏴󠁧󠁢󠁥󠁮󠁧󠁿']));
    const faArticle = parseHTML(readFileSync(join(build.dist, 'fa/2024/06/mohajerat-ha-1/index.html'), 'utf8')).document;
    expect([...faArticle.querySelectorAll('nav.tags a')].map((a) => a.getAttribute('href'))).toEqual([
      '/fa/tags/مهاجرت-ها/',
      '/fa/tags/کابل/',
      '/fa/tags/انتخابات-۱۴۰۳/',
    ]);
    const listed = (path: string) =>
      [...parseHTML(readFileSync(join(build.dist, path, 'index.html'), 'utf8')).document.querySelectorAll('main article h2 a')].map((a) => a.getAttribute('href'));
    // Generated articles may use these names too, in yet other spellings.
    expect(listed('fa/tags/مهاجرت-ها').slice(0, 2)).toEqual(['/fa/2024/06/mohajerat-ha-2/', '/fa/2024/06/mohajerat-ha-1/']);
    expect(listed('fa/authors/فؤاد-شهبازوف').slice(0, 2)).toEqual(['/fa/2024/06/mohajerat-ha-2/', '/fa/2024/06/mohajerat-ha-1/']);
  });
});

/** The names in one frontmatter list field, read with the checker's YAML reader. */
function namesIn(source: string, field: 'tags' | 'authors'): string[] {
  const split = splitFrontmatter(source);
  const yaml = parseYaml(split.yamlText!, split.yamlStartLine);
  return yaml.ok ? ((yaml.data as Record<string, string[] | undefined>)[field] ?? []) : [];
}

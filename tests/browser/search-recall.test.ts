/**
 * Dari search, measured the way a reader meets it: a fixture build of Dari
 * articles (tests/fixtures/search/articles/) and the failing cases
 * (tests/fixtures/search/cases/), and every query of
 * tests/fixtures/search/queries.json typed into the real search page in
 * Chromium. Recall: the expected article among the first five results;
 * chrome: results for words of the page around an article (byline, reading
 * time, source block, tags), which must find nothing. The figures are
 * printed; the targets are recall ≥ 0.95 and no chrome hit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildWithContent } from '../helpers/fixture-site.ts';
import { openSite, type Site } from '../helpers/browser.ts';
import { projectRoot } from '../helpers/paths.ts';

const FIXTURES = join(projectRoot, 'tests/fixtures/search');

interface Query {
  article: string;
  q: string;
  kind: string;
}
const queries = JSON.parse(readFileSync(join(FIXTURES, 'queries.json'), 'utf8')) as { found: Query[]; chrome: string[] };

/** Every Markdown file under a folder, by its path relative to `content/articles/<section>/`. */
function markdownFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile() || !e.name.endsWith('.md')) continue;
    const section = basename(e.parentPath);
    files[`articles/${section}/${e.name}`] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return files;
}

const content = { ...markdownFiles(join(FIXTURES, 'articles')), ...markdownFiles(join(FIXTURES, 'cases')) };

/** An article's path on the site, from its file name and frontmatter date: /fa/2024/06/slug/. */
function articlePath(file: string): string {
  const [, section, name] = /^articles\/([^/]+)\/(.+)\.md$/.exec(file)!;
  const date = /^date: (\d{4})-(\d{2})/m.exec(content[file]!)!;
  return `/${section}/${date[1]}/${date[2]}/${name}/`;
}
const pathOfSlug = new Map(Object.keys(content).map((f) => [/([^/]+)\.md$/.exec(f)![1]!, articlePath(f)]));

let site: Site;
let page: Page;
beforeAll(async () => {
  const build = buildWithContent(content);
  expect(build.exitCode, build.output).toBe(0);
  site = await openSite(build.dist);
  page = await site.page();
});
afterAll(async () => {
  await site?.close();
});

interface Shown {
  paths: string[];
  status: string;
  /** The query as the status line shows it (its <bdi>). */
  query: string | null;
  excerpts: string[];
}

/** Types a query into the search page of a section and reads what is shown once the results are in. */
async function search(section: string, query: string): Promise<Shown> {
  if (!page.url().endsWith(`/${section}/search/`)) await page.goto(site.url(`/${section}/search/`));
  // A repeated query must not be read from the last status line.
  await page.evaluate(() => document.querySelector('#search-status')!.replaceChildren());
  await page.fill('#search-input', query);
  await page.press('#search-input', 'Enter');
  await page.waitForFunction(
    (q) => {
      const status = document.querySelector('#search-status');
      return !!status && status.querySelector('bdi')?.textContent === q && !status.textContent!.endsWith('…');
    },
    query.trim(),
  );
  return page.evaluate(() => ({
    paths: [...document.querySelectorAll<HTMLAnchorElement>('#search-results a')].map((a) => decodeURI(new URL(a.href).pathname)),
    status: document.querySelector('#search-status')!.textContent!,
    query: document.querySelector('#search-status bdi')?.textContent ?? null,
    excerpts: [...document.querySelectorAll('#search-results p')].map((p) => p.textContent!),
  }));
}

describe('Dari search finds a word however the reader types it', () => {
  it('reaches recall@5 ≥ 0.95 over the query set, and page chrome finds nothing', async () => {
    const misses: string[] = [];
    for (const { article, q, kind } of queries.found) {
      const expected = pathOfSlug.get(article);
      expect(expected, `queries.json names an article with no fixture: ${article}`).toBeDefined();
      const { paths } = await search('fa', q);
      if (!paths.slice(0, 5).includes(expected!)) misses.push(`"${q}" (${kind}) → ${expected}; got ${paths.slice(0, 5).join(', ') || 'nothing'}`);
    }
    const chromeHits: string[] = [];
    for (const q of queries.chrome) {
      const { paths } = await search('fa', q);
      if (paths.length) chromeHits.push(`"${q}" → ${paths.join(', ')}`);
    }
    const recall = (queries.found.length - misses.length) / queries.found.length;
    console.log(
      [
        `search recall@5: ${recall.toFixed(3)} (${queries.found.length - misses.length}/${queries.found.length} queries)`,
        `chrome false positives: ${chromeHits.length} of ${queries.chrome.length} queries`,
        ...misses.map((m) => `  miss: ${m}`),
        ...chromeHits.map((m) => `  chrome hit: ${m}`),
      ].join('\n'),
    );
    expect(queries.found.length).toBeGreaterThanOrEqual(80);
    expect(recall, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(chromeHits).toEqual([]);
  });

  // The cases of tests/fixtures/search/cases/, one by one.
  it('finds می‌پیمایند typed with a space (search-zwnj-typed-as-space)', async () => {
    expect((await search('fa', 'می پیمایند')).paths).toContain('/fa/2024/06/case17-kochi/');
  });

  it.each(['کوکنار', '١٣٩٨', 'معاهدۀ', '1398'])('finds "%s" in a text written کوکنـــار, ۱۳۹۸, معاهدهٔ (search-letter-and-digit-variants)', async (q) => {
    expect((await search('fa', q)).paths).toContain('/fa/2024/06/case16-konjed/');
  });

  it.each(['نخستین', 'منبع', 'دقیقه', 'published', 'source'])('does not find "%s" in an article that never uses it (search-page-chrome-indexed)', async (q) => {
    expect((await search('fa', q)).paths).not.toContain('/fa/2024/06/case22-bazar/');
  });

  it('starts excerpts in the article text, showing its own spelling and digits', async () => {
    const { excerpts } = await search('fa', 'ارغنداب');
    expect(excerpts[0]).toContain('باغداران ولسوالی ارغنداب می‌گویند');
    // Nothing of the byline or reading time before it.
    expect(excerpts[0]).not.toMatch(/فرشته نوری|دقیقه|مطالعه/);
    // Folded in the index (آ → ا, ئ → ی, 2016 → ۲۰۱۶), never on the screen.
    expect((await search('fa', 'مسیول شرکت')).excerpts.join(' ')).toContain('مسئول');
    expect((await search('fa', '1964')).excerpts.join(' ')).toContain('1964');
    expect((await search('fa', '180')).excerpts.join(' ')).toContain('۱۸۰');
    expect((await search('fa', 'آمو')).excerpts.join(' ')).toMatch(/آمو/);
    expect((await search('fa', 'کتابخانه')).excerpts.join(' ')).toContain('کتاب‌خانه‌ای');
  });

  it('says "1 result" and "2 results" by the page language, with the query isolated (search-plural-count)', async () => {
    const one = await search('en', 'quinoa');
    expect(one.status).toBe('1 result for “quinoa”');
    expect(one.query).toBe('quinoa');
    const dari = await search('fa', 'زعفران');
    expect(dari.paths.length).toBe(2);
    expect(dari.status).toBe('۲ نتیجه برای «زعفران»');
    // A Latin query on the Dari page keeps its own order inside the sentence.
    expect((await search('fa', 'FM')).query).toBe('FM');
  });
});

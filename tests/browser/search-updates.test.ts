/**
 * Search across an editor's builds. The first build indexes every article,
 * in bundles of two articles here (`SEARCH_SHARD_PAGES`), so that the search
 * page has several base bundles to merge;
 * the next one, after an article is added, one edited and one deleted,
 * indexes only those changes into the delta bundle (see
 * `src/search/plan.ts`). In Chromium, the search page must
 * then find the new and the edited text, and no longer the edited-away or
 * deleted text, without duplicates.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchManifestPath, searchPath, articlePath } from '../../src/utils/urls.ts';
import { WARM_DIR, WARM_WORD } from '../../src/search/warm-bundle.ts';
import { openSite, type Site } from '../helpers/browser.ts';
import { copySite, rebuild, type FixtureBuild } from '../helpers/fixture-site.ts';

/** A Dari article about one thing (`word`); every article also mentions Herat. */
function article(slug: string, date: string, title: string, word: string): string {
  return [
    '---',
    `title: "${title}"`,
    'dek: "گزارشی کوتاه از بازار هرات."',
    'authors: ["خبرنگار آزمایشی"]',
    `date: ${date}`,
    'sources:',
    '  - name: "Test Wire"',
    `    url: "https://example.org/${slug}/"`,
    '---',
    '',
    `در بازار هرات امسال ${word} بیش از هر سال دیگر خرید و فروش شد.`,
    '',
    `بازرگانان می‌گویند تقاضا برای ${word} از کشورهای همسایه بالا رفته است.`,
    '',
  ].join('\n');
}

const path = (slug: string, date: string) => articlePath('fa', slug, new Date(date));
const saffron = { slug: 'saffron', date: '2020-03-01' };
const lapis = { slug: 'lapis', date: '2020-04-01' };
const carpet = { slug: 'carpet', date: '2020-05-01' };
const raisins = { slug: 'raisins', date: '2020-06-01' };
const english = [
  '---',
  'title: "Herat market report"',
  'dek: "A short report."',
  'authors: ["Test Reporter"]',
  'date: 2020-03-01',
  'sources:',
  '  - name: "Test Wire"',
  '    url: "https://example.org/en/"',
  '---',
  '',
  'Traders in Herat sold more pistachios this year.',
  '',
].join('\n');

/** Base bundles of two articles, so that three Dari articles make two bundles. */
const env = { SEARCH_SHARD_PAGES: '2' };
let root: string;
let second: FixtureBuild;
let third: FixtureBuild;
let site: Site;

beforeAll(async () => {
  root = copySite();
  const first = rebuild(root, {
    'articles/fa/saffron.md': article(saffron.slug, saffron.date, 'زعفران هرات', 'زعفران'),
    'articles/fa/lapis.md': article(lapis.slug, lapis.date, 'لاجورد بدخشان', 'لاجورد'),
    'articles/fa/carpet.md': article(carpet.slug, carpet.date, 'قالین اندخوی', 'قالین'),
    'articles/en/market.md': english,
  }, env);
  expect(first.exitCode, first.output).toBe(0);
  expect(first.output).toContain('fa: indexed 3 articles for search in 2 bundle(s)');
  second = rebuild(root, {
    // Added (the newest, so the previous newest is re-rendered with a link to it),
    'articles/fa/raisins.md': article(raisins.slug, raisins.date, 'کشمش سرخ', 'کشمش'),
    // edited: saffron is gone from it, pomegranates are new,
    'articles/fa/saffron.md': article(saffron.slug, saffron.date, 'انار قندهار', 'انار'),
    // and deleted.
    'articles/fa/carpet.md': null,
  }, env);
  expect(second.exitCode, second.output).toBe(0);
  third = rebuild(root, {}, env);
  expect(third.exitCode, third.output).toBe(0);
  site = await openSite(join(root, 'dist'));
});

afterAll(async () => {
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Searches the Dari page like a reader; returns the result paths and the status line. */
async function search(query: string): Promise<{ paths: string[]; status: string }> {
  const page = await site.page();
  await page.goto(site.url(`${searchPath('fa')}?q=${encodeURIComponent(query)}`));
  await page.waitForFunction(() => {
    const status = document.querySelector('#search-status')?.textContent ?? '';
    return status !== '' && !status.endsWith('…');
  });
  const paths = await page.$$eval('#search-results a', (as) => as.map((a) => decodeURI(new URL((a as HTMLAnchorElement).href).pathname)));
  const status = (await page.textContent('#search-status')) ?? '';
  await page.context().close();
  return { paths, status };
}

describe('search after an add, an edit and a delete', () => {
  it('indexes only the changed articles, and keeps that delta while nothing changes', () => {
    expect(second.output).toContain('fa: indexed 2 new or changed articles into the delta, hiding 2 from the base');
    expect(second.output).toContain('en: search index up to date (1 articles)');
    const section = join(root, 'dist', 'pagefind', 'fa');
    const entry = (dir: string) => JSON.parse(readFileSync(join(section, dir, 'pagefind-entry.json'), 'utf8'));
    expect(JSON.parse(readFileSync(join(root, 'dist', searchManifestPath('fa')), 'utf8')).bundles).toEqual(['0/', '1/', 'delta/']);
    expect(entry('0').languages['fa-af'].page_count).toBe(2);
    expect(entry('1').languages['fa-af'].page_count).toBe(1);
    expect(entry('delta').languages['fa-af'].page_count).toBe(2);
    expect(third.output).toContain('fa: search index up to date (2 pages in the delta)');
  });

  it('finds the added article', async () => {
    expect((await search('کشمش')).paths).toEqual([path(raisins.slug, raisins.date)]);
  });

  it('finds the edited article by its new text, and not by the text it lost', async () => {
    expect((await search('انار')).paths).toEqual([path(saffron.slug, saffron.date)]);
    const gone = await search('زعفران');
    expect(gone.paths).toEqual([]);
  });

  it('no longer finds the deleted article', async () => {
    expect((await search('قالین')).paths).toEqual([]);
  });

  it('lists every article once, from whichever bundle holds its current text', async () => {
    const all = await search('هرات');
    expect(all.paths.sort()).toEqual(
      [path(saffron.slug, saffron.date), path(lapis.slug, lapis.date), path(raisins.slug, raisins.date)].sort(),
    );
    expect(all.status).toContain('۳');
  });

  it('rebuilds a lost index in full from the pages in dist/, and still finds everything once', async () => {
    rmSync(join(root, 'dist', 'pagefind'), { recursive: true });
    const fourth = rebuild(root, {}, env);
    expect(fourth.exitCode, fourth.output).toBe(0);
    expect(fourth.output).toContain('fa: indexed 3 articles for search in 2 bundle(s) (no search index from an earlier build)');
    expect(JSON.parse(readFileSync(join(root, 'dist', searchManifestPath('fa')), 'utf8'))).toEqual({ bundles: ['0/', '1/'], hide: [], warm: { bundle: `../${WARM_DIR}/`, query: WARM_WORD } });
    expect((await search('هرات')).paths.sort()).toEqual(
      [path(saffron.slug, saffron.date), path(lapis.slug, lapis.date), path(raisins.slug, raisins.date)].sort(),
    );
    expect((await search('زعفران')).paths).toEqual([]);
  });
});

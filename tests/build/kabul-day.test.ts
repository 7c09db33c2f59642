/**
 * "Today is today", on a whole build with a fixed clock: the real site code
 * over the `dates-kabul-day` case, built under Debian's `faketime` at 21:00
 * UTC on 9 May 2025, which is 01:30 on 10 May in Kabul. The article dated
 * 2025-05-10 must be published and in the news sitemap (before, it waited
 * for 04:30 Kabul, midnight UTC), with every date machines read in Kabul
 * time; later today and tomorrow must not be.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySite } from '../helpers/fixture-site.ts';
import { projectRoot } from '../helpers/paths.ts';
import { jsonLdOf, meta, newsEntries, pageIn, pagesIn, sitemapUrls } from '../helpers/seo.ts';
import { parseXml, texts } from '../helpers/xml.ts';

const CLOCK = '2025-05-09 21:00:00'; // UTC: 01:30 on 10 May in Kabul
const ORIGIN = 'https://www.afgazad.com';

const caseFile = readFileSync(join(projectRoot, 'tests/fixtures/dates/kabul-day/articles/fa/case4-emrooz.md'), 'utf8');
const withDate = (date: string, title: string) => caseFile.replace(/^date: .*$/m, `date: ${date}`).replace(/^title: .*$/m, `title: "${title}"`);

const files: Record<string, string> = {
  'articles/fa/case4-emrooz.md': caseFile,
  // A time without a zone is Kabul time: 23:30 on 9 May in Kabul is 19:00 UTC, already past.
  // (js-yaml's default schema made it 23:30 UTC, still in the future at this clock.)
  'articles/en/late-evening.md': withDate('2025-05-09 23:30:00', 'Late evening in Kabul'),
  'articles/en/later-today.md': withDate('2025-05-10T09:00', 'Later today'),
  'articles/fa/farda.md': withDate('2025-05-11', 'فردا'),
};

let root: string;
let dist: string;
let output: string;

beforeAll(() => {
  root = copySite();
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', rel)), { recursive: true });
    writeFileSync(join(root, 'content', rel), text);
  }
  const run = spawnSync('faketime', [CLOCK, process.execPath, 'node_modules/astro/bin/astro.mjs', 'build'], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', NODE_ENV: 'production', SITE_URL: '', NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  output = `${run.stdout}${run.stderr}`;
  if (run.status !== 0) throw new Error(`the fixed-clock build failed (${run.status}):\n${output}`);
  dist = join(root, 'dist');
}, 300_000); // one whole build, on a machine that may be busy with others

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('a build at 01:30 in Kabul on 10 May 2025', () => {
  it('ran at the fixed clock', () => {
    // The news sitemap is reckoned from the build's "now": only the faked clock puts these in it.
    expect(newsEntries(readFileSync(join(dist, 'news-sitemap.xml'), 'utf8')).length).toBeGreaterThan(0);
  });

  it("publishes today's article and lists it in news-sitemap.xml", () => {
    expect(existsSync(join(dist, 'fa/2025/05/case4-emrooz/index.html'))).toBe(true);
    const news = newsEntries(readFileSync(join(dist, 'news-sitemap.xml'), 'utf8'));
    expect(news.map((e) => [e.loc, e.date])).toEqual([
      [`${ORIGIN}/fa/2025/05/case4-emrooz/`, '2025-05-10T00:00:00+04:30'],
      [`${ORIGIN}/en/2025/05/late-evening/`, '2025-05-09T23:30:00+04:30'],
    ]);
  });

  it('leaves out what is dated later today or tomorrow, everywhere', () => {
    const everything = [
      ...pagesIn(dist),
      ...sitemapUrls(dist).map((u) => u.loc),
      ...['rss.xml', 'fa/rss.xml', 'en/rss.xml', 'news-sitemap.xml'].map((f) => readFileSync(join(dist, f), 'utf8')),
    ].join('\n');
    expect(everything).not.toContain('later-today');
    expect(everything).not.toContain('farda');
  });

  it('dates the article as 10 May (20 Sawr 1404) on its page, in its archive and for machines', () => {
    const doc = pageIn(dist, '/fa/2025/05/case4-emrooz/');
    const time = doc.querySelector('article time')!;
    expect(time.getAttribute('datetime')).toBe('2025-05-10');
    expect(time.textContent).toBe('۲۰ ثور ۱۴۰۴');
    expect(meta(doc, 'article:published_time')).toEqual(['2025-05-10T00:00:00+04:30']);
    expect(jsonLdOf(doc)[0]).toMatchObject({ datePublished: '2025-05-10T00:00:00+04:30', dateModified: '2025-05-10T00:00:00+04:30' });
    expect(pagesIn(dist)).toContain('/fa/archive/1404/02/');
    const lastmod = new Map(sitemapUrls(dist).map((u) => [u.loc, u.lastmod]));
    expect(lastmod.get(`${ORIGIN}/fa/2025/05/case4-emrooz/`)).toBe('2025-05-10T00:00:00+04:30');
    const feed = parseXml(readFileSync(join(dist, 'fa/rss.xml'), 'utf8'));
    expect(texts(feed.getElementsByTagName('item')[0]!, 'pubDate')).toEqual(['Sat, 10 May 2025 00:00:00 +0430']);
  });

  it('reads a time without a zone as Kabul time', () => {
    const doc = pageIn(dist, '/en/2025/05/late-evening/');
    expect(doc.querySelector('article time')?.getAttribute('datetime')).toBe('2025-05-09');
    expect(jsonLdOf(doc)[0].datePublished).toBe('2025-05-09T23:30:00+04:30');
  });
});

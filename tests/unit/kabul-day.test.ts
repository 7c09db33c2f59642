/**
 * "Today is today": at 01:30 in Kabul on 10 May 2025 (21:00 UTC on the 9th)
 * an article dated 2025-05-10 is published, listed in the news sitemap and
 * dated as that day everywhere machines read it. Each consumer of the date
 * is called with that fixed "now"; `npm run new` runs under `faketime`.
 * (The whole build at that moment: tests/build/kabul-day.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFacts, kabulLastmod, sitemapEntries } from '../../src/integrations/sitemap.ts';
import { checkContent, type CheckedArticle } from '../../src/validation/check.ts';
import { articleFields } from '../../src/schemas/article.ts';
import type { Article } from '../../src/utils/articles.ts';
import { calendarParts, formatDate } from '../../src/i18n/format.ts';
import { isoDay } from '../../src/utils/dates.ts';
import { feedOptions } from '../../src/utils/feeds.ts';
import { newsSitemap, recentForNews } from '../../src/utils/news-sitemap.ts';
import { isPublished } from '../../src/utils/publishing.ts';
import { newsArticle } from '../../src/utils/structured-data.ts';
import { articlePath } from '../../src/utils/urls.ts';
import { z } from 'zod';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

/** 01:30 in Kabul on 10 May 2025. */
const NOW = new Date('2025-05-09T21:00:00Z');
const fields = z.object(articleFields);
const base = {
  title: 'مقالهٔ امروز', dek: 'آزمایش.', authors: ['آزمایشگر'],
  sources: [{ name: 'Example', url: 'https://example.org/case4-emrooz', date: '2025-05-09' }], tags: [],
};

function article(id: string, date: string, extra: Record<string, unknown> = {}): Article {
  const [section, slug] = id.split('/') as ['fa' | 'en', string];
  const data = fields.parse({ ...base, date, ...extra }) as Article['data'];
  return { entry: {} as Article['entry'], id, section, lang: section, slug, path: articlePath(section, slug, data.date), data };
}

const today = article('fa/case4-emrooz', '2025-05-10');
const tomorrow = article('fa/farda', '2025-05-11');
const laterToday = article('en/later-today', '2025-05-10T09:00');
const yesterday = article('en/yesterday', '2025-05-09', { updated: '2025-05-10T01:00' });

describe('at 01:30 in Kabul, an article dated today', () => {
  it('is published; a time later today and tomorrow are not yet', () => {
    expect(isPublished(today.data, NOW, true)).toBe(true);
    expect(isPublished(yesterday.data, NOW, true)).toBe(true);
    expect(isPublished(laterToday.data, NOW, true)).toBe(false);
    expect(isPublished(tomorrow.data, NOW, true)).toBe(false);
    // One minute before midnight in Kabul, today's article is still scheduled.
    expect(isPublished(today.data, new Date('2025-05-09T19:29:00Z'), true)).toBe(false);
    expect(isPublished(today.data, new Date('2025-05-09T19:30:00Z'), true)).toBe(true);
  });

  it('is in the news window from 00:00 Kabul for 48 hours', () => {
    const newestFirst = [tomorrow, laterToday, today, yesterday];
    expect(recentForNews(newestFirst, NOW).map((a) => a.id)).toEqual(['fa/case4-emrooz', 'en/yesterday']);
    const twoDaysOn = new Date(today.data.date.getTime() + 48 * 3_600_000);
    expect(recentForNews([today], twoDaysOn).map((a) => a.id)).toEqual(['fa/case4-emrooz']);
    expect(recentForNews([today], new Date(twoDaysOn.getTime() + 1))).toEqual([]);
  });

  it('lives at this month’s URL and archive, and shows today’s date', () => {
    expect(today.path).toBe('/fa/2025/05/case4-emrooz/');
    expect(calendarParts(today.data.date, 'fa')).toEqual({ year: 1404, month: 2, day: 20 });
    expect(formatDate(today.data.date, 'fa')).toBe('۲۰ ثور ۱۴۰۴');
    expect(isoDay(today.data.date)).toBe('2025-05-10');
  });

  it('is dated in Kabul time in the news sitemap, JSON-LD and RSS', () => {
    const xml = newsSitemap([today], NOW, 'https://www.afgazad.com');
    expect(xml).toContain('<loc>https://www.afgazad.com/fa/2025/05/case4-emrooz/</loc>');
    expect(xml).toContain('<news:publication_date>2025-05-10T00:00:00+04:30</news:publication_date>');

    const ld = newsArticle(yesterday, [], 'https://www.afgazad.com');
    expect(ld.datePublished).toBe('2025-05-09T00:00:00+04:30');
    expect(ld.dateModified).toBe('2025-05-10T01:00:00+04:30');
    expect((ld.isBasedOn as { datePublished: string }[])[0]!.datePublished).toBe('2025-05-09T00:00:00+04:30');

    const [item] = feedOptions([today], 'fa', 'https://www.afgazad.com').items as { customData?: string; pubDate?: unknown }[];
    expect(item!.pubDate).toBeUndefined();
    expect(item!.customData).toContain('<pubDate>Sat, 10 May 2025 00:00:00 +0430</pubDate>');
  });
});

describe('the sitemap integration', () => {
  it('reads frontmatter as the content layer does: a date alone is the Kabul day, a zoneless time Kabul time', () => {
    const dir = tempDir('aa-sitemap-');
    const write = (id: string, date: string, extra = '') => {
      mkdirSync(join(dir, id.split('/')[0]!), { recursive: true });
      writeFileSync(join(dir, `${id}.md`), `---\ntitle: x\ndate: ${date}\n${extra}---\n\nBody.\n`);
    };
    write('fa/emrooz', '2025-05-10');
    write('fa/shab', '2024-03-19T23:00');
    write('en/late', '2024-03-31 23:30', 'updated: ۲۰۲۴-۰۴-۰۲\n');
    write('en/farda', '2025-05-11');
    const entries = sitemapEntries(dir, NOW);
    expect([...entries.keys()].filter((p) => p.split('/').length > 3).sort()).toEqual([
      '/en/2024/03/late/',
      '/fa/2024/03/shab/',
      '/fa/2025/05/emrooz/',
    ]);
    expect(entries.get('/fa/2025/05/emrooz/')!.lastmod!.toISOString()).toBe('2025-05-09T19:30:00.000Z');
    expect(entries.get('/fa/2024/03/shab/')!.lastmod!.toISOString()).toBe('2024-03-19T18:30:00.000Z');
    expect(entries.get('/en/2024/03/late/')!.lastmod!.toISOString()).toBe('2024-04-01T19:30:00.000Z');
  });

  it('gives the same entries from the articles the content check read as from reading the files', async () => {
    const content = tempDir('aa-sitemap-check-');
    const dir = join(content, 'articles');
    const write = (id: string, date: string, extra = '', body = 'متن.') => {
      mkdirSync(join(dir, id.split('/')[0]!), { recursive: true });
      const meta = `title: مقالهٔ آزمایشی\ndek: آزمایش.\nauthors: [آزمایشگر]\ntags: []\nsources:\n  - name: Example\n    url: https://example.org/${id}\ndate: ${date}\n${extra}`;
      writeFileSync(join(dir, `${id}.md`), `---\n${meta}---\n\n${body}\n`);
    };
    write('fa/emrooz', '2025-05-10', 'translationKey: emrooz\n');
    write('en/today', '2025-05-09 08:00', 'translationKey: emrooz\nupdated: ۲۰۲۵-۰۵-۱۱\n');
    write('fa/shab', '2024-03-19T23:00', '', '![نقشه](./shab/map.png)');
    write('en/farda', '2025-05-11');
    let checked: CheckedArticle[] = [];
    const problems = await checkContent(content, content, { bodies: false, onArticles: (articles) => (checked = [...articles]) });
    expect(problems.filter((p) => p.severity !== 'warning')).toEqual([]);
    expect(checked.map((a) => a.id).sort()).toEqual(['en/farda', 'en/today', 'fa/emrooz', 'fa/shab']);
    const fromCheck = sitemapEntries(checked.map(articleFacts), NOW);
    expect(fromCheck).toEqual(sitemapEntries(dir, NOW));
    expect(fromCheck.get('/fa/2024/03/shab/')!.pictures).toBe(true);
    expect(fromCheck.get('/en/2025/05/today/')!.alternates.length).toBe(2);
  });

  it('writes lastmod in Kabul time', () => {
    expect(kabulLastmod('<url><lastmod>2025-05-09T19:30:00.000Z</lastmod></url><lastmod>junk</lastmod>')).toBe(
      '<url><lastmod>2025-05-10T00:00:00+04:30</lastmod></url><lastmod>junk</lastmod>',
    );
  });
});

describe('npm run new', () => {
  it('dates a new article today in Kabul (run at 21:00 UTC, 01:30 the next day in Kabul)', () => {
    const content = tempDir('aa-new-');
    const run = spawnSync('faketime', ['2025-05-09 21:00:00', process.execPath, 'scripts/new.ts', '--lang', 'en', '--title', 'Today in Kabul', '--content', content], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
    });
    expect(run.status, run.stderr).toBe(0);
    const [file] = readdirSync(join(content, 'articles/en'));
    expect(readFileSync(join(content, 'articles/en', file!), 'utf8')).toMatch(/^date: 2025-05-10$/m);
  });
});

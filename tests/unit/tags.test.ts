/**
 * Tags and authors: one name, one page, however it is typed; every name a
 * readable, non-empty URL; the check refuses, naming file and name, what
 * cannot have a page. The generated-input version of these rules is
 * tags-property.test.ts; the built site, tests/build/tags.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { articleNames, indexArticles, type ArticleEntry } from '../../src/utils/articles.ts';
import { foldSpelling } from '../../src/search/folding.ts';
import { foldWithForms } from '../../src/search/fold-core.ts';
import { languages } from '../../src/i18n/locales.ts';
import { groupNames, nameKey, pathSegment, segmentClashes, segmentProblem } from '../../src/utils/slugs.ts';
import { tagPath } from '../../src/utils/urls.ts';
import { checkContent } from '../../src/validation/check.ts';
import { runCheck } from '../../src/validation/run-check.ts';
import { projectRoot } from '../helpers/paths.ts';

describe('one tag typed two ways is one page', () => {
  it.each([
    ['Arabic-keyboard letters', 'كابل', 'کابل'],
    ['Arabic yeh and alef maksura', 'مدافعين فتوى', 'مدافعین فتوی'],
    ['no ZWNJ', 'مهاجرتها', 'مهاجرت‌ها'],
    ['a space for the ZWNJ', 'مهاجرت ها', 'مهاجرت‌ها'],
    ['a hyphen for the ZWNJ', 'مهاجرت-ها', 'مهاجرت‌ها'],
    ['tatweel', 'کـــابل', 'کابل'],
    ['harakat', 'کَابُل', 'کابل'],
    ['Arabic-Indic, Persian and ASCII digits', 'انتخابات ١٤٠٣', 'انتخابات 1403'],
    ['letter case', 'CENTRAL ASIA', 'Central Asia'],
    ['word breaks', 'CentralAsia', 'central-asia'],
    ['NFD', 'Ünïcode'.normalize('NFD'), 'Ünïcode'],
    ['NFKC (presentation forms, full width)', 'ﻛﺎﺑﻞ ｃ＃', 'کابل C#'],
    ['invisible marks', 'Ka\u200Ebul\u00AD', 'Kabul'],
    ['an emoji variation selector', '❤️', '❤'],
    ['a hashtag sign', '#MeToo', 'MeToo'],
    ['an apostrophe', "Women's rights", 'Womens rights'],
    ['final sigma and sharp s', 'ΟΔΟΣ Straße', 'οδος STRASSE'],
  ])('%s: "%s" is "%s"', (_, a, b) => {
    expect(nameKey(a, 'fa')).toBe(nameKey(b, 'fa'));
  });

  it.each([
    ['C', 'C#', 'C++'],
    ['آب', 'اب', 'آپ'],
    ['1.5', '15', '1-50'],
    ['🇦🇫', '🇮🇷', '🏴'],
    ['100%', '100', '100‰'],
  ])('keeps "%s", "%s" and "%s" apart', (...names) => {
    expect(new Set(names.map((n) => nameKey(n, 'en'))).size).toBe(3);
  });

  it('folds letters per language, from the locale registry: Dari folds Arabic ي and ك, English leaves them', () => {
    expect(languages.fa.letterForms['\u064A']).toBe('\u06CC');
    // Pashto keeps its own ي apart from ی.
    expect(foldSpelling('ملي', 'ps')).toBe('ملي');
    expect(foldSpelling('ملي', 'fa')).toBe('ملی');
    expect(foldSpelling('كيف', 'fa')).toBe('کیف');
    expect(foldSpelling('كيف', 'en')).toBe('كيف');
    expect(nameKey('كابل', 'en')).not.toBe(nameKey('کابل', 'en'));
    // Search shares the same folding (the Dari one until search folds per section).
    expect(foldWithForms('كـابُل', languages.fa.letterForms)).toBe(foldSpelling('كـابُل', 'fa'));
    // Dari folds آ into ا for matching, as Lucene's Persian analysis does; the URL keeps آ.
    expect(foldSpelling('آب', 'fa')).toBe('اب');
    expect(pathSegment('آب', 'fa')).toBe('آب');
    expect(nameKey('مسئول', 'fa')).toBe(nameKey('مسیول', 'fa'));
    // Pashto keeps ئ, a letter of its own.
    expect(nameKey('مسئول', 'ps')).not.toBe(nameKey('مسیول', 'ps'));
  });
});

describe('tag and author URL segments', () => {
  it.each([
    ['Fuad Shahbazov', 'en', 'fuad-shahbazov'],
    ['مهاجرت‌ها', 'fa', 'مهاجرت-ها'],
    ['حقوق بشر، زنان', 'fa', 'حقوق-بشر-زنان'],
    ['كابل', 'fa', 'کابل'],
    ['🇦🇫', 'fa', '🇦🇫'],
    ['C#', 'en', 'c＃'],
    ['C++', 'en', 'c＋＋'],
    ['100%', 'en', '100％'],
    ['AT&T', 'en', 'at＆t'],
    ['Node.js', 'en', 'node-js'],
    ['«صلح»؟', 'fa', 'صلح'],
  ] as const)('"%s" (%s) → %s', (name, lang, segment) => {
    expect(pathSegment(name, lang)).toBe(segment);
  });

  it('are readable in the link and reach the file Astro writes', () => {
    expect(tagPath('fa', 'مهاجرت‌ها')).toBe('/fa/tags/مهاجرت-ها/');
    expect(tagPath('en', 'C#', 2)).toBe('/en/tags/c＃/page/2/');
    expect(new URL(tagPath('en', 'C#'), 'https://x.org').pathname).toBe('/en/tags/c%EF%BC%83/');
  });

  it('are refused when nothing is left, or when too long for a file name', () => {
    for (const name of ['!!!', '؟', '«»', '…', '\u200C', '\u200E\u200F', '-', 'ـ']) expect(segmentProblem(name, 'fa'), JSON.stringify(name)).toMatch(/nothing to make a web address/);
    expect(segmentProblem('ب'.repeat(101), 'fa')).toMatch(/too long/);
    expect(segmentProblem('ب'.repeat(100), 'fa')).toBeUndefined();
    expect(segmentProblem('b'.repeat(200), 'en')).toBeUndefined();
  });
});

describe('grouping spellings into pages', () => {
  it('takes the page from the spelling with the most word breaks, the name from the most used spelling', () => {
    const groups = [...groupNames([['مهاجرتها', 1], ['مهاجرت‌ها', 2], ['مهاجرت‌ها', 3], ['مهاجرت ها', 4], ['Kabul', 5], ['!!!', 6]], 'fa').values()];
    expect(groups).toEqual([
      { key: nameKey('مهاجرت‌ها', 'fa'), segment: 'مهاجرت-ها', label: 'مهاجرت‌ها', members: [1, 2, 3, 4] },
      { key: 'kabul', segment: 'kabul', label: 'Kabul', members: [5] },
    ]);
  });

  it('finds segments that one folder would hold on a case- or normalization-insensitive disk', () => {
    const clashes = segmentClashes([{ segment: 'a' }, { segment: 'A' }, { segment: 'é' }, { segment: 'e\u0301' }, { segment: 'b' }]);
    expect(clashes).toEqual([[{ segment: 'a' }, { segment: 'A' }], [{ segment: 'é' }, { segment: 'e\u0301' }]]);
  });

  it('links every spelling in an article to its one page, and lists every article there', () => {
    const entry = (id: string, tags: string[], authors: string[], day: number) =>
      ({
        id,
        collection: 'articles',
        digest: id,
        data: { title: id, dek: 'd', authors, date: new Date(Date.UTC(2024, 2, day)), sources: [], tags, draft: false },
      }) as unknown as ArticleEntry;
    const index = indexArticles([
      entry('fa/a', ['مهاجرتها', 'كابل'], ['فؤاد شهبازوف'], 1),
      entry('fa/b', ['مهاجرت‌ها', 'کابل', 'کابل'], ['فؤاد  شهبازوف'], 2),
    ]);
    expect([...index.tags.fa.keys()]).toEqual(['مهاجرت-ها', 'کابل']);
    expect(index.tags.fa.get('مهاجرت-ها')!.articles.map((a) => a.id)).toEqual(['fa/b', 'fa/a']);
    const a = articleNames(index.byId.get('fa/a')!, index);
    const b = articleNames(index.byId.get('fa/b')!, index);
    expect(a.tags).toEqual([
      { name: 'مهاجرتها', href: '/fa/tags/مهاجرت-ها/' },
      { name: 'كابل', href: '/fa/tags/کابل/' },
    ]);
    // The same tag twice in one article is one link.
    expect(b.tags.map((t) => t.href)).toEqual(['/fa/tags/مهاجرت-ها/', '/fa/tags/کابل/']);
    expect(a.authors[0]!.href).toBe(b.authors[0]!.href);
  });
});

describe('npm run check on tags and authors', () => {
  it('accepts the flag tag of the tags-no-letters case, which gets the page /fa/tags/🇦🇫/', async () => {
    expect(await checkContent('tests/fixtures/tags/no-letters', projectRoot)).toEqual([]);
    expect(tagPath('fa', '🇦🇫')).toBe('/fa/tags/🇦🇫/');
  });

  it('refuses names with nothing to make a URL from, or too long, naming file, field and name', async () => {
    const root = 'tests/fixtures/tags/refused';
    const run = await runCheck([root], { cwd: projectRoot });
    expect(run.exitCode).toBe(1);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith(root));
    const fa = `${root}/articles/fa/tags-without-letters.md`;
    const en = `${root}/articles/en/name-too-long.md`;
    const nothing = /has nothing to make a web address from .*; write it with letters, digits or symbols, or remove it$/;
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${en}: tags\\[1\\]: tag "The Ministry of Foreign Affairs.*…" is too long .*; shorten it$`)),
      expect.stringMatching(new RegExp(`^${en}: authors\\[0\\]: author "---" ${nothing.source}`)),
      ...['"؟!"', '"«»"', '"…"', '"<U\\+200C><U\\+200E>"', '"ـ"'].map((tag, i) => expect.stringMatching(new RegExp(`^${fa}: tags\\[${i + 1}\\]: tag ${tag} ${nothing.source}`))),
      expect.stringMatching(new RegExp(`^${fa}: authors\\[1\\]: author "<U\\+200C>" ${nothing.source}`)),
    ]);
  });
});

describe('where a cut section index goes on', () => {
  it('is the archive page of the first article it leaves out: its month, and its page of that month', async () => {
    const { archivePageOf } = await import('../../src/utils/articles.ts');
    const { site } = await import('../../src/config/site.ts');
    const entry = (id: string, day: number) =>
      ({ id, collection: 'articles', digest: id, data: { title: id, dek: 'd', authors: ['a'], date: new Date(Date.UTC(2024, 6, day, 6)), sources: [], tags: [], draft: false } }) as unknown as ArticleEntry;
    // 2024-07-02 … 2024-07-19 fall in one Solar Hijri month (Saratan 1403), newest first in the month's list.
    const index = indexArticles(Array.from({ length: 18 }, (_, i) => entry(`fa/a${i}`, i + 2)));
    const list = index.bySection.fa;
    expect(archivePageOf(index, list[0]!)).toBe('/fa/archive/1403/04/');
    expect(archivePageOf(index, list[site.pageSize]!)).toBe('/fa/archive/1403/04/page/2/');
  });
});

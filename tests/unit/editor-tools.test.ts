/**
 * The editor tools, run with the arguments editors give them, always against
 * a temporary content folder: `npm run import` and `npm run new`. The
 * commands run in this process (`runImport`, `runNew`: what the scripts run);
 * one real run of each script proves it prints the same.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHeld, sourceKey, type ArchivedPiece } from '../../src/editor/archive.ts';
import { parseLegacyDate, parseLegacyExport, toContentFile } from '../../src/editor/legacy.ts';
import { PLACEHOLDER } from '../../src/schemas/article.ts';
import { outletOf } from '../../src/editor/outlets.ts';
import { runImport } from '../../src/editor/run-import.ts';
import { runNew } from '../../src/editor/run-new.ts';
import { isoDay } from '../../src/utils/dates.ts';
import { checkContent } from '../../src/validation/check.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

const legacy = join(projectRoot, 'tests/fixtures/legacy');
const tempContent = () => tempDir('aa-content-');

async function run(script: 'import' | 'new', args: string[]) {
  const r = await (script === 'import' ? runImport : runNew)(args, { cwd: projectRoot });
  return { status: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}


describe('npm run import', () => {
  it.each([
    ['en-herat-wheat.txt', 'articles/en/herats-wheat-markets-brace-for-a-dry-spring.md'],
    ['fa-herat-wheat.txt', 'articles/fa/herat-wheat-prices-spring.md'],
    ['fa-iranian-months.txt', 'articles/fa/article-2017-01-13.md'],
    ['en-misspelt-source.txt', 'articles/en/azerbaijans-growing-military-cooperation-with-pakistan.md'],
  ])('converts %s to the expected frontmatter and body', async (fixture, rel) => {
    const content = tempContent();
    const { status } = await run('import', [join(legacy, fixture), '--content', content]);
    expect(status).toBe(0);
    expect(readFileSync(join(content, rel), 'utf8')).toBe(readFileSync(join(legacy, 'expected', rel), 'utf8'));
  });

  it('recognises section, source, title, dek, authors and Solar Hijri dates in a Dari export', () => {
    const a = parseLegacyExport(readFileSync(join(legacy, 'fa-herat-wheat.txt'), 'utf8'));
    expect(a.section).toBe('fa');
    expect(a.source).toEqual({ name: 'BBC', url: 'https://www.bbc.com/persian/afghanistan/herat-wheat-prices-spring', knownOutlet: true });
    expect(a.title).toBe('بازار گندم هرات در انتظار بهار خشک');
    expect(a.dek?.startsWith('آرد فروشان می\u200Cگویند')).toBe(true);
    expect(a.authors).toEqual(['احمد آزمایشی', 'مریم نمونه']);
    expect(a.date).toBe('2018-03-09'); // ۱۸ حوت ۱۳۹۶
    // The masthead is gone and the paragraph split after "نان" is whole again.
    expect(a.body).not.toContain('afgazad');
    expect(a.body).not.toContain('چو کشور نباشد');
    expect(a.body).toContain('برای نان می\u200Cپردازد');
    expect(a.body.split('\n\n')).toHaveLength(4);
  });

  it('rejoins English paragraphs broken mid-sentence and undoes escaped dollars', () => {
    const a = parseLegacyExport(readFileSync(join(legacy, 'en-herat-wheat.txt'), 'utf8'));
    expect(a.section).toBe('en');
    expect(a.source?.name).toBe('The Diplomat');
    expect(a.authors).toEqual(['Test Writer', 'Second Author']);
    expect(a.body).toContain('to the price a family pays for bread.');
    expect(a.body).toContain('about $12 in October');
    expect(a.body).not.toContain('\\$');
    expect(a.notes).toEqual(['body: rejoined paragraphs the export had split mid-sentence: "…end, to the / price a family…"']);
    expect(a.doubts).toEqual([]);
  });

  it.each([
    ['January 13, 2017', '2017-01-13'],
    ['Friday, 13 Jan. 2017', '2017-01-13'],
    ['۲۴ جدی ۱۳۹۵', '2017-01-13'],
    ['24 جدی 1395', '2017-01-13'],
    ['۲۴ دی ۱۳۹۵', '2017-01-13'],
    ['تاریخ: جمعه 24 دی 1395 هـ ش', '2017-01-13'],
    ['۱۳ جنوری ۲۰۱۷', '2017-01-13'],
    ['1395/10/24', '2017-01-13'],
  ])('reads the date line "%s"', (line, iso) => {
    expect(parseLegacyDate(line)).toEqual({ iso });
  });

  it('reports an impossible date instead of guessing', () => {
    expect(parseLegacyDate('February 30, 2017')).toEqual({ invalid: expect.stringContaining('does not exist') });
    expect(parseLegacyDate('۳۱ حوت ۱۳۹۵')).toEqual({ invalid: expect.stringContaining('Solar Hijri') });
  });

  it('prints what it could not determine and writes a draft that passes the check', async () => {
    const content = tempContent();
    const { status, stdout } = await run('import', [join(legacy, 'en-missing-fields.txt'), '--content', content]);
    expect(status).toBe(0);
    expect(stdout).toContain('(draft: 4 TODOs to resolve)');
    for (const doubt of ['TODO dek: the export has no bold standfirst', 'TODO authors: the export has no author line (By …, «نوشته: …»)', 'TODO date: the export has no date line', 'TODO sources[0].name: "kabul-observer.example" is only the domain']) {
      expect(stdout).toContain(doubt);
    }
    const text = readFileSync(join(content, 'articles/en/solar-panels-spread-across-rooftops-in-mazar.md'), 'utf8');
    expect(text).toMatch(/^draft: true\b/m);
    expect(await checkContent(content)).toEqual([]);
    // …and the checker will not let it be published with the placeholders in.
    writeFileSync(join(content, 'articles/en/solar-panels-spread-across-rooftops-in-mazar.md'), text.replace('draft: true', 'draft: false'));
    expect((await checkContent(content)).map((p) => p.field).sort()).toEqual(['authors[0]', 'date', 'dek', 'name']);
  });

  it('never publishes a doubt: a likely misspelt outlet domain makes a draft with a TODO on the address and the name', async () => {
    const content = tempContent();
    const r = await run('import', [join(legacy, 'en-misspelt-source.txt'), '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('TODO sources[0].url: thediomat.com looks like a misspelling of thediplomat.com (The Diplomat)');
    const file = join(content, 'articles/en/azerbaijans-growing-military-cooperation-with-pakistan.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^ {4}url: "http:\/\/thediomat\.com\/.*"   # TODO: thediomat\.com looks like a misspelling of thediplomat\.com/m);
    expect(text).toMatch(/^ {2}- name: "thediomat\.com"   # TODO: /m);
    expect(text).toMatch(/^draft: true\b/m);
    expect(await checkContent(content)).toEqual([]);
    writeFileSync(file, text.replace(/^draft: true.*$/m, 'draft: false'));
    expect((await checkContent(content)).map((p) => p.field).sort()).toEqual(['name', 'url']);
    // Resolving the doubts (and deleting their TODOs) is what lets it be published.
    const resolved = text
      .replace(/^draft: true.*$/m, 'draft: false')
      .replace(/^ {2}- name: .*$/m, '  - name: "The Diplomat"')
      .replace(/^ {4}url: .*$/m, '    url: "https://thediplomat.com/2017/01/azerbaijans-growing-military-cooperation-with-pakistan/"');
    writeFileSync(file, resolved);
    expect(await checkContent(content)).toEqual([]);
  });

  it.each(readdirSync(legacy).filter((f) => f.endsWith('.txt')))('writes every doubt about %s as a TODO: naming it, in a draft', (fixture) => {
    const article = parseLegacyExport(readFileSync(join(legacy, fixture), 'utf8'));
    const result = toContentFile(article, { today: '2024-03-21' });
    expect(result.draft).toBe(result.doubts.length > 0);
    for (const d of result.doubts) {
      // In a comment as written, or inside a quoted value with its quotes escaped.
      const todo = `${PLACEHOLDER} ${['slug', 'section'].includes(d.field) ? `${d.field}: ` : ''}${d.message}`;
      expect(result.text.includes(todo) || result.text.includes(JSON.stringify(todo).slice(1, -1)), `${d.field}: ${todo}`).toBe(true);
    }
    if (!result.draft) expect(result.text).not.toContain(PLACEHOLDER);
  });

  it.each([
    ['an impossible date', (t: string) => t.replace('January 13, 2017', 'February 30, 2017'), 'date', /"February 30, 2017" is not a real day/],
    ['no section label', (t: string) => t.replace('European Languages', '').replace('زبان های اروپایی', ''), 'section', /went to en\/ by the title's script/],
    ['no address of the original', (t: string) => t.replace(/^<http:\/\/thediomat[^>]*>$/m, ''), 'sources', /no address of the original/],
    ['an unknown outlet', (t: string) => t.replace('thediomat.com', 'kabulnow.example'), 'sources[0].name', /is only the domain/],
    ['a translator but no author', (t: string) => t.replace('By Fuad Shahbazov', 'Translated by Test Translator'), 'authors', /names only the translator \(Test Translator\), no author/],
  ])('treats %s as a doubt', (_, change, field, message) => {
    const text = change(readFileSync(join(legacy, 'en-misspelt-source.txt'), 'utf8'));
    const result = toContentFile(parseLegacyExport(text), { today: '2024-03-21' });
    expect(result.draft).toBe(true);
    expect(result.doubts.find((d) => d.field === field)?.message).toMatch(message);
    expect(result.text).toMatch(new RegExp(`${PLACEHOLDER}.*${message.source}`));
  });

  it('reads a domain as misspelt only when it is close to a known one for its length', () => {
    expect(outletOf('http://thediomat.com/x').nearest?.domain).toBe('thediplomat.com');
    expect(outletOf('https://www.reuter.com/x').nearest?.domain).toBe('reuters.com');
    expect(outletOf('https://aljazera.com/x').nearest?.domain).toBe('aljazeera.com');
    // Real outlets a letter or two from a known short name are not typos.
    expect(outletOf('https://www.rt.com/x').nearest).toBeUndefined();
    expect(outletOf('https://abc.com/x').nearest).toBeUndefined();
    expect(outletOf('https://thediplomat.com/x')).toEqual({ name: 'The Diplomat', known: true });
  });

  it('writes files that pass npm run check', async () => {
    const content = tempContent();
    expect((await run('import', [...readdirSync(legacy).filter((f) => f.endsWith('.txt')).map((f) => join(legacy, f)), '--content', content])).status).toBe(0);
    expect(await checkContent(content)).toEqual([]);
  });

  it('refuses to overwrite an existing file and leaves it unchanged', async () => {
    const content = tempContent();
    const file = join(legacy, 'en-herat-wheat.txt');
    expect((await run('import', [file, '--content', content])).status).toBe(0);
    const target = join(content, 'articles/en/herats-wheat-markets-brace-for-a-dry-spring.md');
    writeFileSync(target, 'an editor has been working on this\n');
    const again = await run('import', [file, '--content', content]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists and was left unchanged');
    expect(readFileSync(target, 'utf8')).toBe('an editor has been working on this\n');
  });

  it('exits non-zero on a file it cannot read, and still imports the others', async () => {
    const content = tempContent();
    const binary = join(content, 'not-text.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3]));
    const r = await run('import', [join(content, 'missing.txt'), binary, join(legacy, 'fa-herat-wheat.txt'), '--content', content]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: cannot read: ENOENT/);
    expect(r.stderr).toMatch(/not-text\.txt: cannot read: it is not UTF-8 text/);
    expect(readdirSync(join(content, 'articles/fa'))).toEqual(['herat-wheat-prices-spring.md']);
  });
});

describe('npm run import: a piece the archive already holds', () => {
  const archive = join(legacy, 'archive');
  const withArchive = () => {
    const content = tempContent();
    cpSync(archive, join(content, 'articles'), { recursive: true });
    return content;
  };
  const export_ = readFileSync(join(legacy, 'en-misspelt-source.txt'), 'utf8');

  it('names the file that holds it, writes nothing and exits 0 (a misspelt source domain read as corrected)', async () => {
    const content = withArchive();
    const r = await run('import', [join(legacy, 'en-misspelt-source.txt'), '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`the archive already holds it as ${join(content, 'articles/en/azerbaijan-pakistan-military-cooperation.md')}`);
    expect(r.stdout).toContain('same source once corrected, https://thediplomat.com/2017/01/');
    expect(readdirSync(join(content, 'articles/en'))).toEqual(['azerbaijan-pakistan-military-cooperation.md']);
  });

  it('recognises the same title and date, also the original title a republished piece keeps in its source', async () => {
    const content = withArchive();
    const other = join(content, 'other-address.txt');
    writeFileSync(other, export_.replace(/^<http:\/\/thediomat[^>]*>$/m, '<https://example.org/some/other/address>'));
    const r = await run('import', [other, '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`already holds it as ${join(content, 'articles/en/azerbaijan-pakistan-military-cooperation.md')} (same title and date`);
    // Another day is another piece.
    writeFileSync(other, export_.replace('January 13, 2017', 'January 14, 2017').replace(/^<http:\/\/thediomat[^>]*>$/m, '<https://example.org/x>'));
    expect((await run('import', [other, '--content', content])).stdout).toContain('→');
  });

  it('only looks in the same section: the Dari translation of a piece shares its source', async () => {
    const content = withArchive();
    rmSync(join(content, 'articles/en/azerbaijan-pakistan-military-cooperation.md'));
    const r = await run('import', [join(legacy, 'en-misspelt-source.txt'), '--content', content]);
    expect(r.status).toBe(0);
    expect(readdirSync(join(content, 'articles/en'))).toEqual(['azerbaijans-growing-military-cooperation-with-pakistan.md']);
  });

  it('holds a second export of the same piece in one run, and says how many of each', async () => {
    const content = tempContent();
    const file = join(legacy, 'fa-herat-wheat.txt');
    const r = await run('import', [file, file, '--content', content]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${file}: not imported; the archive already holds it as ${join(content, 'articles/fa/herat-wheat-prices-spring.md')} (same source, https://www.bbc.com/persian/afghanistan/herat-wheat-prices-spring)`);
    expect(r.stdout).toContain('1 imported (0 as drafts), 1 already in the archive, 0 not imported.');
  });

  it('compares addresses whatever the scheme, www., trailing slash, tracking parameters or escapes', () => {
    const key = sourceKey('https://thediplomat.com/2017/01/x/');
    for (const url of ['http://www.thediplomat.com/2017/01/x', 'https://THEDIPLOMAT.com/2017/01/x/?utm_source=rss#top']) expect(sourceKey(url), url).toBe(key);
    expect(sourceKey('https://www.bbc.com/persian/%d8%a8')).toBe(sourceKey('https://bbc.com/persian/ب/'));
    expect(sourceKey('https://thediplomat.com/2017/01/y/')).not.toBe(key);
    expect(sourceKey('javascript:alert(1)')).toBeUndefined();
  });

  it('compares Dari titles whatever their Arabic or Persian letters and ZWNJs', () => {
    const piece: ArchivedPiece = { file: 'content/articles/fa/a.md', section: 'fa', title: 'کتاب‌فروشی‌های کابل', date: '2017-01-13', sources: [] };
    expect(findHeld({ section: 'fa', title: 'كتابفروشي‌هاي كابل', date: '2017-01-13', urls: [] }, [piece])?.file).toBe(piece.file);
    expect(findHeld({ section: 'fa', title: 'کتاب‌فروشی‌های هرات', date: '2017-01-13', urls: [] }, [piece])).toBeUndefined();
    expect(findHeld({ section: 'en', title: 'کتاب‌فروشی‌های کابل', date: '2017-01-13', urls: [] }, [piece])).toBeUndefined();
  });
});

describe('npm run new', () => {
  it('creates a draft with every field and today\'s Kabul date that passes the check', async () => {
    const content = tempContent();
    const r = await run('new', ['--lang', 'en', '--title', 'Wheat prices climb in Herat', '--content', content]);
    expect(r.status).toBe(0);
    const text = readFileSync(join(content, 'articles/en/wheat-prices-climb-in-herat.md'), 'utf8');
    for (const field of ['title', 'dek', 'authors', 'date', 'updated', 'sources', 'name', 'url', 'translationKey', 'tags', 'draft']) {
      expect(text).toMatch(new RegExp(`^\\s*(?:# |- )?${field}:`, 'm'));
    }
    expect(text).toContain(`date: ${isoDay(new Date())}`);
    expect(text).toMatch(/^draft: true$/m);
    expect(await checkContent(content)).toEqual([]);
  });

  it('keeps a Dari title byte for byte and needs an ASCII --slug for it', async () => {
    const content = tempContent();
    const title = 'قیمت گندم در هرات بالا می\u200Cرود';
    const without = await run('new', ['--lang', 'fa', '--title', title, '--content', content]);
    expect(without.status).toBe(1);
    expect(without.stderr).toContain('--slug');
    expect((await run('new', ['--lang', 'fa', '--title', title, '--slug', 'qimat-gandom-herat', '--content', content])).status).toBe(0);
    expect(readFileSync(join(content, 'articles/fa/qimat-gandom-herat.md'), 'utf8')).toContain(`title: "${title}"`);
  });

  it('with no arguments, says what is missing, with the usage and examples, and exits non-zero', async () => {
    const none = await run('new', []);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      [
        'new: missing --lang (the section or language: fa, ps, en, de) and --title (the title, in quotes)',
        'usage: npm run new -- --lang fa|ps|en|de --title "Title" [--slug ascii-slug]',
        'example: npm run new -- --lang fa --title "قیمت گندم در هرات بالا می‌رود" --slug qimat-gandom-herat',
        '         npm run new -- --lang en --title "Wheat prices climb in Herat" --slug wheat-prices-herat',
        '',
      ].join('\n'),
    );
    expect((await run('new', ['--lang', 'en'])).stderr).toMatch(/^new: missing --title \(the title, in quotes\)\nusage: /);
  });

  it('suggests pairing a Dari piece with a version in another section (English first), which passes the check once both lines are uncommented', async () => {
    const content = tempContent();
    const fa = await run('new', ['--lang', 'fa', '--title', 'بند سلما', '--slug', 'band-salma', '--content', content]);
    expect(fa.stdout).toContain('A version in another section: npm run new -- --lang en --title "…" --slug band-salma, then remove the # before translationKey in both files.');
    const file = (section: string) => join(content, `articles/${section}/band-salma.md`);
    expect(readFileSync(file('fa'), 'utf8')).toMatch(
      /^# translationKey: band-salma {3}\(a version in content\/articles\/en\/ or content\/articles\/ps\/\? Give it this line too and remove the # in both\)$/m,
    );
    expect((await run('new', ['--lang', 'en', '--title', 'Salma dam', '--slug', 'band-salma', '--content', content])).status).toBe(0);
    expect(readFileSync(file('en'), 'utf8')).toMatch(/^# translationKey: band-salma {3}\(a version in content\/articles\/fa\/ or content\/articles\/ps\/\?/m);
    for (const section of ['fa', 'en']) writeFileSync(file(section), readFileSync(file(section), 'utf8').replace(/^# (translationKey: band-salma) .*$/m, '$1'));
    expect(await checkContent(content)).toEqual([]);
  });

  it('refuses a bad --slug and an unknown --lang', async () => {
    const content = tempContent();
    expect((await run('new', ['--lang', 'en', '--title', 'X', '--slug', 'Bad Slug', '--content', content])).stderr).toMatch(/contains a space/);
    const unknown = await run('new', ['--lang', 'uz', '--title', 'X', '--content', content]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/--lang must be one of fa, ps, en, de\n/);
  });

  it('puts a piece in a further language of a section in that section\'s folder, with lang: and that language\'s placeholders', async () => {
    const content = tempContent();
    const r = await run('new', ['--lang', 'de', '--title', 'Weizenpreise in Herat', '--content', content]);
    expect(r.status).toBe(0);
    const text = readFileSync(join(content, 'articles/en/weizenpreise-in-herat.md'), 'utf8');
    expect(text).toMatch(/^lang: de$/m);
    expect(text).toMatch(/^dek: "TODO: .*"$/m);
    expect(await checkContent(content)).toEqual([]);
    const pashto = await run('new', ['--lang', 'ps', '--title', 'د هرات د غنمو بیې', '--slug', 'herat-ghanam', '--content', content]);
    expect(pashto.status).toBe(0);
    expect(readFileSync(join(content, 'articles/ps/herat-ghanam.md'), 'utf8')).not.toMatch(/^lang:/m);
    expect(await checkContent(content)).toEqual([]);
  });

  it('refuses to overwrite an existing file', async () => {
    const content = tempContent();
    const args = ['--lang', 'en', '--title', 'Wheat prices', '--content', content];
    expect((await run('new', args)).status).toBe(0);
    const target = join(content, 'articles/en/wheat-prices.md');
    writeFileSync(target, 'work in progress\n');
    const again = await run('new', args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(target, 'utf8')).toBe('work in progress\n');
  });
});

describe('scripts/import.ts and scripts/new.ts', () => {
  /** Two like working folders, one for the script and one for the function, so paths in the output are the same. */
  const twoFolders = (setup: (dir: string) => void) => [tempContent(), tempContent()].map((dir) => (setup(dir), dir)) as [string, string];
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true }).map(String).sort().map((f) => [f, statSync(join(dir, f)).isFile() ? readFileSync(join(dir, f), 'utf8') : '']);

  // The one real process of each script here (the `new` under a fixed clock is in kabul-day.test.ts).
  it('import: exits, prints to stderr and stdout, and writes exactly what runImport does, paths as typed', async () => {
    const [forScript, forFunction] = twoFolders((dir) => {
      cpSync(join(legacy, 'archive'), join(dir, 'content/articles'), { recursive: true });
      for (const f of ['en-misspelt-source.txt', 'fa-herat-wheat.txt']) cpSync(join(legacy, f), join(dir, f));
    });
    const args = ['missing.txt', 'en-misspelt-source.txt', 'fa-herat-wheat.txt', 'fa-herat-wheat.txt', '--content', 'content'];
    const script = spawnSync(process.execPath, [join(projectRoot, 'scripts/import.ts'), ...args], { cwd: forScript, encoding: 'utf8' });
    const core = await runImport(args, { cwd: forFunction });
    expect([script.status, script.stderr, script.stdout]).toEqual([core.exitCode, core.stderr, core.stdout]);
    expect(script.status).toBe(1);
    expect(script.stderr).toMatch(/^missing\.txt: cannot read: ENOENT/);
    expect(script.stdout).toContain('en-misspelt-source.txt: not imported; the archive already holds it as content/articles/en/azerbaijan-pakistan-military-cooperation.md');
    expect(script.stdout).toContain('fa-herat-wheat.txt → content/articles/fa/herat-wheat-prices-spring.md\n');
    expect(script.stdout).toContain('\n1 imported (0 as drafts), 2 already in the archive, 1 not imported.\n');
    expect(files(forScript)).toEqual(files(forFunction));
  });

  it('new: exits, and prints to stderr and stdout, exactly what runNew returns', async () => {
    const [forScript, forFunction] = twoFolders((dir) => {
      mkdirSync(join(dir, 'content/articles/en'), { recursive: true });
      writeFileSync(join(dir, 'content/articles/en/wheat-prices.md'), 'work in progress\n');
    });
    const args = ['--lang', 'en', '--title', 'Wheat prices', '--content', 'content'];
    const script = spawnSync(process.execPath, [join(projectRoot, 'scripts/new.ts'), ...args], { cwd: forScript, encoding: 'utf8' });
    const core = await runNew(args, { cwd: forFunction });
    expect([script.status, script.stderr, script.stdout]).toEqual([core.exitCode, core.stderr, core.stdout]);
    expect(script.status).toBe(1);
    expect(script.stderr).toMatch(/^new: content\/articles\/en\/wheat-prices\.md already exists; it was not changed\. Choose another --slug\.\nusage: npm run new -- /);
    expect(files(forScript)).toEqual(files(forFunction));
  });
});

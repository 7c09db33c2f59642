/**
 * The editor tools, run as editors run them (`node scripts/….ts`), always
 * against a temporary content folder: `npm run import` and `npm run new`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLegacyDate, parseLegacyExport } from '../../src/editor/legacy.ts';
import { isoDay } from '../../src/utils/dates.ts';
import { checkContent } from '../../src/validation/check.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

const legacy = join(projectRoot, 'tests/fixtures/legacy');
const tempContent = () => tempDir('aa-content-');

function run(script: 'import' | 'new', args: string[]) {
  const r = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run import', () => {
  it.each([
    ['en-herat-wheat.txt', 'articles/en/herats-wheat-markets-brace-for-a-dry-spring.md'],
    ['fa-herat-wheat.txt', 'articles/fa/herat-wheat-prices-spring.md'],
    ['fa-iranian-months.txt', 'articles/fa/article-2017-01-13.md'],
  ])('converts %s to the expected frontmatter and body', (fixture, rel) => {
    const content = tempContent();
    const { status } = run('import', [join(legacy, fixture), '--content', content]);
    expect(status).toBe(0);
    expect(readFileSync(join(content, rel), 'utf8')).toBe(readFileSync(join(legacy, 'expected', rel), 'utf8'));
  });

  it('recognises section, source, title, dek, authors and Solar Hijri dates in a Dari export', () => {
    const a = parseLegacyExport(readFileSync(join(legacy, 'fa-herat-wheat.txt'), 'utf8'));
    expect(a.lang).toBe('fa');
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
    expect(a.lang).toBe('en');
    expect(a.source?.name).toBe('The Diplomat');
    expect(a.authors).toEqual(['Test Writer', 'Second Author']);
    expect(a.body).toContain('to the price a family pays for bread.');
    expect(a.body).toContain('about $12 in October');
    expect(a.body).not.toContain('\\$');
    expect(a.notes).toEqual(['body: rejoined 1 paragraph(s) the export had split mid-sentence']);
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
    const { status, stdout } = run('import', [join(legacy, 'en-missing-fields.txt'), '--content', content]);
    expect(status).toBe(0);
    expect(stdout).toContain('(draft)');
    for (const note of ['dek: no bold standfirst', 'authors: no "By …"', 'date: no date line', 'sources[0].name: "kabul-observer.example" is only the domain']) {
      expect(stdout).toContain(note);
    }
    const text = readFileSync(join(content, 'articles/en/solar-panels-spread-across-rooftops-in-mazar.md'), 'utf8');
    expect(text).toMatch(/^draft: true$/m);
    expect(await checkContent(content)).toEqual([]);
    // …and the checker will not let it be published with the placeholders in.
    writeFileSync(join(content, 'articles/en/solar-panels-spread-across-rooftops-in-mazar.md'), text.replace('draft: true', 'draft: false'));
    expect((await checkContent(content)).map((p) => p.field).sort()).toEqual(['authors[0]', 'date', 'dek']);
  });

  it('writes files that pass npm run check', async () => {
    const content = tempContent();
    expect(run('import', [...readdirSync(legacy).filter((f) => f.endsWith('.txt')).map((f) => join(legacy, f)), '--content', content]).status).toBe(0);
    expect(await checkContent(content)).toEqual([]);
  });

  it('refuses to overwrite an existing file and leaves it unchanged', () => {
    const content = tempContent();
    const file = join(legacy, 'en-herat-wheat.txt');
    expect(run('import', [file, '--content', content]).status).toBe(0);
    const target = join(content, 'articles/en/herats-wheat-markets-brace-for-a-dry-spring.md');
    writeFileSync(target, 'an editor has been working on this\n');
    const again = run('import', [file, '--content', content]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists and was left unchanged');
    expect(readFileSync(target, 'utf8')).toBe('an editor has been working on this\n');
  });

  it('exits non-zero on a file it cannot read, and still imports the others', () => {
    const content = tempContent();
    const binary = join(content, 'not-text.txt');
    writeFileSync(binary, Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0xc3]));
    const r = run('import', [join(content, 'missing.txt'), binary, join(legacy, 'fa-herat-wheat.txt'), '--content', content]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: cannot read: ENOENT/);
    expect(r.stderr).toMatch(/not-text\.txt: cannot read: it is not UTF-8 text/);
    expect(readdirSync(join(content, 'articles/fa'))).toEqual(['herat-wheat-prices-spring.md']);
  });
});

describe('npm run new', () => {
  it('creates a draft with every field and today\'s Kabul date that passes the check', async () => {
    const content = tempContent();
    const r = run('new', ['--lang', 'en', '--title', 'Wheat prices climb in Herat', '--content', content]);
    expect(r.status).toBe(0);
    const text = readFileSync(join(content, 'articles/en/wheat-prices-climb-in-herat.md'), 'utf8');
    for (const field of ['title', 'dek', 'authors', 'date', 'updated', 'sources', 'name', 'url', 'translation', 'tags', 'draft']) {
      expect(text).toMatch(new RegExp(`^\\s*(?:# |- )?${field}:`, 'm'));
    }
    expect(text).toContain(`date: ${isoDay(new Date())}`);
    expect(text).toMatch(/^draft: true$/m);
    expect(await checkContent(content)).toEqual([]);
  });

  it('keeps a Dari title byte for byte and needs an ASCII --slug for it', () => {
    const content = tempContent();
    const title = 'قیمت گندم در هرات بالا می\u200Cرود';
    const without = run('new', ['--lang', 'fa', '--title', title, '--content', content]);
    expect(without.status).toBe(1);
    expect(without.stderr).toContain('--slug');
    expect(run('new', ['--lang', 'fa', '--title', title, '--slug', 'qimat-gandom-herat', '--content', content]).status).toBe(0);
    expect(readFileSync(join(content, 'articles/fa/qimat-gandom-herat.md'), 'utf8')).toContain(`title: "${title}"`);
  });

  it('refuses a bad --slug and an unknown --lang', () => {
    const content = tempContent();
    expect(run('new', ['--lang', 'en', '--title', 'X', '--slug', 'Bad Slug', '--content', content]).stderr).toMatch(/contains a space/);
    expect(run('new', ['--lang', 'de', '--title', 'X', '--content', content]).status).toBe(1);
  });

  it('refuses to overwrite an existing file', () => {
    const content = tempContent();
    const args = ['--lang', 'en', '--title', 'Wheat prices', '--content', content];
    expect(run('new', args).status).toBe(0);
    const target = join(content, 'articles/en/wheat-prices.md');
    writeFileSync(target, 'work in progress\n');
    const again = run('new', args);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    expect(readFileSync(target, 'utf8')).toBe('work in progress\n');
  });
});

/**
 * The date rules in `npm run check`: the shared cases (copied into
 * tests/fixtures/dates/) run through the command (`runCheck`, what the
 * script runs), and the same kinds of
 * input in every date field (`date`, `updated`, `sources[N].date`) through
 * the checker itself. Also: every reader of frontmatter sees the strings the
 * editor typed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { checkFiles, formatProblem } from '../../src/validation/check.ts';
import { readFrontmatter } from '../../src/validation/frontmatter.ts';
import { runCheck } from '../../src/validation/run-check.ts';
import { projectRoot } from '../helpers/paths.ts';

const fixtures = 'tests/fixtures/dates';

async function check(root: string) {
  const run = await runCheck([root], { cwd: projectRoot });
  return { status: run.exitCode, lines: run.stderr.split('\n').filter(Boolean), stdout: run.stdout };
}

const solarHijriCase = readFileSync(join(projectRoot, fixtures, 'solar-hijri-typed/articles/fa/dahliz-yaddasht.md'), 'utf8');
const kabulDayCase = readFileSync(join(projectRoot, fixtures, 'kabul-day/articles/fa/case4-emrooz.md'), 'utf8');

/** The checker's lines for one Dari file whose frontmatter `edit` changes. */
function problemsOf(edit: (text: string) => string, source = kabulDayCase): string[] {
  return checkFiles([{ rel: 'articles/fa/x.md', display: 'content/articles/fa/x.md', source: edit(source) }]).map(formatProblem);
}

describe('npm run check on the date cases', () => {
  it('refuses a Solar Hijri date typed into date, naming the file, the field, its reading and the Gregorian date to write', async () => {
    const root = `${fixtures}/solar-hijri-typed`;
    const { status, lines } = await check(root);
    expect(status).toBe(1);
    expect(lines).toContain(
      `${root}/articles/fa/dahliz-yaddasht.md: date: date "1399-05-24" looks like a Solar Hijri date, 24 Asad 1399 (۲۴ اسد ۱۳۹۹); dates here are Gregorian: write 2020-08-14`,
    );
  });

  it('refuses updated earlier than date, naming the file, the field and both values', async () => {
    const root = `${fixtures}/updated-before-date`;
    const { status, lines } = await check(root);
    expect(status).toBe(1);
    expect(lines).toContain(
      `${root}/articles/en/case28-updated.md: updated: updated (2024-05-01) is earlier than date (2024-05-10); ` +
        'updated is the day of the last substantive change, on or after date: correct it, or remove it',
    );
  });

  it('passes an article dated today', async () => {
    const { status, stdout } = await check(`${fixtures}/kabul-day`);
    expect(status).toBe(0);
    expect(stdout).toContain('all files pass');
  });
});

describe('the same rules in every date field', () => {
  const sourceDate = (value: string) => (t: string) => t.replace(/(url: "[^"]+")\n/, `$1\n    date: ${value}\n`);
  const updated = (value: string) => (t: string) => t.replace(/^date: .*$/m, (l) => `${l}\nupdated: ${value}`);

  it('refuses a Solar Hijri date in updated and in a source date, naming the field', () => {
    expect(problemsOf(updated('1404-02-20'))).toEqual([
      'content/articles/fa/x.md: updated: updated "1404-02-20" looks like a Solar Hijri date, 20 Sawr 1404 (۲۰ ثور ۱۴۰۴); dates here are Gregorian: write 2025-05-10',
    ]);
    expect(problemsOf(sourceDate('1399-05-24'))).toEqual([
      'content/articles/fa/x.md: sources[0].date: source date "1399-05-24" looks like a Solar Hijri date, 24 Asad 1399 (۲۴ اسد ۱۳۹۹); dates here are Gregorian: write 2020-08-14',
    ]);
  });

  it('gives the Solar Hijri message for a Solar Hijri date in Eastern digits, quoted or not', () => {
    const [line] = problemsOf((t) => t.replace(/^date: .*$/m, 'date: "۱۳۹۹-۰۵-۲۴"'));
    expect(line).toMatch(/: date: date "۱۳۹۹-۰۵-۲۴" looks like a Solar Hijri date, 24 Asad 1399 .*write 2020-08-14$/);
    expect(problemsOf((t) => t.replace(/^date: .*$/m, 'date: ۱۳۹۹-۰۵-۲۴'))).toEqual([line]);
  });

  it.each([
    ['date', (v: string) => (t: string) => t.replace(/^date: .*$/m, `date: ${v}`)],
    ['updated', updated],
    ['source date', sourceDate],
  ])('reads a Gregorian %s in Eastern or Arabic-Indic digits', (_, put) => {
    expect(problemsOf(put('۲۰۲۵-۰۵-۱۰'))).toEqual([]);
    expect(problemsOf(put('٢٠٢٥-٠٥-١٠'))).toEqual([]);
  });

  it('says what to write for other forms, in any field', () => {
    expect(problemsOf(updated('10/05/2025'))).toEqual([
      'content/articles/fa/x.md: updated: updated "10/05/2025" could be 10 May or 5 October; write the year first: 2025-05-10 for 10 May, 2025-10-05 for 5 October',
    ]);
    expect(problemsOf(sourceDate('2020/08/14'))).toEqual([
      'content/articles/fa/x.md: sources[0].date: source date "2020/08/14" is not written as YYYY-MM-DD; write 2020-08-14',
    ]);
  });

  it('refuses updated before date also when times decide it, and accepts it on or after', () => {
    const both = (date: string, upd: string) => (t: string) => t.replace(/^date: .*$/m, `date: ${date}\nupdated: ${upd}`);
    expect(problemsOf(both('2025-05-10T15:00', '2025-05-10'))).toEqual([
      'content/articles/fa/x.md: updated: updated (2025-05-10) is earlier than date (2025-05-10T15:00:00+04:30); updated is the day of the last substantive change, on or after date: correct it, or remove it',
    ]);
    expect(problemsOf(both('2025-05-10', '2025-05-10'))).toEqual([]);
    expect(problemsOf(both('2025-05-10', '2025-05-10T09:00'))).toEqual([]);
    // An invalid date is reported once, with no order message on top.
    expect(problemsOf(both('2025-02-30', '2025-01-01'))).toEqual([
      'content/articles/fa/x.md: date: date "2025-02-30" does not exist in the calendar',
    ]);
  });

  it('still refuses a date that is not one, and YAML that is not a date string', () => {
    expect(problemsOf((t) => t.replace(/^date: .*$/m, 'date: 20250510'))).toEqual([
      'content/articles/fa/x.md: date: date must be a date like 2017-01-13',
    ]);
  });

  it('keeps the case text byte for byte apart from the date line', () => {
    expect(solarHijriCase).toContain('date: 1399-05-24\n');
    expect(problemsOf((t) => t, solarHijriCase.replace('1399-05-24', '2020-08-14'))).toEqual([]);
  });
});

describe('the one frontmatter reader', () => {
  const source = '---\ndate: 2024-03-19 23:00:00\nupdated: 2017-02-30\ntitle: x\n---\nBody\n';

  it('leaves dates as the strings typed, where YAML’s default schema makes UTC instants and rolls impossible dates', () => {
    const read = readFrontmatter(source);
    expect(read).toMatchObject({ ok: true, data: { date: '2024-03-19 23:00:00', updated: '2017-02-30', title: 'x' }, body: 'Body\n', yamlStartLine: 2 });
    // What the loader and the sitemap used to get from js-yaml's default schema:
    const defaults = yaml.load('date: 2024-03-19 23:00:00\nupdated: 2017-02-30\n') as { date: Date; updated: Date };
    expect(defaults.date.toISOString()).toBe('2024-03-19T23:00:00.000Z');
    expect(defaults.updated.toISOString()).toBe('2017-03-02T00:00:00.000Z');
  });

  it('reports a missing block, broken YAML with its line, and YAML that is not a map', () => {
    expect(readFrontmatter('No frontmatter')).toEqual({ ok: false, problem: 'missing: the file must start with a line of three dashes (---)' });
    expect(readFrontmatter('---\ntitle: "open\n---\nBody\n')).toMatchObject({ ok: false, line: expect.any(Number), problem: expect.stringMatching(/^broken YAML at line \d+: /) });
    expect(readFrontmatter('---\n- a\n- b\n---\nBody\n')).toEqual({ ok: false, problem: 'must be a list of "field: value" lines' });
  });
});

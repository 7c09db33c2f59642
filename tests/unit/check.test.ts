/**
 * `npm run check` over a folder of bad fixtures, one per rule: each must exit
 * non-zero and name the file and the field. Fixtures live in
 * tests/fixtures/invalid/<rule>/ as small content roots. The command runs in
 * this process (`runCheck`, what scripts/check.ts runs); one real run of the
 * script proves it prints the same.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/validation/check.ts';
import { runCheck } from '../../src/validation/run-check.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

const fixtures = 'tests/fixtures';

async function check(root: string) {
  const run = await runCheck([root], { cwd: projectRoot });
  return { status: run.exitCode, stderr: run.stderr, stdout: run.stdout };
}

/** Output with the time the check took (`(412 ms)`) left out, the one part that differs between two runs. */
const untimed = (text: string) => text.replace(/\(\d+ ms\)/g, '(… ms)');

/** rule folder → the file (inside the folder) and field every message must name, and a word of the message. */
const rules: Array<[rule: string, file: string, field: string, says: RegExp]> = [
  ['broken-yaml', 'articles/en/broken-yaml.md', 'frontmatter', /line 2: broken YAML: the quote \("\) that opens the value on this line is never closed/],
  ['missing-title', 'articles/en/missing-title.md', 'title', /is missing/],
  ['missing-authors', 'articles/en/missing-authors.md', 'authors', /is missing/],
  ['missing-date', 'articles/fa/missing-date.md', 'date', /is missing/],
  ['impossible-date', 'articles/en/impossible-date.md', 'date', /"2017-02-30" does not exist/],
  ['date-not-a-date', 'articles/en/date-not-a-date.md', 'date', /is not a date like 2017-01-13/],
  ['outside-language-folder', 'articles/de/weizenpreise.md', 'file', /outside the section folders; articles live directly in content\/articles\/fa\//],
  ['outside-articles-folder', 'wheat-prices.md', 'file', /outside the section folders/],
  ['lang-not-offered', 'articles/fa/weizenpreise.md', 'lang', /German \(de\) is not published in fa\/; articles in fa\/ are in Dari \(leave lang out\)$/],
  ['lang-unknown', 'articles/en/wheat-prices.md', 'lang', /"english" is not a language code of this site; articles in en\/ are in English \(leave lang out\) or German \(lang: de\)/],
  ['not-markdown', 'articles/en/notes.txt', 'file', /not a Markdown/],
  ['unknown-key', 'articles/en/unknown-key.md', 'athors', /unknown field \(did you mean "authors"\?\)/],
  ['missing-frontmatter', 'articles/en/missing-frontmatter.md', 'frontmatter', /missing/],
  ['url-javascript', 'articles/en/url-javascript.md', 'sources[0].url', /absolute http/],
  ['url-mixed-case', 'articles/en/url-mixed-case.md', 'sources[0].url', /JaVaScRiPt:/],
  ['url-data', 'articles/en/url-data.md', 'sources[0].url', /absolute http/],
  ['url-relative', 'articles/en/url-relative.md', 'sources[0].url', /absolute http/],
  ['url-protocol-relative', 'articles/en/url-protocol-relative.md', 'sources[0].url', /absolute http/],
  ['source-without-name', 'articles/en/source-without-name.md', 'sources[0].name', /is missing/],
  ['translation-key-alone', 'articles/en/herat-wheat.md', 'translationKey', /"herat-wheat-prices" is the key of no other article \(did you mean "herat-wheat-price"\?\)/],
  ['translation-same-language', 'articles/en/translation-same-language.md', 'translationKey', /already has a version in English \(.*other-english-piece\.md\)/],
  ['translation-old-field', 'articles/en/one-sided.md', 'translation', /is replaced by translationKey/],
  ['duplicate-url', 'articles/en/wheat-prices.md', 'url', /would also be the URL of .*wheat-prices\u200D\.md/],
  ['slug-space', 'articles/en/wheat prices.md', 'slug', /contains a space/],
  ['slug-uppercase', 'articles/en/Wheat-Prices.md', 'slug', /upper-case/],
  ['slug-invisible', 'articles/en/wheat\u200Bprices.md', 'slug', /invisible character \(U\+200B\)/],
  ['slug-bidi', 'articles/en/wheat-\u202Esecirp.md', 'slug', /bidirectional control character \(U\+202E\)/],
  ['bidi-title', 'articles/en/bidi-title.md', 'title', /bidirectional control character/],
  ['bidi-dek', 'articles/fa/bidi-dek.md', 'dek', /bidirectional control character/],
  ['bidi-author', 'articles/en/bidi-author.md', 'authors[0]', /bidirectional control character/],
  ['empty-body', 'articles/fa/empty-body.md', 'body', /is empty/],
];

describe('npm run check on bad fixtures', () => {
  it('has a table row for every fixture folder', () => {
    expect(readdirSync(join(projectRoot, fixtures, 'invalid')).sort()).toEqual(rules.map(([rule]) => rule).sort());
  });

  it.each(rules)('%s: exits non-zero naming the file and field', async (rule, file, field, says) => {
    const root = `${fixtures}/invalid/${rule}`;
    const { status, stderr } = await check(root);
    expect(status).toBe(1);
    const prefix = `${root}/${file}: ${field}: `;
    const line = stderr.split('\n').find((l) => l.startsWith(prefix));
    expect(line, `no line starting "${prefix}" in:\n${stderr}`).toBeDefined();
    expect(line).toMatch(says);
  });

  it('lists every problem, not only the first', async () => {
    const { stderr } = await check(`${fixtures}/invalid/duplicate-url`);
    // Both files get the duplicate-URL message, and the look-alike slug its own.
    expect(stderr.match(/: url: /g)).toHaveLength(2);
    expect(stderr).toMatch(/: slug: contains an invisible character \(U\+200D\)/);
    expect((await check(`${fixtures}/invalid/unknown-key`)).stderr).toMatch(/authors: is missing[\s\S]*athors: unknown field/);
  });
});

describe('scripts/check.ts', () => {
  // The one real process of this file: the script is a shell over runCheck, so the rest run in this process.
  it('exits, and prints to stderr and stdout, exactly what runCheck returns', async () => {
    const root = `${fixtures}/invalid/duplicate-url`;
    const run = spawnSync(process.execPath, ['scripts/check.ts', root], { cwd: projectRoot, encoding: 'utf8' });
    const core = await runCheck([root], { cwd: projectRoot });
    expect(run.status).toBe(1);
    expect([run.status, untimed(run.stderr), run.stdout]).toEqual([core.exitCode, untimed(core.stderr), core.stdout]);
    expect(run.stderr).toMatch(/^tests\/fixtures\/invalid\/duplicate-url\/articles\/en\/wheat-prices\.md: url: /m);
  });
});

describe('npm run check on good content', () => {
  it('passes the valid fixtures, whose Dari text keeps its zero-width non-joiners', async () => {
    const root = `${fixtures}/valid`;
    const { status, stdout } = await check(root);
    expect(status).toBe(0);
    expect(stdout).toContain('all files pass');
    const text = readFileSync(join(projectRoot, root, 'articles/fa/zero-width-non-joiner-kept.md'), 'utf8');
    expect(text).toContain('\u200C');
  });

  // The fixture archive the suite builds its site from (tests/fixtures/site/); the
  // project's own content/ is judged by `npm run check` alone, never by `npm test`.
  it('passes the test site\'s articles and changes no file in them', async () => {
    const root = `${fixtures}/site`;
    const hash = () => {
      const h = createHash('sha256');
      const dir = join(projectRoot, root);
      for (const f of readdirSync(dir, { recursive: true }).map(String).sort()) {
        h.update(f);
        try { h.update(readFileSync(join(dir, f))); } catch { /* a folder */ }
      }
      return h.digest('hex');
    };
    const before = hash();
    expect((await check(root)).status).toBe(0);
    expect(hash()).toBe(before);
  });

  it('refuses a TODO: placeholder once an article is no longer a draft', async () => {
    const root = tempDir('aa-check-');
    mkdirSync(join(root, 'articles/en'), { recursive: true });
    const text = readFileSync(join(projectRoot, fixtures, 'valid/articles/fa/zero-width-non-joiner-kept.md'), 'utf8');
    writeFileSync(join(root, 'articles/en/todo.md'), text.replace(/^dek: .*$/m, 'dek: "TODO: standfirst"'));
    const problems = await checkContent(root);
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([expect.stringMatching(/^dek: still holds a "TODO:" placeholder/)]);
  });

  // How long it takes is the benchmark's business (`npm run bench` times the content check); here, that it copes.
  it('checks 10,000 articles and finds nothing wrong with good ones', async () => {
    const root = tempDir('aa-bulk-');
    const text = readFileSync(join(projectRoot, fixtures, 'valid/articles/fa/zero-width-non-joiner-kept.md'), 'utf8');
    // Every article the same bytes: hard links to one copy (outside the content root) are laid down faster than 10,000 writes.
    const original = join(tempDir('aa-bulk-text-'), 'article.md');
    writeFileSync(original, text);
    for (const lang of ['en', 'fa']) {
      mkdirSync(join(root, 'articles', lang), { recursive: true });
      for (let i = 0; i < 5000; i++) linkSync(original, join(root, 'articles', lang, `article-${i}.md`));
    }
    expect(await checkContent(root)).toEqual([]);
  }, 180_000); // a guard against a hang, not a speed target (speed: npm run bench)
});

/**
 * The check's kept verdicts (`src/validation/verdicts.ts`): a check that
 * reuses them says exactly what a check from scratch says, sees every edit
 * (even one that puts the modification time back), and survives a cache
 * file that is corrupt or not its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkContent, type CheckedArticle } from '../../src/validation/check.ts';
import { RACY_MS, stampOf, Verdicts, verdictsFile, verdictsKey } from '../../src/validation/verdicts.ts';
import { projectRoot } from '../helpers/paths.ts';
import { tempDir } from '../helpers/temp.ts';

const meta = (id: string, extra = '') =>
  `title: Test ${id}\ndek: A test.\nauthors: [Tester]\nsources:\n  - name: Example\n    url: https://example.org/${id}\ndate: 2024-05-10\n${extra}`;

/** A content folder whose check gives errors and warnings of every kind: one file's own, across files, in bodies, in pictures. */
function fixture(): string {
  const content = tempDir('aa-verdicts-');
  const write = (rel: string, text: string) => {
    mkdirSync(join(content, 'articles', rel, '..'), { recursive: true });
    writeFileSync(join(content, 'articles', rel), text);
  };
  write('en/good.md', `---\n${meta('good', 'tags: ["kabul"]\n')}---\n\nSee [nothing](/en/2020/01/nowhere/) and [the draft](/en/2024/05/draft/).\n\n![A map](./good/map.png)\n`);
  write('en/draft.md', `---\n${meta('draft', 'draft: true\n')}---\n\nNot yet.\n`);
  write('en/no-title.md', `---\n${meta('x').replace(/^title: .*\n/, '')}---\n\nText.\n`);
  write('fa/lonely.md', `---\n${meta('lonely', 'translationKey: lonely-piece\ntags: ["!!!"]\n')}---\n\nمتن.\n`);
  write('en/unknown-field.md', `---\n${meta('unknown', 'titel: Typo\n')}---\n\n<form><input></form>Text.\n`);
  write('en/broken.md', '---\ntitle: "open\ndek: x\n---\n\nText.\n');
  write('en/orphan/photo.jpg', 'not a picture');
  return content;
}

/** Every check here sees its files as settled (changed more than `RACY_MS` ago), so kept verdicts are trusted by stat. */
function settle() {
  const now = Date.now.bind(Date);
  vi.spyOn(Date, 'now').mockImplementation(() => now() + 10 * RACY_MS);
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function run(content: string) {
  let articles: CheckedArticle[] = [];
  const problems = await checkContent(content, content, { onArticles: (a) => (articles = [...a]) });
  return { problems, articles: articles.sort((a, b) => (a.id < b.id ? -1 : 1)) };
}

describe('kept verdicts', () => {
  it('give the same errors and warnings, and the same articles, as a check from scratch', async () => {
    settle();
    const content = fixture();
    const cold = await run(content);
    const fields = new Set(cold.problems.map((p) => `${p.field}:${p.severity ?? 'error'}`));
    // The fixture reaches every pass: one file's own rules, the rules across files, bodies, links, pictures, folders.
    for (const f of ['title:error', 'titel:error', 'frontmatter:error', 'translationKey:error', 'tags[0]:error', 'body:warning', 'body:error', 'file:warning']) expect(fields).toContain(f);
    const file = verdictsFile(projectRoot, verdictsKey(content, content, true));
    const kept = statSync(file).mtimeMs;
    const warm = await run(content);
    expect(warm).toEqual(cold);
    // Nothing changed, so nothing was written again.
    expect(statSync(file).mtimeMs).toBeGreaterThanOrEqual(kept);
    expect(readFileSync(file).length).toBeGreaterThan(0);
  });

  it('see a file edited to the same size with its modification time put back', async () => {
    settle();
    const content = fixture();
    const cold = await run(content);
    expect(cold.problems.filter((p) => p.file.endsWith('en/good.md') && p.field === 'tags[0]')).toEqual([]);
    const good = join(content, 'articles/en/good.md');
    const before = statSync(good);
    const text = readFileSync(good, 'utf8');
    // `touch -r` copies the times to the nanosecond, as an editor or a tool that restores them would.
    const times = join(tempDir('aa-verdicts-times-'), 'times');
    writeFileSync(times, '');
    expect(spawnSync('touch', ['-r', good, times]).status).toBe(0);
    writeFileSync(good, text.replace('["kabul"]', '["....."]'));
    expect(spawnSync('touch', ['-r', times, good]).status).toBe(0);
    expect(statSync(good).size).toBe(before.size);
    expect(statSync(good).mtimeMs).toBe(before.mtimeMs);
    const after = await run(content);
    expect(after.problems.filter((p) => p.file.endsWith('en/good.md') && p.field === 'tags[0]')).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/has nothing to make a web address from/) }),
    ]);
    // And put back, the file's first verdict returns (found by its digest).
    writeFileSync(good, text);
    expect(await run(content)).toEqual(cold);
  });

  it('ignore a corrupt or foreign cache file', async () => {
    settle();
    const content = fixture();
    const cold = await run(content);
    const file = verdictsFile(projectRoot, verdictsKey(content, content, true));
    writeFileSync(file, 'not a cache');
    expect(await run(content)).toEqual(cold);
    writeFileSync(file, serialize({ format: 'something else', entries: [1, 2] }));
    expect(await run(content)).toEqual(cold);
    writeFileSync(file, serialize(null));
    expect(await run(content)).toEqual(cold);
    expect(await run(content)).toEqual(cold);
  });
});

describe('Verdicts', () => {
  const stamp = { size: 10, mtimeMs: 1_000, ctimeMs: 1_000, ino: 7 };

  it('trusts a stamp only when every part of it is the same and the change was not recent', () => {
    const root = tempDir('aa-verdicts-root-');
    const first = new Verdicts<string>(root, 'k', 'f1');
    first.keep('a.md', stamp, 'd1', 'verdict a');
    first.keep('b.md', { ...stamp, mtimeMs: Date.now(), ctimeMs: Date.now() }, 'd2', 'verdict b');
    first.save();
    const again = new Verdicts<string>(root, 'k', 'f1');
    expect(again.byStamp('a.md', stamp)?.verdict).toBe('verdict a');
    for (const changed of [{ size: 11 }, { mtimeMs: 1_001 }, { ctimeMs: 1_001 }, { ino: 8 }]) expect(again.byStamp('a.md', { ...stamp, ...changed })).toBeUndefined();
    // Changed just before it was checked: read and compared by digest, never trusted by stat.
    const recent = { ...stamp, mtimeMs: Date.now() - 10, ctimeMs: Date.now() - 10 };
    const racy = new Verdicts<string>(root, 'k2', 'f1');
    racy.keep('c.md', recent, 'd3', 'verdict c');
    racy.save();
    const later = new Verdicts<string>(root, 'k2', 'f1');
    expect(later.byStamp('c.md', recent)).toBeUndefined();
    expect(later.byDigest('c.md', recent, 'd3')).toBe('verdict c');
    expect(later.byDigest('c.md', recent, 'other')).toBeUndefined();
  });

  it('forgets everything when the check itself changes (another fingerprint)', () => {
    const root = tempDir('aa-verdicts-root-');
    const first = new Verdicts<string>(root, 'k', 'f1');
    first.keep('a.md', stamp, 'd1', 'verdict a');
    first.save();
    expect(new Verdicts<string>(root, 'k', 'f2').byStamp('a.md', stamp)).toBeUndefined();
    expect(new Verdicts<string>(root, 'k', 'f2').byDigest('a.md', stamp, 'd1')).toBeUndefined();
    expect(stampOf(statSync(root))).toEqual(expect.objectContaining({ size: expect.any(Number), ino: expect.any(Number) }));
  });
});

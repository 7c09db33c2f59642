import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneOutput } from '../../src/integrations/prune-dist.ts';
import { tempDir } from '../helpers/temp.ts';

const HOUR = 3_600_000;

/** Writes `files` under `root`, every file and folder dated an hour back (a dist/ from an earlier build). */
function oldTree(root: string, files: string[]): void {
  const then = new Date(Date.now() - HOUR);
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), f);
  }
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      utimesSync(p, then, then);
    }
  };
  walk(root);
  utimesSync(root, then, then);
}

const abs = (root: string, files: string[]) => new Set(files.map((f) => join(root, f)));

describe('pruning dist/', () => {
  it('removes what the build did not produce, keeps what it produced or wrote, and the folders it is told to keep', () => {
    const root = tempDir('prune-');
    oldTree(root, ['index.html', 'fa/index.html', 'fa/old/index.html', '_astro/old.css', 'pagefind/x.pf_index', 'robots.txt']);
    writeFileSync(join(root, '_astro/new.css'), 'new'); // written during this build
    const { removed } = pruneOutput(root, abs(root, ['index.html', 'fa/index.html']), Date.now() - 1000, ['pagefind']);
    expect(removed).toBe(3);
    expect(existsSync(join(root, 'fa/old'))).toBe(false);
    expect(existsSync(join(root, '_astro/new.css'))).toBe(true);
    expect(existsSync(join(root, 'pagefind/x.pf_index'))).toBe(true);
    expect(existsSync(join(root, 'robots.txt'))).toBe(false);
  });

  it('with the last snapshot, removes a page no longer produced and sees files added to a folder since', () => {
    const root = tempDir('prune-');
    const pages = ['index.html', 'fa/index.html', 'fa/a/index.html', 'fa/b/index.html', 'en/index.html'];
    oldTree(root, pages);
    const first = pruneOutput(root, abs(root, pages), Date.now() - 1000);
    expect(first.removed).toBe(0);
    const snapshot = { ...first.snapshot, takenAt: Date.now() };

    // Next build: fa/b is unpublished; a stray file appears in en/ (its folder's mtime changes).
    writeFileSync(join(root, 'en/stray.txt'), 'x');
    const then = new Date(Date.now() - HOUR);
    utimesSync(join(root, 'en/stray.txt'), then, then);
    const second = pruneOutput(root, abs(root, pages.filter((p) => p !== 'fa/b/index.html')), Date.now() - 1000, [], snapshot);
    expect(second.removed).toBe(2);
    expect(existsSync(join(root, 'fa/b'))).toBe(false);
    expect(existsSync(join(root, 'en/stray.txt'))).toBe(false);
    expect(existsSync(join(root, 'fa/a/index.html'))).toBe(true);
    // The folders the prune changed are read again next time, not trusted.
    expect(second.snapshot.folders['fa']!.mtimeMs).toBe(-1);
    expect(second.snapshot.folders['fa/a']!.files).toEqual(['index.html']);
  });

  it('trusts a folder record only while the folder is the same one, unchanged', () => {
    const root = tempDir('prune-');
    oldTree(root, ['index.html', 'en/index.html']);
    const { snapshot } = pruneOutput(root, abs(root, ['index.html', 'en/index.html']), Date.now() - 1000);
    // A record that lists a file the folder no longer has (as a forged or stale snapshot would):
    // the folder's mtime no longer matches, so it is read again and nothing breaks.
    const forged = { takenAt: Date.now(), folders: { ...snapshot.folders, en: { ...snapshot.folders['en']!, mtimeMs: 1, files: ['index.html', 'gone.html'] } } };
    const { removed } = pruneOutput(root, abs(root, ['index.html', 'en/index.html']), Date.now() - 1000, [], forged);
    expect(removed).toBe(0);
    expect(existsSync(join(root, 'en/index.html'))).toBe(true);
  });
});

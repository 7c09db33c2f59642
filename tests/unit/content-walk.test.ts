/**
 * The content check's walk (src/validation/content-walk.ts): every file,
 * hidden ones aside, with each folder's listing kept and trusted by the
 * folder's stat, read again when an entry is added, removed or renamed.
 */
import * as fs from 'node:fs';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentFiles, type Listing } from '../../src/validation/content-walk.ts';
import { RACY_MS, Verdicts } from '../../src/validation/verdicts.ts';
import { tempDir } from '../helpers/temp.ts';

vi.mock('node:fs', async (original) => {
  const actual = await original<typeof import('node:fs')>();
  return { ...actual, readdirSync: vi.fn(actual.readdirSync) };
});

/** Every walk here sees the folders as settled (changed more than `RACY_MS` ago), so kept listings are trusted by stat. */
beforeEach(() => {
  const now = Date.now.bind(Date);
  vi.spyOn(Date, 'now').mockImplementation(() => now() + 10 * RACY_MS);
});
afterEach(() => vi.restoreAllMocks());

function site() {
  const project = tempDir('walk-');
  const top = join(project, 'content');
  for (const [file, text] of [
    ['articles/fa/bazar.md', 'a'],
    ['articles/fa/bazar/lead.jpg', 'b'],
    ['articles/fa/bazar/gallery/one.png', 'c'],
    ['articles/fa/.DS_Store', 'd'],
    ['.git/HEAD', 'e'],
  ] as const) {
    mkdirSync(join(top, file, '..'), { recursive: true });
    writeFileSync(join(top, file), text);
  }
  /** One run: the walk with the listings kept by the last, saved after. */
  const walk = () => {
    const listings = new Verdicts<Listing>(project, `${top}\0folders`, 'test');
    const found = contentFiles(top, listings);
    listings.save();
    return found.map((f) => f.rel).sort();
  };
  return { top, walk };
}

const reads = () => vi.mocked(fs.readdirSync).mock.calls.length;

describe('the content walk', () => {
  it('finds every file with its path from the top, hidden files and folders aside', () => {
    const { top, walk } = site();
    expect(walk()).toEqual(['articles/fa/bazar.md', 'articles/fa/bazar/gallery/one.png', 'articles/fa/bazar/lead.jpg']);
    const listings = new Verdicts<Listing>(join(top, '..'), `${top}\0folders`, 'test');
    expect(contentFiles(top, listings).find((f) => f.rel === 'articles/fa/bazar/lead.jpg')?.abs).toBe(join(top, 'articles/fa/bazar/lead.jpg'));
  });

  it('reads no folder again while none changed, and reads one again when an entry is added, removed or renamed', async () => {
    const { top, walk } = site();
    walk();
    const before = reads();
    expect(walk()).toHaveLength(3);
    expect(reads() - before).toBe(0);
    // Past the file system's clock tick, so each change moves the folder's times
    // (a change within the tick is the racy case, which the real clock guards).
    const tick = () => new Promise((resolve) => setTimeout(resolve, 30));

    await tick();
    writeFileSync(join(top, 'articles/fa/bazar/gallery/two.png'), 'f');
    expect(walk()).toContain('articles/fa/bazar/gallery/two.png');
    await tick();
    renameSync(join(top, 'articles/fa/bazar/lead.jpg'), join(top, 'articles/fa/bazar/lead-1.jpg'));
    expect(walk()).toEqual(['articles/fa/bazar.md', 'articles/fa/bazar/gallery/one.png', 'articles/fa/bazar/gallery/two.png', 'articles/fa/bazar/lead-1.jpg']);
    await tick();
    rmSync(join(top, 'articles/fa/bazar/gallery'), { recursive: true });
    mkdirSync(join(top, 'articles/fa/bazar/notes'), { recursive: true });
    writeFileSync(join(top, 'articles/fa/bazar/notes/x.md'), 'g');
    expect(walk()).toEqual(['articles/fa/bazar.md', 'articles/fa/bazar/lead-1.jpg', 'articles/fa/bazar/notes/x.md']);
  });
});

/**
 * The picture memo (src/utils/picture-memo.ts): a warm
 * build reuses a picture's markup only when nothing it depends on changed
 * and every file it names is still in dist/; otherwise it asks the image
 * service again.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { memoized, outputFile, PictureMemo, reusedPictureFiles, setPictureMemo, srcsetUrls, type PictureMemoOptions } from '../../src/utils/picture-memo.ts';
import { tempDir } from '../helpers/temp.ts';

/** A stand-in for `columnPicture`'s result: the files it names and a counter of the calls that made it. */
interface Markup {
  srcset: string;
  src: string;
}
const filesOf = (m: Markup) => [...srcsetUrls(m.srcset), m.src];

/** A dist/ holding `files`, and memo options over it. */
function site(files: string[], generation = 'g1'): PictureMemoOptions {
  const root = tempDir('memo-');
  const outDir = join(root, 'dist');
  for (const f of files) {
    mkdirSync(join(outDir, f, '..'), { recursive: true });
    writeFileSync(join(outDir, f), f);
  }
  return { file: join(root, 'cache', 'picture-memo.json'), outDir, base: '/', generation };
}

const MARKUP: Markup = { srcset: '/_astro/lead_a.webp 360w, /_astro/lead_b.webp 720w', src: '/_astro/lead_c.jpg' };
const FILES = ['_astro/lead_a.webp', '_astro/lead_b.webp', '_astro/lead_c.jpg'];
const KEY = ['column', '/_astro/lead.Ab1.jpg', 1800, 1200, 'jpg', 'Kabul', true];

/** One build: opens the memo, looks `keys` up (each made by a counted call), saves it. */
async function build(options: PictureMemoOptions, keys: unknown[][], markup = MARKUP) {
  const memo = new PictureMemo(options);
  let made = 0;
  const values = [];
  for (const key of keys) values.push(await memo.get(key, filesOf, async () => (made++, markup)));
  memo.save();
  return { memo, made, values };
}

afterEach(() => setPictureMemo(undefined));

describe('the picture memo', () => {
  it('reuses the last build’s markup when the key and generation match and every file is in dist/', async () => {
    const options = site(FILES);
    expect((await build(options, [KEY])).made).toBe(1);
    const warm = await build(options, [KEY]);
    expect(warm.made).toBe(0);
    expect(warm.values[0]).toEqual(MARKUP);
    expect([...warm.memo.reused].sort()).toEqual(FILES.map((f) => join(options.outDir, f)).sort());
  });

  it('makes it again when an option or the picture changed', async () => {
    const options = site(FILES);
    await build(options, [KEY]);
    expect((await build(options, [[...KEY.slice(0, 5), 'Herat', true]])).made).toBe(1); // another alt
    expect((await build(options, [[...KEY.slice(0, 6), false]])).made).toBe(1); // not the lead
    expect((await build(options, [['column', '/_astro/lead.Zz9.jpg', ...KEY.slice(2)]])).made).toBe(1); // new content hash
  });

  it('makes it again when the generation changed (Astro, the image config, the code)', async () => {
    const options = site(FILES);
    await build(options, [KEY]);
    expect((await build({ ...options, generation: 'g2' }, [KEY])).made).toBe(1);
  });

  it('makes it again when one of its files is missing from dist/, or dist/ is gone', async () => {
    const options = site(FILES);
    await build(options, [KEY]);
    rmSync(join(options.outDir, FILES[1]!));
    const pruned = await build(options, [KEY]);
    expect(pruned.made).toBe(1);
    expect(pruned.memo.reused.size).toBe(0);
    rmSync(options.outDir, { recursive: true });
    expect((await build(options, [KEY])).made).toBe(1);
  });

  it('makes it again after a build that did not finish (a file it wrote may be half-written)', async () => {
    const options = site(FILES);
    await build(options, [KEY]);
    new PictureMemo(options); // a build that stopped before saving
    expect((await build(options, [KEY])).made).toBe(1);
    expect((await build(options, [KEY])).made).toBe(0);
  });

  it('forgets what a build did not use, and writes nothing when all was reused', async () => {
    const options = site(FILES);
    const other = ['column', '/_astro/other.Cd2.png', 800, 600, 'png', '', false];
    await build(options, [KEY, other]);
    await build(options, [KEY]);
    expect(Object.keys((JSON.parse(readFileSync(options.file, 'utf8')) as { entries: object }).entries)).toHaveLength(1);
    writeFileSync(options.file, readFileSync(options.file, 'utf8') + ' ');
    await build(options, [KEY]);
    expect(readFileSync(options.file, 'utf8').endsWith(' ')).toBe(true);
  });

  it('names each file once in the memo file, however many results share it', async () => {
    const options = site(FILES);
    const keys = ['Kabul', 'Herat', 'Balkh'].map((alt) => [...KEY.slice(0, 5), alt, true]);
    await build(options, keys);
    const saved = JSON.parse(readFileSync(options.file, 'utf8')) as { files: string[]; entries: Record<string, [unknown, number[]]> };
    expect(saved.files.sort()).toEqual([...FILES].sort());
    expect(Object.values(saved.entries).map(([, files]) => files.length)).toEqual([3, 3, 3]);
    const warm = await build(options, keys);
    expect(warm.made).toBe(0);
    expect(warm.memo.reused.size).toBe(3);
  });

  it('never reuses a result that names a file outside base', async () => {
    const options = site(FILES);
    const outside: Markup = { srcset: '/_astro/lead_a.webp 360w', src: 'https://elsewhere.example/lead.jpg' };
    await build(options, [KEY], outside);
    expect((await build(options, [KEY], outside)).made).toBe(1);
  });

  it('is used only while a build has set it, and says which files the hits kept', async () => {
    const options = site(FILES);
    let made = 0;
    const make = async () => (made++, MARKUP);
    await memoized(KEY, filesOf, make);
    await memoized(KEY, filesOf, make);
    expect(made).toBe(2); // no memo: the dev server, tests
    await build(options, [KEY]);
    setPictureMemo(new PictureMemo(options));
    await memoized(KEY, filesOf, make);
    expect(made).toBe(2);
    expect(reusedPictureFiles().size).toBe(3);
  });
});

describe('image URLs as files in dist/', () => {
  it('strips the base and decodes the name', () => {
    expect(outputFile('/_astro/lead.Ab1_Z2.webp', '/')).toBe('_astro/lead.Ab1_Z2.webp');
    expect(outputFile('https://www.afgazad.com/news/_astro/%D8%A8%D8%A7%D8%B2%D8%A7%D8%B1_x.jpg', '/news/')).toBe('_astro/بازار_x.jpg');
    expect(outputFile('/elsewhere/a.jpg', '/news')).toBeUndefined();
  });

  it('reads every URL of a srcset', () => {
    expect(srcsetUrls('/_astro/a.webp 360w, /_astro/b.webp 540w,/_astro/c.webp 720w')).toEqual(['/_astro/a.webp', '/_astro/b.webp', '/_astro/c.webp']);
  });
});

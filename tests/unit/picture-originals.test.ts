/**
 * Picture originals put in dist/ when a page asks the image service for the
 * picture (src/utils/picture-originals.ts), and only in a build.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageMetadata } from 'astro';
import { afterEach, describe, expect, it } from 'vitest';
import { closeOriginals, openOriginals, placeOriginal } from '../../src/utils/picture-originals.ts';
import { tempDir } from '../helpers/temp.ts';

/** An `ImageMetadata` as `pictureMetadata` makes it on a build: the hashed URL, and the file in `fsPath` (not enumerable). */
function metadata(url: string, fsPath: string): ImageMetadata {
  const meta = { src: url, width: 1800, height: 1200, format: 'jpg' } as ImageMetadata;
  Object.defineProperty(meta, 'fsPath', { value: fsPath, enumerable: false });
  return meta;
}

function site() {
  const root = tempDir('originals-');
  const file = join(root, 'content/articles/fa/bazar/lead.jpg');
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, 'jpeg bytes');
  return { root, file, outDir: join(root, 'dist') };
}

afterEach(() => closeOriginals());

describe('picture originals', () => {
  it('links the original where the URL names it, once, and says what it placed', () => {
    const { file, outDir } = site();
    openOriginals(outDir, '/news/');
    const meta = metadata('/news/_astro/lead.Ab1_Z2x3Y4w5.jpg', file);
    placeOriginal(meta);
    placeOriginal(meta);
    const dest = join(outDir, '_astro/lead.Ab1_Z2x3Y4w5.jpg');
    expect(readFileSync(dest, 'utf8')).toBe('jpeg bytes');
    expect(statSync(dest).ino).toBe(statSync(file).ino); // a hard link, no copy
    expect(closeOriginals()).toEqual([dest]);
  });

  it('places nothing outside a build, nor for a URL outside base', () => {
    const { file, outDir } = site();
    placeOriginal(metadata('/_astro/lead.Ab1_Z2x3Y4w5.jpg', file));
    expect(existsSync(outDir)).toBe(false);
    openOriginals(outDir, '/news/');
    placeOriginal(metadata('/elsewhere/lead.Ab1_Z2x3Y4w5.jpg', file));
    expect(closeOriginals()).toEqual([]);
    expect(existsSync(outDir)).toBe(false);
  });

  it('leaves a missing original to the image step, which names it', () => {
    const { root, outDir } = site();
    openOriginals(outDir, '/');
    expect(() => placeOriginal(metadata('/_astro/gone.Ab1_Z2x3Y4w5.jpg', join(root, 'content/articles/fa/gone.jpg')))).not.toThrow();
  });
});

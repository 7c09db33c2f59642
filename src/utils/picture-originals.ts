/**
 * Puts a picture's original where Astro's image step reads it on a build,
 * `dist/_astro/<name>.<hash>.<ext>` (the URL its `ImageMetadata` names,
 * `utils/pictures.ts`), at the moment a page asks the image service for
 * the picture (`columnPicture`, `sharedLeadImage`): only then does the
 * image step read it, and only for a transform it has not encoded before
 * (the rest come from its cache, `node_modules/.astro/assets`). It deletes
 * the original afterwards, as it deletes a Vite-imported picture nothing
 * links to; `integrations/picture-originals.ts` removes any left at the
 * end of the build.
 *
 * Why not every original at the start of every build: a warm build asks
 * the image service for nothing (`picture-memo.ts`), and putting each
 * original in place and taking it out again cost three system calls a
 * picture (a `link`, an `lstat`, an `unlink`: 18,000 at 6,000 pictures)
 * on every build, for nothing.
 *
 * A hard link, not a copy: a photo is several MB, and an archive has
 * thousands. Where `dist/` is on another disk than the content, the file
 * is copied.
 *
 * Only while a build runs in this process: the integration opens it at
 * build start (`openOriginals`), as it opens the picture memo. The dev
 * server serves pictures from their files and has none; a build that
 * renders pages in another process (an adapter's prerenderer) has neither
 * this nor the memo, and is not a setup this site uses.
 */
import type { ImageMetadata } from 'astro';
import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { outputFile } from './picture-memo.ts';

const STATE = Symbol.for('aa-aa.picture-originals');

interface Originals {
  /** The build's output folder (absolute). */
  readonly outDir: string;
  /** Astro's `base`: URLs start with it, files in `outDir` do not. */
  readonly base: string;
  /** The originals put in `outDir` this build (absolute paths). */
  readonly placed: Set<string>;
}

type Holder = { [STATE]?: Originals };

/** Starts a build's placing of originals in `outDir` (see the file's comment). */
export function openOriginals(outDir: string, base: string): void {
  (globalThis as Holder)[STATE] = { outDir, base, placed: new Set() };
}

/** Ends it: the originals put in place since `openOriginals` (absolute paths), some already deleted by the image step; [] when none was open. */
export function closeOriginals(): string[] {
  const holder = globalThis as Holder;
  const placed = [...(holder[STATE]?.placed ?? [])];
  holder[STATE] = undefined;
  return placed;
}

/**
 * Puts the original of `src` (an `ImageMetadata` from `pictureMetadata`,
 * whose `fsPath` is the file in `content/`) where the image step reads it,
 * if a build is open and it is not there yet. Call it before `getImage(src)`.
 * @throws the file system's error when the original can be neither linked nor copied (a missing file is left to the image step, which names it)
 */
export function placeOriginal(src: ImageMetadata): void {
  const state = (globalThis as Holder)[STATE];
  const fsPath = (src as ImageMetadata & { fsPath?: string }).fsPath;
  const rel = state && fsPath ? outputFile(src.src, state.base) : undefined;
  if (!state || !fsPath || rel === undefined) return;
  const dest = join(state.outDir, rel);
  if (state.placed.has(dest)) return;
  state.placed.add(dest);
  if (existsSync(dest)) return;
  mkdirSync(dirname(dest), { recursive: true });
  try {
    linkSync(fsPath, dest);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Another disk (EXDEV), or a file system without hard links.
    if (code === 'EXDEV' || code === 'EPERM' || code === 'ENOTSUP') copyFileSync(fsPath, dest);
    else if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
  }
}

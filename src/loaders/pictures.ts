/**
 * Article pictures as the content layer keeps them: a small record per file
 * (`PictureRef`: size, hash, width, height, format), read once and kept
 * between builds, instead of a Vite import of every picture.
 *
 * Why: Astro's content layer turns every picture in an entry's data into an
 * import in `.astro/content-assets.mjs`. On every build, warm or not, Vite
 * then reads each file whole, probes its size, hashes it and writes a copy
 * into `dist/_astro/` (which Astro deletes again after its image step):
 * work, and disk traffic, that grows with the archive's pictures (several
 * MB each for real photos), although nothing changed. Here a picture is read
 * when it is new or its size or modification time changed; otherwise one
 * `stat`. The page turns the record into the `ImageMetadata` Astro's image
 * service takes (`utils/pictures.ts`), and `pictureOriginals()` puts the
 * original where the image service reads it on a build
 * (`integrations/picture-originals.ts`). Encoded files are still Astro's
 * own, cached in `node_modules/.astro/assets` by the hashed name.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import { isPictureRef, type PictureRef } from './picture-ref.ts';

export { isPictureRef, type PictureRef };

/** Where the records of the last sync are kept (Astro's cache folder, which a cold build deletes). */
export const PICTURES_FILE = join('node_modules', '.astro', 'article-pictures.json');

/**
 * Characters kept in an original's file name; others (spaces, quotes, `#`,
 * `%`, `?`) become `_` so that the name is one URL path segment as written.
 * @example safeName('بازار کابل') // 'بازار_کابل'
 */
function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{M}\p{N}._-]/gu, '_');
}

export interface PictureOptions {
  /** Project root (absolute). */
  readonly root: string;
  /** Astro's `base` (`/` or `/news/`). */
  readonly base: string;
  /** Astro's `build.assets` (`_astro`). */
  readonly assetsDir: string;
}

/**
 * Picture records for one sync, reusing those of the last one (read from
 * `PICTURES_FILE`) for files whose size and modification time are unchanged.
 */
export class PictureCache {
  readonly #options: PictureOptions;
  readonly #file: string;
  readonly #previous = new Map<string, PictureRef>();
  readonly #used = new Map<string, PictureRef>();

  constructor(options: PictureOptions) {
    this.#options = options;
    this.#file = join(options.root, PICTURES_FILE);
    try {
      for (const ref of JSON.parse(readFileSync(this.#file, 'utf8')) as PictureRef[]) if (isPictureRef(ref)) this.#previous.set(ref.file, ref);
    } catch {
      // No records yet (a cold build), or unreadable: every picture is read once.
    }
  }

  /**
   * The record of the picture at `abs`; undefined when it is missing or not
   * a picture Astro can read (the content check reports both with the line).
   * @example await cache.ref('/site/content/articles/fa/bazar/photo.jpg') // { file: 'content/articles/fa/bazar/photo.jpg', out: '_astro/photo.3f9a0c1d2e4b.jpg', width: 1800, … }
   */
  async ref(abs: string): Promise<PictureRef | undefined> {
    const file = relative(this.#options.root, abs).split(sep).join('/');
    const info = statSync(abs, { throwIfNoEntry: false });
    if (!info?.isFile()) return undefined;
    const known = this.#used.get(file) ?? this.#previous.get(file);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
      this.#used.set(file, known);
      return known;
    }
    const bytes = await readFile(abs);
    let meta: { width: number; height: number; format: string };
    try {
      meta = await imageMetadata(bytes, abs);
    } catch {
      return undefined;
    }
    const ext = extname(abs);
    const hash = createHash('sha256').update(bytes).digest('base64url').slice(0, 12);
    const out = `${this.#options.assetsDir}/${safeName(basename(abs, ext))}.${hash}${ext.toLowerCase()}`;
    const ref: PictureRef = {
      file,
      out,
      url: `${this.#options.base.replace(/\/?$/, '/')}${out}`,
      width: meta.width,
      height: meta.height,
      format: meta.format,
      size: info.size,
      mtimeMs: info.mtimeMs,
    };
    this.#used.set(file, ref);
    return ref;
  }

  /** Whether a stored record still describes its file (same size and modification time). */
  isFresh(ref: PictureRef): boolean {
    const info = statSync(join(this.#options.root, ref.file), { throwIfNoEntry: false });
    return !!info && info.size === ref.size && info.mtimeMs === ref.mtimeMs;
  }

  /** Counts a stored record as used by this sync (so that `save()` keeps it). */
  keep(ref: PictureRef): void {
    this.#used.set(ref.file, ref);
  }

  /** Writes the records this sync used (and only those) for the next sync and for `pictureOriginals()`. */
  save(): void {
    const refs = [...this.#used.values()].sort((a, b) => a.file.localeCompare(b.file));
    const json = JSON.stringify(refs);
    if (existsSync(this.#file) && readFileSync(this.#file, 'utf8') === json) return;
    mkdirSync(dirname(this.#file), { recursive: true });
    const tmp = `${this.#file}.${process.pid}.tmp`;
    writeFileSync(tmp, json);
    renameSync(tmp, this.#file);
  }
}

/**
 * The pictures of the last sync, as `PictureCache.save()` wrote them: what
 * a build must have in `dist/` for Astro's image step to read (see
 * `integrations/picture-originals.ts`).
 */
export function pictureOriginals(root: string): PictureRef[] {
  try {
    return (JSON.parse(readFileSync(join(root, PICTURES_FILE), 'utf8')) as unknown[]).filter(isPictureRef);
  } catch {
    return [];
  }
}

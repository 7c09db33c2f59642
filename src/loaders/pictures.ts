/**
 * Article pictures as the content layer keeps them: a small record per file
 * (`PictureRecord`: hashed name, width, height, format, size, modification
 * time), read once and kept between builds in the loader's cache file,
 * instead of a Vite import of every picture; an entry's data keeps only the
 * part a page needs (`PictureRef`).
 *
 * Why: Astro's content layer turns every picture in an entry's data into an
 * import in `.astro/content-assets.mjs`. On every build, warm or not, Vite
 * then reads each file whole, probes its size, hashes it and writes a copy
 * into `dist/_astro/` (which Astro deletes again after its image step):
 * work, and disk traffic, that grows with the archive's pictures (several
 * MB each for real photos), although nothing changed. Here a picture is read
 * when it is new or its size or modification time changed; otherwise one
 * `stat`. The page turns the record into the `ImageMetadata` Astro's image
 * service takes (`utils/pictures.ts`), and `utils/picture-originals.ts`
 * puts the original where the image service reads it on a build, when a
 * page asks for the picture. Encoded files are still Astro's
 * own, cached in `node_modules/.astro/assets` by the hashed name.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, sep } from 'node:path';
import { imageMetadata } from 'astro/assets/utils';
import { isPictureRef, type PictureRef } from './picture-ref.ts';

export { isPictureRef, type PictureRef };

/**
 * The loader's record of one picture file: the entry's `PictureRef`, and
 * what only the loader needs, kept in `PICTURES_FILE`, not in the data
 * store (see `picture-ref.ts`).
 */
export interface PictureRecord extends PictureRef {
  /** Size in bytes and modification time in ms when it was read: a change of either reads the file again. */
  readonly size: number;
  readonly mtimeMs: number;
}

/** Whether a value from `PICTURES_FILE` is a loader's record. */
const isPictureRecord = (value: unknown): value is PictureRecord =>
  isPictureRef(value) && 'size' in value && 'mtimeMs' in value;

/** The part of a record an entry's data keeps. */
const refOf = ({ file, url, width, height, format }: PictureRecord): PictureRef => ({ file, url, width, height, format });

/** Whether an entry's `ref` is the one `record` gives (the same file, hashed name and dimensions). */
const sameRef = (ref: PictureRef, record: PictureRecord): boolean =>
  ref.file === record.file && ref.url === record.url && ref.width === record.width && ref.height === record.height && ref.format === record.format;

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
  readonly #previous = new Map<string, PictureRecord>();
  readonly #used = new Map<string, PictureRecord>();

  constructor(options: PictureOptions) {
    this.#options = options;
    this.#file = join(options.root, PICTURES_FILE);
    try {
      for (const record of JSON.parse(readFileSync(this.#file, 'utf8')) as unknown[]) if (isPictureRecord(record)) this.#previous.set(record.file, record);
    } catch {
      // No records yet (a cold build), or unreadable: every picture is read once.
    }
  }

  /**
   * The record of the picture at `abs`; undefined when it is missing or not
   * a picture Astro can read (the content check reports both with the line).
   * @example await cache.ref('/site/content/articles/fa/bazar/photo.jpg') // { file: 'content/articles/fa/bazar/photo.jpg', url: '/_astro/photo.3f9a0c1d2e4b.jpg', width: 1800, … }
   */
  async ref(abs: string): Promise<PictureRef | undefined> {
    const file = relative(this.#options.root, abs).split(sep).join('/');
    const info = statSync(abs, { throwIfNoEntry: false });
    if (!info?.isFile()) return undefined;
    const known = this.#used.get(file) ?? this.#previous.get(file);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) {
      this.#used.set(file, known);
      return refOf(known);
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
    // The original's place in the built site, relative to `dist/` (`_astro/lead.3f9a0c1d2e4b.jpg`).
    const out = `${this.#options.assetsDir}/${safeName(basename(abs, ext))}.${hash}${ext.toLowerCase()}`;
    const record: PictureRecord = {
      file,
      url: `${this.#options.base.replace(/\/?$/, '/')}${out}`,
      width: meta.width,
      height: meta.height,
      format: meta.format,
      size: info.size,
      mtimeMs: info.mtimeMs,
    };
    this.#used.set(file, record);
    return refOf(record);
  }

  /**
   * Whether an entry's stored `ref` still describes its file: the loader
   * has a record for the file that gives this ref, and the file has that
   * record's size and modification time (one `stat`). False without a
   * record (its cache file deleted): the entry is stored again.
   */
  isFresh(ref: PictureRef): boolean {
    const record = this.#used.get(ref.file) ?? this.#previous.get(ref.file);
    if (!record || !sameRef(ref, record)) return false;
    const info = statSync(join(this.#options.root, ref.file), { throwIfNoEntry: false });
    return !!info && info.size === record.size && info.mtimeMs === record.mtimeMs;
  }

  /** Counts the record behind a fresh stored ref (`isFresh`) as used by this sync (so that `save()` keeps it). */
  keep(ref: PictureRef): void {
    const record = this.#used.get(ref.file) ?? this.#previous.get(ref.file);
    if (record) this.#used.set(ref.file, record);
  }

  /** Writes the records this sync used (and only those) for the next sync. */
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

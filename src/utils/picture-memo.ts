/**
 * Pictures remembered from one build to the next (the article route's, the
 * front page's: `rememberedColumnPicture` in `article-pictures.ts`), so
 * that a warm build does not ask Astro's image service again for pictures
 * whose files are already in `dist/`.
 *
 * Why: `getImage()` hashes every transform it is given (Astro's
 * `hashTransform`, about 1–3 s of a warm 10,000-article build) and
 * registers it with the image step, which then copies the transform's file
 * from its cache (`node_modules/.astro/assets`) into `dist/` on every build
 * whether or not it is there already: ~10 files per pictured article
 * (BENCHMARKS.md, "A warm build that copies no picture"). A hit here calls
 * neither: the page gets the markup the last build made, and `prune-dist`
 * counts the files that markup names as produced (`reusedPictureFiles`).
 *
 * A remembered result is used only when
 * - its key is the same: the picture's record (content-hashed URL, width,
 *   height, format) and the options (which kind of result, lead or not,
 *   `sizes`), as the caller gives them (the alt is not in it: the callers
 *   remember results made without one and put the page's in,
 *   `article-pictures.ts`);
 * - the memo's `generation` is the same: Astro's version, its image config
 *   (service and its settings), `base`, `site`, the assets folder and the
 *   code that makes the markup (see `integrations/picture-memo.ts`);
 * - every file it names is in `dist/` (a deleted `dist/` or a pruned file
 *   sends the picture through `getImage()` again, and the image step makes
 *   its files again from its cache);
 * - the build that saved it finished: a build marks the memo open when it
 *   starts and closed when it saves it, since one stopped midway may have
 *   left a file half-written that a later hit would keep (the image step,
 *   which copied every file on every build, repaired such a file by itself).
 *
 * Only a build has a memo: `integrations/picture-memo.ts` opens it at build
 * start and saves it at the end, in Astro's cache folder. In the dev server,
 * in tests that call the route's helpers directly and in a build that
 * renders pages in another process there is none, and `memoized` calls
 * `make` every time. The memo is shared with the route through `globalThis`
 * under a registered symbol, as `page-pictures.ts` shares its notes: the
 * route is a bundle of its own, the integration is loaded with the config.
 */
import { hash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MEMO = Symbol.for('aa-aa.picture-memo');
const REUSED = Symbol.for('aa-aa.picture-memo.reused');

/**
 * What the memo file holds: each result with the files it names, as
 * indexes into one table of paths (a few dozen distinct files are named
 * ~100,000 times at 10,000 articles). A hit then checks each distinct file
 * once per build instead of parsing every `srcset` again.
 */
interface MemoFile {
  readonly generation: string;
  /** Paths relative to `outDir`, `/` separators. */
  readonly files: readonly string[];
  /** By key digest: the result and the indexes in `files` of the files it names. */
  readonly entries: Record<string, readonly [value: unknown, files: readonly number[]]>;
}

/** A result this build used: the value and the files it names (relative to `outDir`). */
interface Used {
  readonly value: unknown;
  readonly files: readonly string[];
}

export interface PictureMemoOptions {
  /** The memo file (JSON), in Astro's cache folder. */
  readonly file: string;
  /** The build's output folder (absolute). */
  readonly outDir: string;
  /** Astro's `base` (`/` or `/news/`): URLs start with it, files in `outDir` do not. */
  readonly base: string;
  /** Everything outside the key that a result depends on, as one string; a memo of another generation is ignored whole. */
  readonly generation: string;
}

/**
 * The file in `outDir` that a page's image URL names, relative to `outDir`
 * with `/` separators; undefined for a URL outside `base`.
 * @example outputFile('/_astro/lead.Ab1_Z2.webp', '/') // '_astro/lead.Ab1_Z2.webp'
 * @example outputFile('https://www.afgazad.com/news/_astro/%D8%A8.jpg', '/news/') // '_astro/ب.jpg'
 */
export function outputFile(url: string, base: string): string | undefined {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  // Most URLs are a plain path under base (ASCII names, nothing to decode):
  // a warm build asks this of ~100,000 URLs at 10,000 articles.
  if (url.startsWith(prefix) && !/[%?#\\]|\/\.{1,2}(?:\/|$)/.test(url)) return url.slice(prefix.length);
  const path = decodeURIComponent(new URL(url, 'file:///').pathname);
  return path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
}

/**
 * The URLs in a `srcset` attribute, in order.
 * @example srcsetUrls('/_astro/a.webp 360w, /_astro/b.webp 540w') // ['/_astro/a.webp', '/_astro/b.webp']
 */
export function srcsetUrls(srcset: string): string[] {
  // Astro's URLs are encodeURI'd (no spaces), and its and our file names have no commas (`safeName` in loaders/pictures.ts).
  return [...srcset.matchAll(/(?:^|,)\s*(\S+?)(?:\s+[\d.]+[wx])?\s*(?=,|$)/g)].map((match) => match[1]!);
}

/**
 * Remembered results for one build, read from and saved to `options.file`.
 * `hits` and `misses` count this build's lookups (for the build log).
 */
export class PictureMemo {
  readonly #options: PictureMemoOptions;
  /** The last build's file table and results (see `MemoFile`). */
  readonly #files: readonly string[] = [];
  readonly #previous: MemoFile['entries'] = {};
  readonly #used = new Map<string, Used>();
  /** Names in each output folder, read once per build (`readdir`, not a `stat` per file). */
  readonly #listings = new Map<string, ReadonlySet<string>>();
  /** `#exists`' answers by path (a picture on many pages is asked about on each). */
  readonly #found = new Map<string, boolean>();
  /** Absolute paths of the files the hits name. */
  readonly reused = new Set<string>();
  /** The same, relative to `outDir`: each file is joined to `outDir` once. */
  readonly #reusedRel = new Set<string>();
  hits = 0;
  misses = 0;

  /** Opens the memo for a build: reads `options.file` unless the build that last opened it did not save it, and marks it open. */
  constructor(options: PictureMemoOptions) {
    this.#options = options;
    const marker = `${options.file}.open`;
    try {
      const data = existsSync(marker) ? undefined : (JSON.parse(readFileSync(options.file, 'utf8')) as MemoFile);
      if (data?.generation === options.generation && Array.isArray(data.files) && data.entries && typeof data.entries === 'object') {
        this.#files = data.files;
        this.#previous = data.entries;
      }
    } catch {
      // No memo yet (a cold build), or unreadable: every picture goes through getImage once.
    }
    mkdirSync(dirname(marker), { recursive: true });
    writeFileSync(marker, '');
  }

  /** Whether the file at `rel` (relative to `outDir`) is there, from one listing of its folder; each file is asked once per build. */
  #exists(rel: string): boolean {
    let found = this.#found.get(rel);
    if (found === undefined) {
      found = this.#listed(rel);
      this.#found.set(rel, found);
    }
    return found;
  }

  #listed(rel: string): boolean {
    const slash = rel.lastIndexOf('/');
    const folder = join(this.#options.outDir, slash < 0 ? '' : rel.slice(0, slash));
    let names = this.#listings.get(folder);
    if (!names) {
      let list: string[] = [];
      try {
        list = readdirSync(folder);
      } catch {
        // No such folder (dist/ deleted): nothing in it is there.
      }
      names = new Set(list);
      this.#listings.set(folder, names);
    }
    return names.has(rel.slice(slash + 1));
  }

  /** Whether the last build's file `index` is in `outDir`. */
  #presentFile(index: number): boolean {
    const rel = this.#files[index];
    return typeof rel === 'string' && this.#exists(rel);
  }

  /**
   * The result for `key`: the remembered one if every file `filesOf` finds
   * in it (image URLs, as the page prints them) is in `outDir`, otherwise
   * `make()`'s, which is then remembered. A result must survive
   * `JSON.stringify` unchanged (plain objects, arrays, strings, numbers).
   */
  async get<T>(key: readonly unknown[], filesOf: (value: T) => readonly string[], make: () => Promise<T>): Promise<T> {
    const digest = hash('sha256', JSON.stringify(key), 'base64url');
    const used = this.#used.get(digest);
    if (used) {
      if (used.files.every((file) => this.#exists(file))) return this.#hit(digest, used);
    } else if (Object.hasOwn(this.#previous, digest)) {
      const [value, indexes] = this.#previous[digest]!;
      if (indexes.every((index) => this.#presentFile(index))) return this.#hit(digest, { value, files: indexes.map((index) => this.#files[index]!) });
    }
    const value = await make();
    const files = filesOf(value).map((url) => outputFile(url, this.#options.base));
    // A result naming a file outside `base` is never reused: it is made on every build.
    if (files.every((file) => file !== undefined)) this.#used.set(digest, { value, files: files as string[] });
    this.misses++;
    return value;
  }

  #hit<T>(digest: string, used: Used): T {
    for (const file of used.files) {
      if (this.#reusedRel.has(file)) continue;
      this.#reusedRel.add(file);
      this.reused.add(join(this.#options.outDir, file));
    }
    this.#used.set(digest, used);
    this.hits++;
    return used.value as T;
  }

  /**
   * Writes the results this build used (only those: a picture no page shows
   * any more is forgotten), unless they are the ones read at the start, and
   * marks the memo closed (call it once the build's files are all written).
   */
  save(): void {
    if (this.misses > 0 || this.#used.size !== Object.keys(this.#previous).length) {
      const files: string[] = [];
      const index = new Map<string, number>();
      const entries: Record<string, readonly [unknown, readonly number[]]> = {};
      for (const [digest, { value, files: named }] of this.#used) {
        entries[digest] = [
          value,
          named.map((file) => {
            let at = index.get(file);
            if (at === undefined) {
              at = files.push(file) - 1;
              index.set(file, at);
            }
            return at;
          }),
        ];
      }
      const data: MemoFile = { generation: this.#options.generation, files, entries };
      const tmp = `${this.#options.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(data));
      renameSync(tmp, this.#options.file);
    }
    rmSync(`${this.#options.file}.open`, { force: true });
  }
}

type Holder = { [MEMO]?: PictureMemo; [REUSED]?: ReadonlySet<string> };

/** Makes `memo` the one `memoized` uses in this process (undefined: none); what the previous one reused is forgotten. */
export function setPictureMemo(memo: PictureMemo | undefined): void {
  const holder = globalThis as Holder;
  holder[MEMO] = memo;
  holder[REUSED] = memo?.reused;
}

/** Ends the current memo's use (`memoized` calls `make` again) but keeps what it reused readable (`reusedPictureFiles`) until the next `setPictureMemo`. */
export function closePictureMemo(): void {
  (globalThis as Holder)[MEMO] = undefined;
}

/** The memo of the build running in this process, if any. */
export function pictureMemo(): PictureMemo | undefined {
  return (globalThis as Holder)[MEMO];
}

/**
 * The files in `dist/` (absolute paths) that the current or last build's
 * memo hits named: produced by this build although nothing wrote them.
 * Empty when there is no memo.
 */
export function reusedPictureFiles(): ReadonlySet<string> {
  return (globalThis as Holder)[REUSED] ?? new Set();
}

/**
 * `make()`'s result, or the memo's (see `PictureMemo.get`) in a build.
 * @example await memoized(['column', meta.src, meta.width, meta.height, meta.format, lead, sizes], pictureFiles, () => columnPicture(meta, { alt: '', lead, sizes }))
 */
export function memoized<T>(key: readonly unknown[], filesOf: (value: T) => readonly string[], make: () => Promise<T>): Promise<T> {
  const memo = pictureMemo();
  return memo ? memo.get(key, filesOf, make) : make();
}

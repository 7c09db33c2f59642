/**
 * The article route's pictures remembered from one build to the next, so
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
 *   height, format) and the options (which kind of result, `alt`, lead or
 *   not, `sizes`), as the caller gives them;
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
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const MEMO = Symbol.for('aa-aa.picture-memo');
const REUSED = Symbol.for('aa-aa.picture-memo.reused');

/** What the memo file holds. */
interface MemoFile {
  readonly generation: string;
  /** Results by key digest. */
  readonly entries: Record<string, unknown>;
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
  readonly #previous = new Map<string, unknown>();
  readonly #used = new Map<string, unknown>();
  /** Names in each output folder, read once per build (`readdir`, not a `stat` per file). */
  readonly #listings = new Map<string, ReadonlySet<string>>();
  /** Absolute paths of the files the hits name. */
  readonly reused = new Set<string>();
  hits = 0;
  misses = 0;

  /** Opens the memo for a build: reads `options.file` unless the build that last opened it did not save it, and marks it open. */
  constructor(options: PictureMemoOptions) {
    this.#options = options;
    const marker = `${options.file}.open`;
    try {
      const data = existsSync(marker) ? undefined : (JSON.parse(readFileSync(options.file, 'utf8')) as MemoFile);
      if (data?.generation === options.generation && data.entries && typeof data.entries === 'object') {
        for (const [key, value] of Object.entries(data.entries)) this.#previous.set(key, value);
      }
    } catch {
      // No memo yet (a cold build), or unreadable: every picture goes through getImage once.
    }
    mkdirSync(dirname(marker), { recursive: true });
    writeFileSync(marker, '');
  }

  /** Whether the file at `rel` (relative to `outDir`) is there, from one listing of its folder. */
  #exists(rel: string): boolean {
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

  /**
   * The result for `key`: the remembered one if every file `filesOf` finds
   * in it (image URLs, as the page prints them) is in `outDir`, otherwise
   * `make()`'s, which is then remembered. A result must survive
   * `JSON.stringify` unchanged (plain objects, arrays, strings, numbers).
   */
  async get<T>(key: readonly unknown[], filesOf: (value: T) => readonly string[], make: () => Promise<T>): Promise<T> {
    const digest = createHash('sha256').update(JSON.stringify(key)).digest('base64url');
    if (this.#previous.has(digest) || this.#used.has(digest)) {
      const value = (this.#used.get(digest) ?? this.#previous.get(digest)) as T;
      const files = filesOf(value).map((url) => outputFile(url, this.#options.base));
      if (files.every((file) => file !== undefined && this.#exists(file))) {
        for (const file of files) this.reused.add(join(this.#options.outDir, file!));
        this.#used.set(digest, value);
        this.hits++;
        return value;
      }
    }
    const value = await make();
    this.#used.set(digest, value);
    this.misses++;
    return value;
  }

  /**
   * Writes the results this build used (only those: a picture no page shows
   * any more is forgotten), unless they are the ones read at the start, and
   * marks the memo closed (call it once the build's files are all written).
   */
  save(): void {
    if (this.misses > 0 || this.#used.size !== this.#previous.size) {
      const data: MemoFile = { generation: this.#options.generation, entries: Object.fromEntries(this.#used) };
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
 * @example await memoized(['column', meta.src, meta.width, meta.height, meta.format, alt, lead, sizes], pictureFiles, () => columnPicture(meta, { alt, lead, sizes }))
 */
export function memoized<T>(key: readonly unknown[], filesOf: (value: T) => readonly string[], make: () => Promise<T>): Promise<T> {
  const memo = pictureMemo();
  return memo ? memo.get(key, filesOf, make) : make();
}

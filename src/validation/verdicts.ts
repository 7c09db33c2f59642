/**
 * What the content check found in each article file, kept between runs so
 * that a check of an unchanged archive (the start of every build, every save
 * in `npm run dev`) parses no YAML and runs no schema: at 10,000 articles
 * that was most of a warm check's 6–7 CPU seconds.
 *
 * One file per content folder (and working folder, which the messages' paths
 * depend on) under `node_modules/.astro/content-check/`, written with
 * `v8.serialize` (parsed dates stay `Date`s). It holds, per article file:
 * how the file looked on disk (size, modification and change times, inode),
 * the digest of its bytes (the body pass's `bodyDigest`) and the verdict:
 * the file's own problems, its parsed frontmatter for the rules across
 * files, and its body report.
 *
 * When is a kept verdict used?
 * - **By stat**, reading nothing: size, mtime, ctime and inode all as
 *   recorded. The ctime matters: an editor (or `utimes`) can put the mtime
 *   back, but any write or `utimes` moves the ctime, which no tool can set.
 *   This is git's index rule, and so is the guard against "racy" entries: a
 *   file changed within `RACY_MS` before the check looked at it could change
 *   again within the same clock tick without its times moving, so such an
 *   entry is never trusted by stat, only by digest.
 * - **By digest**: the stat differs (a `touch`, a checkout) or the entry is
 *   racy; the file is read and hashed, and the same bytes get the same
 *   verdict without parsing them again.
 *
 * The whole file is keyed by a fingerprint of the check's own code (every
 * module `check.ts` imports, followed as `moduleGraph` follows the render
 * worker's), the lockfile (zod, js-yaml), Node's version (ICU names the
 * languages in messages), and the Markdown pipeline's fingerprint when
 * bodies are checked: a change to any of them re-checks every file. A
 * missing, corrupt or foreign file is ignored; a read-only checkout only
 * loses the saving.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { moduleGraph } from '../markdown/rendered-body.ts';

/** Where the kept verdicts live, relative to the project root (Astro's cache folder, which a cold build deletes). */
export const VERDICTS_DIR = path.join('node_modules', '.astro', 'content-check');

/**
 * How recent a change must be for its stat not to be trusted next time. Two
 * seconds covers the coarsest common timestamps (FAT's 2 s, ext3's 1 s) and
 * the kernel's tick on modern file systems many times over.
 */
export const RACY_MS = 2_000;

/** A cache file unused this long (a test's temporary folder, a deleted checkout) is removed by the next save. */
const UNUSED_MS = 7 * 24 * 3600_000;

/** Bumped when the cache's own layout changes. */
const FORMAT = 'content-check-verdicts/1';

/** How a file looked on disk when its verdict was made. */
export interface Stamp {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
}

/** One kept verdict; `V` is what the check keeps (see `check.ts`). */
export interface Kept<V> {
  readonly stamp: Stamp;
  /** Trust the stamp alone (false: the file had just changed; compare digests). */
  readonly settled: boolean;
  /** `bodyDigest` of the file's bytes. */
  readonly digest: string;
  readonly verdict: V;
}

interface CacheFile<V> {
  readonly format: string;
  readonly fingerprint: string;
  readonly entries: Map<string, Kept<V>>;
}

/**
 * The stamp of a stat.
 * @example stampOf(statSync('content/articles/fa/a.md')) // { size: 5120, mtimeMs: 1.7e12, ctimeMs: 1.7e12, ino: 4211 }
 */
export function stampOf(info: Pick<Stats, 'size' | 'mtimeMs' | 'ctimeMs' | 'ino'>): Stamp {
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
}

const sameStamp = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;

const CHECK_MODULE = fileURLToPath(new URL('./check.ts', import.meta.url));

/**
 * The fingerprint of the check itself: its modules under `src/` (from
 * `src/validation/check.ts`, every relative import followed), the
 * lockfile, Node's version, and `extra` (the pipeline's fingerprint and the
 * options that change what is checked).
 * @param projectRoot holds the lockfile and `src/validation/check.ts`
 * @returns 16 hex digits
 */
export function checkFingerprint(projectRoot: string, extra: string): string {
  const srcDir = path.join(projectRoot, 'src');
  const entry = existsSync(path.join(srcDir, 'validation', 'check.ts')) ? path.join(srcDir, 'validation', 'check.ts') : CHECK_MODULE;
  const hash = createHash('sha256').update(`${FORMAT}\0${process.version}\0${extra}\0`);
  for (const file of moduleGraph(entry)) hash.update(path.relative(srcDir, file)).update('\0').update(readFileSync(file));
  const lock = path.join(projectRoot, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

/**
 * The file that keeps the verdicts of `key` (see `Verdicts`).
 * @example verdictsFile('/site', '/site/content\0/site\0true') // '/site/node_modules/.astro/content-check/1f2e….bin'
 */
export function verdictsFile(projectRoot: string, key: string): string {
  return path.join(projectRoot, VERDICTS_DIR, `${createHash('sha256').update(key).digest('hex').slice(0, 16)}.bin`);
}

/**
 * What a content check's verdicts depend on besides each file and the code:
 * the content folder, the working folder (messages name files relative to
 * it) and whether bodies are checked.
 */
export function verdictsKey(root: string, cwd: string, bodies: boolean): string {
  return `${path.resolve(root)}\0${path.resolve(cwd)}\0${bodies}`;
}

/**
 * The kept verdicts of one content folder: `lookUp` by stat, `byDigest`
 * after reading, `keep` what this run found, `save` once at the end (only
 * if something changed: an unchanged archive's check writes nothing).
 */
export class Verdicts<V> {
  readonly #file: string;
  readonly #fingerprint: string;
  readonly #previous: Map<string, Kept<V>>;
  readonly #now = new Map<string, Kept<V>>();
  /** When this run began to look at files: changes after `started - RACY_MS` are not trusted by stat. */
  readonly #started = Date.now();
  #changed = false;

  /**
   * @param projectRoot whose `node_modules/.astro` holds the file
   * @param key what the verdicts depend on besides each file: the content folder, the working folder, the options
   * @param fingerprint `checkFingerprint(…)`
   */
  constructor(projectRoot: string, key: string, fingerprint: string) {
    this.#file = verdictsFile(projectRoot, key);
    this.#fingerprint = fingerprint;
    this.#previous = this.#read();
  }

  #read(): Map<string, Kept<V>> {
    try {
      const kept = deserialize(readFileSync(this.#file)) as CacheFile<V>;
      if (kept?.format === FORMAT && kept.fingerprint === this.#fingerprint && kept.entries instanceof Map) return kept.entries;
    } catch {
      // None yet, half-written, or not ours: every file is checked.
    }
    this.#changed = true;
    return new Map();
  }

  /** The kept verdict of `rel` if the file is as it was (stat only), and it may be trusted so. */
  byStamp(rel: string, stamp: Stamp): Kept<V> | undefined {
    const kept = this.#previous.get(rel);
    if (!kept?.settled || !sameStamp(kept.stamp, stamp)) return undefined;
    this.#now.set(rel, kept);
    return kept;
  }

  /** The kept verdict of `rel` if its bytes are the same (read and hashed by the caller); kept again with the new stamp. */
  byDigest(rel: string, stamp: Stamp, digest: string): V | undefined {
    const kept = this.#previous.get(rel);
    if (kept?.digest !== digest) return undefined;
    this.keep(rel, stamp, digest, kept.verdict);
    return kept.verdict;
  }

  /** Records this run's verdict of a file. */
  keep(rel: string, stamp: Stamp, digest: string, verdict: V): void {
    const settled = Math.max(stamp.mtimeMs, stamp.ctimeMs) < this.#started - RACY_MS;
    const kept = this.#previous.get(rel);
    if (!kept || !kept.settled || kept.digest !== digest || !sameStamp(kept.stamp, stamp) || kept.settled !== settled) this.#changed = true;
    this.#now.set(rel, { stamp, settled, digest, verdict });
  }

  /**
   * Writes this run's verdicts (files gone since are dropped), whole and by
   * rename, as a build's check and an editor's may run at once. Removes
   * other folders' files unused for a week.
   */
  save(): void {
    try {
      if (!this.#changed && [...this.#previous.keys()].every((rel) => this.#now.has(rel))) {
        // Nothing new: only mark the file as used, so it is not pruned as forgotten.
        const now = new Date();
        utimesSync(this.#file, now, now);
        return;
      }
      const dir = path.dirname(this.#file);
      mkdirSync(dir, { recursive: true });
      // Unique per write: test runners check one folder from several threads of one process.
      const tmp = `${this.#file}.${process.pid}.${randomUUID()}.tmp`;
      writeFileSync(tmp, serialize({ format: FORMAT, fingerprint: this.#fingerprint, entries: this.#now } satisfies CacheFile<V>));
      renameSync(tmp, this.#file);
      for (const name of readdirSync(dir)) {
        const file = path.join(dir, name);
        const info = statSync(file, { throwIfNoEntry: false });
        if (info && Date.now() - info.mtimeMs > UNUSED_MS) rmSync(file, { force: true });
      }
    } catch {
      // A read-only checkout: the next run checks every file again.
    }
  }
}

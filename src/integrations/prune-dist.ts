/**
 * Keeps dist/ between builds and prunes it afterwards. Astro normally empties
 * dist/ before every build; with incremental builds that means deleting and
 * then copying back every unchanged page (tens of thousands of files). With
 * `vite.build.emptyOutDir: false` the unchanged pages stay where they are,
 * and this integration removes, after the build, every file the build did
 * not produce: the pages of deleted or unpublished articles, stale assets.
 * A file counts as produced if Astro reports it as a page's output, if it
 * was written during this build, or if it is a picture file the article
 * route reused from the last build without the image step writing it again
 * (`reusedPictureFiles`, `utils/picture-memo.ts`). Folders named in `keep`
 * are left to the integration that owns them.
 *
 * Finding those files means knowing every file in dist/: about 20,000
 * folders at 10,000 articles (a page is a folder with its `index.html`).
 * Reading each folder took 3 s of every build at that size, most of an
 * editor's add-one build's tail. So the prune remembers what each folder
 * held (`dist-folders.json` in Astro's cache folder) and reads a folder again
 * only when it may have changed: when its modification time or inode differs
 * from the record (adding, removing or renaming an entry changes a folder's
 * mtime; POSIX `stat`), or when the record is too recent to trust on a file
 * system with coarse timestamps. A folder seen unchanged costs one `stat`.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reusedPictureFiles } from '../utils/picture-memo.ts';

interface Options {
  /** Top-level folders of dist/ that another integration owns and refreshes itself (the search index). */
  keep?: readonly string[];
}

/** What one folder of dist/ held after a prune: its `stat` identity and its entries' names. */
export interface FolderRecord {
  /** `stat().mtimeMs`, or -1 when the prune itself changed the folder (read it again next time). */
  mtimeMs: number;
  ino: number;
  files: string[];
  folders: string[];
}

/** Folder records by path relative to dist/ ('' is dist/ itself), and when they were taken. */
export interface DistSnapshot {
  /** Epoch milliseconds at the end of the prune that wrote the records. */
  takenAt: number;
  folders: Record<string, FolderRecord>;
}

/**
 * A folder changed within this many milliseconds before a snapshot is read
 * again next time even if its mtime matches: file systems that keep
 * timestamps to the second (or two, FAT) could give a later change the same
 * mtime.
 */
const COARSE_CLOCK_MS = 2_000;

/**
 * Removes from `outDir` every file that is not in `produced` (absolute
 * paths) and was last modified before `buildStart` (epoch ms), and every
 * folder left empty, except the top-level folders in `keep`. Folders whose
 * record in `previous` still matches are not read again.
 * Returns how many files it removed and the snapshot to pass next time.
 * Throws only on file-system errors other than a missing file.
 */
export function pruneOutput(
  outDir: string,
  produced: ReadonlySet<string>,
  buildStart: number,
  keep: readonly string[] = [],
  previous?: DistSnapshot,
): { removed: number; snapshot: DistSnapshot } {
  const folders: Record<string, FolderRecord> = {};
  const kept = new Set(keep);
  let removed = 0;
  /** Prunes one folder; returns whether it is now empty. */
  const sweep = (rel: string): boolean => {
    const abs = rel === '' ? outDir : join(outDir, rel);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (!st?.isDirectory()) return false;
    const before = previous?.folders[rel];
    const trusted = before && before.mtimeMs === st.mtimeMs && before.ino === st.ino && st.mtimeMs < previous.takenAt - COARSE_CLOCK_MS;
    let files: string[];
    let subfolders: string[];
    if (trusted) {
      files = before.files;
      subfolders = before.folders;
    } else {
      files = [];
      subfolders = [];
      for (const entry of readdirSync(abs, { withFileTypes: true })) (entry.isDirectory() ? subfolders : files).push(entry.name);
    }
    let changed = false;
    const keptFiles = files.filter((name) => {
      const path = join(abs, name);
      if (produced.has(path)) return true;
      const mtime = statSync(path, { throwIfNoEntry: false })?.mtimeMs;
      if (mtime === undefined) {
        changed = true; // gone already (a record older than the folder's last change would not be trusted)
        return false;
      }
      if (mtime >= buildStart) return true;
      unlinkSync(path);
      removed++;
      changed = true;
      return false;
    });
    const keptFolders = subfolders.filter((name) => {
      if (rel === '' && kept.has(name)) return true;
      const child = rel === '' ? name : join(rel, name);
      if (!sweep(child)) return true;
      rmdirSync(join(outDir, child));
      delete folders[child];
      changed = true;
      return false;
    });
    folders[rel] = { mtimeMs: changed ? -1 : st.mtimeMs, ino: st.ino, files: keptFiles, folders: keptFolders };
    return keptFiles.length === 0 && keptFolders.length === 0;
  };
  sweep('');
  return { removed, snapshot: { takenAt: Date.now(), folders } };
}

/** Reads a snapshot file; anything missing, unreadable or of another shape gives `undefined` (a full read). */
function readSnapshot(file: string): DistSnapshot | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as DistSnapshot;
    return typeof data.takenAt === 'number' && data.folders && typeof data.folders === 'object' ? data : undefined;
  } catch {
    return undefined;
  }
}

export default function pruneDist({ keep = [] }: Options = {}): AstroIntegration {
  let buildStart = 0;
  let snapshotFile = '';
  return {
    name: 'aa:prune-dist',
    hooks: {
      'astro:config:done': ({ config }) => {
        // One record per output folder (test fixtures build elsewhere with the same cache).
        const outDir = fileURLToPath(config.outDir);
        snapshotFile = join(fileURLToPath(config.cacheDir), 'dist-folders', `${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`);
      },
      'astro:build:start': () => {
        buildStart = Date.now();
      },
      'astro:build:done': ({ dir, assets, logger }) => {
        const produced = new Set<string>();
        for (const urls of assets.values()) for (const url of urls) produced.add(fileURLToPath(url));
        for (const file of reusedPictureFiles()) produced.add(file);
        const { removed, snapshot } = pruneOutput(fileURLToPath(dir), produced, buildStart, keep, readSnapshot(snapshotFile));
        mkdirSync(dirname(snapshotFile), { recursive: true });
        writeFileSync(snapshotFile, JSON.stringify(snapshot));
        if (removed > 0) logger.info(`removed ${removed} file(s) this build did not produce`);
      },
    },
  };
}

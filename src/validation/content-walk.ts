/**
 * The content check's walk: every file under the content folder, with each
 * folder's listing kept between runs and trusted by the folder's stat, as
 * git's untracked cache does.
 *
 * Why: an archive whose articles have a folder of pictures each has as
 * many folders as pictured articles, and reading a folder costs five
 * system calls (open, fstat, two getdents, close) against one `stat`. At
 * 6,000 such folders the walk took 90 ms of every build (BENCHMARKS.md,
 * "Pictures at 10,000, session 23"), nearly all of it to learn that
 * nothing had moved.
 *
 * A folder's listing changes only when an entry is added, removed or
 * renamed, and each of those moves the folder's modification and change
 * times; a file edited in place does not, and need not (only names are
 * kept). The rule for trusting a stat is the kept verdicts' (`verdicts.ts`):
 * size, times and inode as recorded, and not changed within `RACY_MS` of
 * the run that recorded them.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { stampOf, type Verdicts } from './verdicts.ts';

/** One folder's entries, hidden ones (`.git`, `.DS_Store`) aside: its files' and its folders' names. */
export interface Listing {
  readonly files: readonly string[];
  readonly folders: readonly string[];
}

/** A file the walk found: its absolute path, and its path from the top folder with `/` separators. */
export interface FoundFile {
  readonly abs: string;
  readonly rel: string;
}

function readListing(abs: string): Listing {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isFile()) files.push(entry.name);
    else if (entry.isDirectory()) folders.push(entry.name);
  }
  return { files, folders };
}

/**
 * Every file under the folder `top` (absolute), hidden files and folders
 * aside, each folder's listing taken from `listings` when its stat is as
 * recorded (keyed by the folder's path from `top`, `''` for `top`, `a/b/`
 * below it) and recorded there when read. Call `listings.save()` after.
 * @throws the file system's error for `top` (ENOENT when it is missing)
 * @example contentFiles('/site/content', listings) // [{ abs: '/site/content/articles/fa/bazar.md', rel: 'articles/fa/bazar.md' }, …]
 */
export function contentFiles(top: string, listings: Verdicts<Listing>): FoundFile[] {
  const found: FoundFile[] = [];
  const visit = (abs: string, rel: string) => {
    const stamp = stampOf(statSync(abs));
    let listing = listings.byStamp(rel, stamp)?.verdict;
    if (!listing) {
      listing = readListing(abs);
      listings.keep(rel, stamp, '', listing);
    }
    for (const name of listing.files) found.push({ abs: `${abs}${path.sep}${name}`, rel: `${rel}${name}` });
    for (const name of listing.folders) visit(`${abs}${path.sep}${name}`, `${rel}${name}/`);
  };
  visit(top, '');
  return found;
}

/**
 * A worker thread that writes one Pagefind bundle from a list of built pages
 * and reports each page's Pagefind id and the hash of what was indexed. Each worker starts its own Pagefind
 * process (the Node API keeps one per module instance), and Pagefind indexes
 * on one thread, so the two sections index side by side on two cores.
 * Runs under plain Node (type stripping), outside Vite.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { normalizeSearchText } from '../../utils/search-text.ts';
import { indexedHash } from './indexed-hash.ts';

export interface BundleJob {
  readonly outputPath: string;
  readonly pages: readonly { readonly url: string; readonly file: string }[];
}

/** What the bundle holds for a page: its Pagefind page id (the name of its fragment file) and `indexedHash`. */
export interface IndexedPage {
  readonly id: string;
  readonly hash: string;
}

export interface BundleReply {
  /** URL → what the bundle holds for it. */
  readonly pages?: Record<string, IndexedPage>;
  readonly error?: string;
}

/** Pages handed to Pagefind at once: enough to keep its process busy while the next files are read. */
const WINDOW = 32;

/** Pagefind's fragment files are gzip with a signature before the JSON. */
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

async function build({ outputPath, pages }: BundleJob): Promise<Record<string, IndexedPage>> {
  const hashes = new Map<string, string>();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    for (let start = 0; start < pages.length; start += WINDOW) {
      await Promise.all(
        pages.slice(start, start + WINDOW).map(async ({ url, file }) => {
          const html = await readFile(file, 'utf8');
          hashes.set(url, indexedHash(html, url));
          // The index gets the folded spelling the search page also applies to queries.
          const content = normalizeSearchText(html);
          const added = await index.addHTMLFile({ url, content });
          if (added.errors.length) throw new Error(`could not index ${url}: ${added.errors.join('; ')}`);
        }),
      );
    }
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(written.errors.join('; '));
  } finally {
    await pagefind.close();
  }
  // The search page hides a base page by its id, which only the written fragments tell.
  const indexed: Record<string, IndexedPage> = {};
  const fragments = join(outputPath, 'fragment');
  for (const name of existsSync(fragments) ? await readdir(fragments) : []) {
    const text = gunzipSync(await readFile(join(fragments, name))).toString('utf8');
    const { url } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url: string };
    indexed[url] = { id: name.replace(/\.pf_fragment$/, ''), hash: hashes.get(url)! };
  }
  if (Object.keys(indexed).length !== pages.length) {
    throw new Error(`wrote ${Object.keys(indexed).length} fragments for ${pages.length} pages in ${outputPath}`);
  }
  return indexed;
}

build(workerData as BundleJob).then(
  (indexed) => parentPort!.postMessage({ pages: indexed } satisfies BundleReply),
  (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies BundleReply),
);

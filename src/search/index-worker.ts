/**
 * A worker thread that writes one Pagefind bundle. It is sent built pages
 * (`add`, with the file in dist/) for as long as the bundle is open, then `write`, and replies with each page's Pagefind id and the hash
 * of what was indexed. Each worker starts its own Pagefind process (the Node
 * API keeps one per module instance), and Pagefind indexes on one thread, so
 * bundles are written side by side on two cores. Runs under plain Node (type
 * stripping), outside Vite.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { indexHtml } from './folding.ts';
import { defaultLang, languageOfTag, type Lang } from '../i18n/locales.ts';
import { indexedHash } from './indexed-hash.ts';

/**
 * The language whose folding the section's pages get: the section's (the
 * language its search page folds queries in), so a query and the index
 * always fold alike, whatever language a single article is written in.
 */
const foldLanguage: Lang = languageOfTag((workerData as WorkerOptions).language) ?? defaultLang;

/** What the main thread tells a worker when it starts it (`workerData`). */
export interface WorkerOptions {
  /**
   * The language tag every page is indexed under (Pagefind's `forceLanguage`):
   * the section's, the language of its search page.
   */
  readonly language: string;
}

export type BundleMessage =
  | { readonly kind: 'add'; readonly url: string; readonly file: string }
  | { readonly kind: 'write'; readonly outputPath: string };

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

const created = pagefind.createIndex({ forceLanguage: (workerData as WorkerOptions).language });
const hashes = new Map<string, string>();
const queue: Extract<BundleMessage, { kind: 'add' }>[] = [];
const idle: (() => void)[] = [];
let active = 0;
let failure: unknown;

/** Keeps at most WINDOW pages in flight to Pagefind; wakes `write` once everything queued is indexed. */
function pump(): void {
  while (active < WINDOW && queue.length) {
    const { url, file } = queue.shift()!;
    active++;
    add(url, file)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => {
        active--;
        pump();
      });
  }
  if (active === 0 && queue.length === 0) for (const wake of idle.splice(0)) wake();
}

async function add(url: string, file: string): Promise<void> {
  const { index, errors } = await created;
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const html = await readFile(file, 'utf8');
  hashes.set(url, indexedHash(html, url));
  // The index gets the folded text the search page's queries are matched
  // against, in the section's language (see `indexHtml`).
  const added = await index.addHTMLFile({ url, content: indexHtml(html, foldLanguage) });
  if (added.errors.length) throw new Error(`could not index ${url}: ${added.errors.join('; ')}`);
}

async function write(outputPath: string): Promise<Record<string, IndexedPage>> {
  await new Promise<void>((resolve) => {
    idle.push(resolve);
    pump();
  });
  if (failure) throw failure;
  const { index, errors } = await created;
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length) throw new Error(written.errors.join('; '));
  await pagefind.close();
  // The search page hides a base page by its id, which only the written fragments tell.
  const indexed: Record<string, IndexedPage> = {};
  const fragments = join(outputPath, 'fragment');
  for (const name of existsSync(fragments) ? await readdir(fragments) : []) {
    const text = gunzipSync(await readFile(join(fragments, name))).toString('utf8');
    const { url } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url: string };
    indexed[url] = { id: name.replace(/\.pf_fragment$/, ''), hash: hashes.get(url)! };
  }
  if (Object.keys(indexed).length !== hashes.size) {
    throw new Error(`wrote ${Object.keys(indexed).length} fragments for ${hashes.size} pages in ${outputPath}`);
  }
  return indexed;
}

parentPort!.on('message', async (message: BundleMessage) => {
  if (message.kind === 'add') {
    queue.push(message);
    pump();
    return;
  }
  try {
    parentPort!.postMessage({ pages: await write(message.outputPath) } satisfies BundleReply);
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies BundleReply);
  }
});

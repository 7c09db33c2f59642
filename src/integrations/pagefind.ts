/**
 * Writes the Pagefind search index into the build output, as the last step
 * of `astro build` (so `npm run build`, `npm start` and the tests all get it).
 *
 * Only article pages are indexed: they are the pages with `data-pagefind-body`.
 * Each section has its own folder, `/pagefind/<lang>/`, holding
 *
 * - the base: numbered bundles (`0/`, `1/`, …) of at most `SHARD_PAGES`
 *   articles each, because a Pagefind process needs about half a megabyte of
 *   memory per article while it writes;
 * - a delta bundle (`delta/`) for what changed since the base was built
 *   (see `search-index/plan.ts` for when the base is rebuilt);
 * - `search.json`, which tells the search page (`components/SearchBox.astro`)
 *   which bundles to load and which base pages to hide.
 *
 * Bundles are written by worker threads, one per core, each driving its own
 * Pagefind process. The HTML handed to Pagefind goes through
 * `normalizeSearchText`, the same folding the search page applies to the
 * reader's query; the pages on disk are left as they are.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { langs, type Lang } from '../i18n/locales.ts';
import { normalizeSearchText } from '../utils/search-text.ts';
import { SEARCH_INDEX_DIR } from '../utils/urls.ts';
import { indexedHash } from './search-index/indexed-hash.ts';
import { planSearchIndex, SHARD_PAGES, type BasePage, type SearchPlan } from './search-index/plan.ts';
import type { BundleJob, BundleReply, IndexedPage } from './search-index/worker.ts';

/** Where the search pages load the index from: `/pagefind/<lang>/` (see `searchIndexPath`). */
export const PAGEFIND_DIR = SEARCH_INDEX_DIR;
/** The delta bundle, inside a section's folder. */
const DELTA_DIR = 'delta';
/** The manifest the search page reads first, in a section's folder. */
export const SEARCH_MANIFEST = 'search.json';

/** `/pagefind/<lang>/search.json`. */
export interface SearchManifest {
  /** Bundles to load, relative to the section's folder: the first is loaded, the others merged into it. */
  readonly bundles: readonly string[];
  /** Base page ids whose page changed or is gone: results the search page drops. */
  readonly hide: readonly string[];
}

/** Bumped whenever the folders or the state below change shape: older state is then ignored. */
const STATE_LAYOUT = 2;

/** What a build remembers of a section's index for the next build (in Astro's cache folder). */
interface SectionState {
  readonly version: string;
  /** The base bundles' folders, and a hash of their `pagefind-entry.json` files: other files in dist/ mean the base is not ours. */
  readonly shards: readonly string[];
  readonly signature: string;
  readonly base: Record<string, BasePage>;
  /** Each page's size and mtime when it was last hashed, so unchanged pages are not read again. */
  readonly pages: Record<string, { readonly stamp: string; readonly hash: string }>;
  readonly deltaKey: string;
}

interface ArticlePage {
  readonly url: string;
  readonly file: string;
  readonly stamp: string;
}

/** Article pages, by their route shape (`/{lang}/{yyyy}/{mm}/{slug}/`): the only pages with `data-pagefind-body`. */
function articlePages(root: string, lang: Lang): ArticlePage[] {
  const dir = join(root, lang);
  if (!existsSync(dir)) return [];
  const shape = /^\d{4}\/\d{2}\/[^/]+$/;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'index.html')
    .map((e) => ({ dir: relative(dir, e.parentPath).split(sep).join('/'), file: join(e.parentPath, e.name) }))
    .filter(({ dir }) => shape.test(dir))
    .map(({ dir, file }) => {
      const { size, mtimeMs } = statSync(file);
      return { url: `/${lang}/${dir}/`, file, stamp: `${size}:${mtimeMs}` };
    });
}

/** A hash of the bundles' entry files ('' if one is missing). */
function signature(dirs: readonly string[]): string {
  const hash = createHash('sha256');
  for (const dir of dirs) {
    const entry = join(dir, 'pagefind-entry.json');
    if (!existsSync(entry)) return '';
    hash.update(readFileSync(entry));
  }
  return hash.digest('hex');
}

/** At most one bundle per core is written at a time: each is a Pagefind process on one thread. */
function limiter(slots: number) {
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (slots > 0) slots--;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else slots++;
    }
  };
}

/** Runs one bundle build in a worker thread. */
function writeBundle(workerUrl: URL, job: BundleJob): Promise<Record<string, IndexedPage>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerUrl, { workerData: job });
    worker.once('message', (reply: BundleReply) => {
      void worker.terminate();
      if (reply.pages) resolve(reply.pages);
      else reject(new Error(`Pagefind (${job.outputPath}): ${reply.error}`));
    });
    worker.once('error', reject);
  });
}

interface SectionBuild {
  readonly root: string;
  readonly lang: Lang;
  readonly stateFile: string;
  readonly version: string;
  readonly bundle: (job: BundleJob) => Promise<Record<string, IndexedPage>>;
  readonly logger: AstroIntegrationLogger;
}

async function buildSection({ root, lang, stateFile, version, bundle, logger }: SectionBuild): Promise<void> {
  const sectionDir = join(root, PAGEFIND_DIR, lang);
  const deltaDir = join(sectionDir, DELTA_DIR);
  let state: SectionState | undefined;
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as SectionState;
  } catch {
    state = undefined;
  }
  const usable =
    state !== undefined &&
    state.version === version &&
    Array.isArray(state.shards) &&
    state.signature !== '' &&
    state.signature === signature(state.shards.map((dir) => join(sectionDir, dir)));

  const pages = articlePages(root, lang);
  let hashes: SectionState['pages'] = {};
  let plan: SearchPlan = { kind: 'full', reason: 'no search index from an earlier build' };
  if (usable) {
    // Only pages whose size or time changed are read again; a few at a time, so memory stays flat.
    let next = 0;
    const lane = async () => {
      while (next < pages.length) {
        const { url, file, stamp } = pages[next++]!;
        const known = state!.pages[url];
        hashes[url] = known?.stamp === stamp ? known : { stamp, hash: indexedHash(await readFile(file, 'utf8'), url) };
      }
    };
    await Promise.all(Array.from({ length: 16 }, lane));
    const current = new Map(Object.entries(hashes).map(([url, { hash }]) => [url, hash]));
    plan = planSearchIndex(new Map(Object.entries(state!.base)), current);
  }

  let shards = usable ? state!.shards : [];
  let base = usable ? state!.base : {};
  let hide: readonly string[] = [];
  let deltaKey = '';
  if (plan.kind === 'full') {
    rmSync(sectionDir, { recursive: true, force: true });
    // Oldest first (the path starts with the year and month), so shards follow the archive.
    const sorted = [...pages].sort((a, b) => (a.url < b.url ? -1 : 1));
    const chunks = Array.from({ length: Math.max(1, Math.ceil(sorted.length / SHARD_PAGES)) }, (_, i) =>
      sorted.slice(i * SHARD_PAGES, (i + 1) * SHARD_PAGES),
    );
    shards = chunks.map((_, i) => String(i));
    // The worker hashes each page as it indexes it: a full build reads every page once.
    const written = await Promise.all(chunks.map((chunk, i) => bundle({ outputPath: join(sectionDir, shards[i]!), pages: chunk })));
    const indexed = Object.assign({}, ...written) as Record<string, IndexedPage>;
    base = Object.fromEntries(pages.map(({ url }) => [url, indexed[url]!]));
    hashes = Object.fromEntries(pages.map(({ url, stamp }) => [url, { stamp, hash: indexed[url]!.hash }]));
    logger.info(`${lang}: indexed ${pages.length} articles for search in ${shards.length} bundle(s) (${plan.reason})`);
  } else if (plan.delta.length === 0) {
    rmSync(deltaDir, { recursive: true, force: true });
    hide = plan.hide;
    logger.info(`${lang}: search index up to date (${pages.length} articles)`);
  } else {
    hide = plan.hide;
    deltaKey = plan.key;
    if (state!.deltaKey === plan.key && existsSync(join(deltaDir, 'pagefind-entry.json'))) {
      logger.info(`${lang}: search index up to date (${plan.delta.length} pages in the delta)`);
    } else {
      rmSync(deltaDir, { recursive: true, force: true });
      const byUrl = new Map(pages.map((p) => [p.url, p]));
      await bundle({ outputPath: deltaDir, pages: plan.delta.map((url) => byUrl.get(url)!) });
      logger.info(`${lang}: indexed ${plan.delta.length} new or changed articles into the delta, hiding ${plan.hide.length} from the base`);
    }
  }
  const manifest: SearchManifest = { bundles: [...shards, ...(deltaKey ? [DELTA_DIR]: [])].map((dir) => `${dir}/`), hide };
  mkdirSync(sectionDir, { recursive: true });
  writeFileSync(join(sectionDir, SEARCH_MANIFEST), JSON.stringify(manifest));
  const next: SectionState = {
    version,
    shards,
    signature: signature(shards.map((dir) => join(sectionDir, dir))),
    base,
    pages: hashes,
    deltaKey,
  };
  mkdirSync(join(stateFile, '..'), { recursive: true });
  writeFileSync(stateFile, JSON.stringify(next));
}

export default function pagefindIndex(): AstroIntegration {
  let cacheDir = '';
  let projectRoot = '';
  let workerUrl: URL;
  return {
    name: 'aa-aa:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheDir = fileURLToPath(config.cacheDir);
        projectRoot = fileURLToPath(config.root);
        workerUrl = new URL('integrations/search-index/worker.ts', config.srcDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        // Anything else in pagefind/ is from an older layout of the index.
        for (const entry of existsSync(join(root, PAGEFIND_DIR)) ? readdirSync(join(root, PAGEFIND_DIR)) : []) {
          if (!(langs as readonly string[]).includes(entry)) rmSync(join(root, PAGEFIND_DIR, entry), { recursive: true, force: true });
        }
        // A new Pagefind, new folding or a new page-reading rule each invalidate every index.
        const lockfile = join(projectRoot, 'package-lock.json');
        const version = createHash('sha256')
          .update(`layout ${STATE_LAYOUT}\n`)
          .update(normalizeSearchText.toString())
          .update(indexedHash.toString())
          .update(existsSync(lockfile) ? readFileSync(lockfile) : '')
          .digest('hex');
        // The state belongs to this output folder (test fixtures build elsewhere with the same cache).
        const stateDir = join(cacheDir, 'search-index', createHash('sha256').update(root).digest('hex').slice(0, 16));
        const slot = limiter(Math.max(1, availableParallelism()));
        const bundle = (job: BundleJob) => slot(() => writeBundle(workerUrl, job));
        await Promise.all(
          langs.map((lang) => buildSection({ root, lang, stateFile: join(stateDir, `${lang}.json`), version, bundle, logger })),
        );
      },
    },
  };
}

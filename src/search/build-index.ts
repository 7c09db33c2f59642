/**
 * The Pagefind search index, written into the build output at the end of
 * every `astro build` (by `src/integrations/search-index.ts`).
 *
 * Only article pages are indexed: they are the pages with `data-pagefind-body`.
 * Each section has its own folder, `/pagefind/<section>/`, holding
 *
 * - the base: numbered bundles (`0/`, `1/`, …) of at most `SHARD_PAGES`
 *   articles each, because a Pagefind process needs about half a megabyte of
 *   memory per article while it writes;
 * - a delta bundle (`delta/`) for what changed since the base was built
 *   (see `plan.ts` for when the base is rebuilt);
 * - `search.json`, which tells the search page (`client.ts`)
 *   which bundles to load and which base pages to hide.
 *
 * Beside the sections, `/pagefind/_warm/` is the warm-up bundle every search
 * page searches once as it opens (`warm-bundle.ts`).
 *
 * Bundles are written by worker threads, one per core, each driving its own
 * Pagefind process. The HTML handed to Pagefind goes through
 * `foldSpelling` in the page's language, the folding the search page applies to the
 * reader's query; the pages on disk are left as they are.
 */
import type { AstroIntegrationLogger } from 'astro';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { languages, sectionKeys, sections, type Section } from '../i18n/locales.ts';
import { foldingFingerprint } from './folding.ts';
import { SEARCH_INDEX_DIR, SEARCH_MANIFEST } from '../utils/urls.ts';
import { indexedHash } from './indexed-hash.ts';
import { BundleWriter } from './bundle.ts';
import { mapLimit, slots } from '../utils/concurrency.ts';
import { FullIndex } from './full-index.ts';
import type { SearchManifest } from './manifest.ts';
import { planSearchIndex, type BasePage, type SearchPlan } from './plan.ts';
import { WARM_DIR, WARM_WORD, writeWarmBundle } from './warm-bundle.ts';

/** The delta bundle, inside a section's folder. */
const DELTA_DIR = 'delta';

/** Bumped whenever the folders or the state below change shape: older state is then ignored. */
const STATE_LAYOUT = 3;

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

/**
 * Article pages, by their route shape (`/{section}/{yyyy}/{mm}/{slug}/`): the
 * only pages with `data-pagefind-body`. From `htmlFiles` (the build's own
 * list of the pages it wrote or kept, absolute paths) when given: a walk of
 * a 10,000-article section's folders costs about a second; else from a walk.
 */
function articlePages(root: string, section: Section, htmlFiles?: readonly string[]): ArticlePage[] {
  const dir = join(root, section);
  if (!existsSync(dir)) return [];
  const shape = /^\d{4}\/\d{2}\/[^/]+$/;
  const files = htmlFiles
    ? htmlFiles.filter((file) => file.startsWith(dir + sep) && basename(file) === 'index.html')
    : readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name === 'index.html').map((e) => join(e.parentPath, e.name));
  return files
    .map((file) => ({ dir: relative(dir, dirname(file)).split(sep).join('/'), file }))
    .filter(({ dir }) => shape.test(dir))
    .sort((a, b) => (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0))
    .map(({ dir, file }) => {
      const { size, mtimeMs } = statSync(file);
      return { url: `/${section}/${dir}/`, file, stamp: `${size}:${mtimeMs}` };
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

function readState(stateFile: string): SectionState | undefined {
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as SectionState;
  } catch {
    return undefined;
  }
}

/** Whether the state describes the bundles now in the section's folder, built the way this build would. */
function usableState(state: SectionState | undefined, sectionDir: string, version: string): state is SectionState {
  return (
    state !== undefined &&
    state.version === version &&
    Array.isArray(state.shards) &&
    state.signature !== '' &&
    state.signature === signature(state.shards.map((dir) => join(sectionDir, dir)))
  );
}

export interface SectionBuild {
  readonly root: string;
  readonly section: Section;
  readonly stateFile: string;
  readonly version: string;
  readonly workerUrl: URL;
  readonly acquire: () => Promise<() => void>;
  readonly logger: AstroIntegrationLogger;
  /** Every page the build wrote or kept (absolute paths); without it, the section's folder is walked. */
  readonly htmlFiles?: readonly string[];
}

export async function buildSection({ root, section, stateFile, version, workerUrl, acquire, logger, htmlFiles }: SectionBuild): Promise<void> {
  const sectionDir = join(root, SEARCH_INDEX_DIR, section);
  const deltaDir = join(sectionDir, DELTA_DIR);
  const state = readState(stateFile);
  const usable = usableState(state, sectionDir, version);

  const pages = articlePages(root, section, htmlFiles);
  // Pagefind's search script loads only the index named after its page's
  // <html lang> (the section's language), so every article of the section
  // goes into that one, whatever language it is written in (a German piece
  // in European Languages): indexed under its own tag, it could never be found.
  // Lower case, as the script looks it up (and as Pagefind names detected languages).
  const language = languages[sections[section].lang].tag.toLowerCase();
  let hashes: SectionState['pages'] = {};
  let plan: SearchPlan = planSearchIndex(undefined, new Map());
  if (usable) {
    // Only pages whose size or time changed are read again; a few at a time, so memory stays flat.
    await mapLimit(pages, 16, async ({ url, file, stamp }) => {
      const known = state.pages[url];
      hashes[url] = known?.stamp === stamp ? known : { stamp, hash: indexedHash(await readFile(file, 'utf8'), url) };
    });
    const current = new Map(Object.entries(hashes).map(([url, { hash }]) => [url, hash]));
    plan = planSearchIndex(new Map(Object.entries(state.base)), current);
  }

  let shards = usable ? state.shards : [];
  let base = usable ? state.base : {};
  let hide: readonly string[] = [];
  let deltaKey = '';
  if (plan.kind === 'full') {
    rmSync(sectionDir, { recursive: true, force: true });
    const full = new FullIndex(sectionDir, workerUrl, language, acquire);
    // Oldest first (the path starts with the year and month), so bundles follow the archive.
    for (const { url, file } of [...pages].sort((a, b) => (a.url < b.url ? -1 : 1))) await full.add(url, file);
    const written = await full.finish();
    shards = written.shards;
    base = written.pages;
    hashes = Object.fromEntries(pages.map(({ url, stamp }) => [url, { stamp, hash: written.pages[url]!.hash }]));
    logger.info(`${section}: indexed ${pages.length} articles for search in ${shards.length} bundle(s) (${plan.reason})`);
  } else if (plan.delta.length === 0) {
    rmSync(deltaDir, { recursive: true, force: true });
    hide = plan.hide;
    logger.info(`${section}: search index up to date (${pages.length} articles)`);
  } else {
    hide = plan.hide;
    deltaKey = plan.key;
    if (state!.deltaKey === plan.key && existsSync(join(deltaDir, 'pagefind-entry.json'))) {
      logger.info(`${section}: search index up to date (${plan.delta.length} pages in the delta)`);
    } else {
      rmSync(deltaDir, { recursive: true, force: true });
      const byUrl = new Map(pages.map((p) => [p.url, p]));
      const release = await acquire();
      try {
        const delta = new BundleWriter(workerUrl, language);
        for (const url of plan.delta) delta.add(url, byUrl.get(url)!.file);
        await delta.write(deltaDir);
      } finally {
        release();
      }
      logger.info(`${section}: indexed ${plan.delta.length} new or changed articles into the delta, hiding ${plan.hide.length} from the base`);
    }
  }
  const manifest: SearchManifest = {
    bundles: [...shards, ...(deltaKey ? [DELTA_DIR] : [])].map((dir) => `${dir}/`),
    hide,
    // Written by `buildSearchIndexes` beside the sections (`warm-bundle.ts`).
    warm: { bundle: `../${WARM_DIR}/`, query: WARM_WORD },
  };
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

/**
 * A fingerprint of everything that decides what the index holds: the state
 * layout, the spelling folding, the page-reading rule and the lockfile (which
 * pins Pagefind). A change to any of them rebuilds every section in full.
 */
export function searchIndexVersion(lockfile: string): string {
  return createHash('sha256')
    .update(`layout ${STATE_LAYOUT}\n`)
    .update(foldingFingerprint())
    .update(indexedHash.toString())
    .update(existsSync(lockfile) ? readFileSync(lockfile) : '')
    .digest('hex');
}

/**
 * Writes (or brings up to date) the search index of every section under
 * `root/pagefind/`, one Pagefind process per core.
 * @param root the build output folder
 * @param stateDir where the previous build's state is kept (outside dist/)
 * @param htmlFiles the pages the build wrote or kept (Astro's `assets`), so no folder is walked
 */
export async function buildSearchIndexes(root: string, stateDir: string, version: string, workerUrl: URL, logger: AstroIntegrationLogger, htmlFiles?: readonly string[]): Promise<void> {
  // Anything else in pagefind/ is from an older layout of the index.
  for (const entry of existsSync(join(root, SEARCH_INDEX_DIR)) ? readdirSync(join(root, SEARCH_INDEX_DIR)) : []) {
    if (!(sectionKeys as readonly string[]).includes(entry) && entry !== WARM_DIR) rmSync(join(root, SEARCH_INDEX_DIR, entry), { recursive: true, force: true });
  }
  const acquire = slots(Math.max(1, availableParallelism()));
  const warm = (async () => {
    const release = await acquire();
    try {
      await writeWarmBundle(root, join(stateDir, `${WARM_DIR}.json`), version);
    } finally {
      release();
    }
  })();
  await Promise.all([warm, ...sectionKeys.map((section) => buildSection({ root, section, stateFile: join(stateDir, `${section}.json`), version, workerUrl, acquire, logger, ...(htmlFiles ? { htmlFiles } : {}) }))]);
}

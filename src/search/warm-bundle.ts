/**
 * The warm-up bundle, `/pagefind/_warm/`: a small Pagefind bundle of made-up
 * pages that every section's search page merges and searches once as it
 * opens, so the reader's first query does not pay the search's one-time
 * costs.
 *
 * Why: the first search that matches thousands of pages took 1.2–1.8 s in
 * Pagefind's worker at 10,000 articles, the same search again 0.2–0.3 s
 * (BENCHMARKS.md "Search without the pause" and "The first query, warmed").
 * The difference is paid once per page: V8 compiles the WebAssembly's hot
 * loop with its optimizing compiler only after it has run a while, the
 * worker's heap grows (hundreds of ms of garbage collection), and the
 * JavaScript that turns Pagefind's result into objects runs unoptimized.
 * A search of a rare word, or of no word, does not run that code enough; a
 * common word of the section would, but its index chunk is tens of KB
 * (hundreds for the commonest). Here one word is in every page of a bundle
 * as large as a section's (`SHARD_PAGES`: the most results one bundle can
 * give), so its search runs the same code as a common word over a large
 * archive, while the bundle costs the reader about 26 KB at 5,000 pages: the
 * page list (random page hashes, which do not compress) and one index chunk
 * of a few hundred bytes (the same positions in every page compress to
 * almost nothing). No fragments are kept: its results are never shown.
 *
 * The word is written in Gothic letters, which sort after every letter of
 * the site's languages, so it never shares an index chunk with a real word:
 * searching it fetches no chunk of a section's own bundles, and no real
 * query fetches the warm-up chunk. The search page hides its results by id
 * (`client.ts`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { defaultLang, languages } from '../i18n/locales.ts';
import { SEARCH_INDEX_DIR } from '../utils/urls.ts';
import { SHARD_PAGES } from './plan.ts';

/** The bundle's folder under `pagefind/` (a section key never starts with "_"). */
export const WARM_DIR = '_warm';

/** The one word of every warm-up page: Gothic, so it is in no article and sorts after every word that is. */
export const WARM_WORD = '\u{10330}\u{10331}\u{10332}';

/**
 * How often the word is in each page: about how often a section's common
 * words are in an article of the benchmark's corpus (46,007 places in 4,948
 * pages for its first query), so the search builds a result of that shape.
 */
const WARM_REPEATS = 9;

/** What the last build wrote, kept next to the sections' state. */
interface WarmState {
  readonly version: string;
  readonly pages: number;
  readonly entry: string;
}

/**
 * Writes `root/pagefind/_warm/` unless the one there was written by this
 * Pagefind (`version`, as for the sections) with as many pages: the bundle
 * does not depend on the site's content, so most builds keep it (a stat and
 * a small read). Writing it takes a few seconds at 5,000 pages.
 * @param root the build output folder
 * @param stateFile where the last write is recorded (outside dist/)
 * @returns the bundle's folder, relative to `root/pagefind/`, with a trailing slash
 * @example await writeWarmBundle('/site/dist', '/site/.astro/search/warm.json', version)
 */
export async function writeWarmBundle(root: string, stateFile: string, version: string): Promise<string> {
  const dir = join(root, SEARCH_INDEX_DIR, WARM_DIR);
  const entryFile = join(dir, 'pagefind-entry.json');
  let state: WarmState | undefined;
  try {
    state = JSON.parse(readFileSync(stateFile, 'utf8')) as WarmState;
  } catch {
    state = undefined;
  }
  const kept = state?.version === version && state.pages === SHARD_PAGES && existsSync(entryFile) && readFileSync(entryFile, 'utf8') === state.entry;
  if (!kept) {
    rmSync(dir, { recursive: true, force: true });
    const tag = languages[defaultLang].tag.toLowerCase();
    const { index, errors } = await pagefind.createIndex({ forceLanguage: tag });
    if (!index) throw new Error(`Pagefind (warm-up bundle): ${errors.join('; ')}`);
    const content = Array.from({ length: WARM_REPEATS }, () => WARM_WORD).join(' ');
    try {
      for (let i = 0; i < SHARD_PAGES; i++) {
        const added = await index.addCustomRecord({ url: `/${WARM_DIR}/${i}/`, content, language: tag });
        if (added.errors.length) throw new Error(`Pagefind (warm-up bundle): ${added.errors.join('; ')}`);
      }
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`Pagefind (warm-up bundle): ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    // Only the entry, the page list and the index chunk are read: no script, WebAssembly or fragment.
    for (const name of readdirSync(dir)) {
      if (name !== 'index' && name !== 'pagefind-entry.json' && !name.endsWith('.pf_meta')) rmSync(join(dir, name), { recursive: true, force: true });
    }
    mkdirSync(join(stateFile, '..'), { recursive: true });
    writeFileSync(stateFile, JSON.stringify({ version, pages: SHARD_PAGES, entry: readFileSync(entryFile, 'utf8') } satisfies WarmState));
  }
  return `${WARM_DIR}/`;
}

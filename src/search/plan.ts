/**
 * Deciding how much of a section's search index a build must rewrite.
 *
 * Pagefind cannot update an index: any change means indexing every page
 * again, about a minute at 10,000 articles. So each section's index is kept
 * as two Pagefind bundles, the way log-structured databases keep data:
 *
 * - the **base**, every article page as it was when the base was last built
 *   (in bundles of at most `SHARD_PAGES`);
 * - the **delta**, only the pages added or changed since then (usually a
 *   handful), rebuilt in a second when it changes.
 *
 * The search page merges the delta into the base and hides the base's copies
 * of pages that changed or were removed (their Pagefind page ids are listed
 * in the section's `search.json`). Once the delta outgrows a small share of
 * the base, the next build indexes everything into a new base ("compaction").
 * This module is the decision, kept pure so it can be tested without a build.
 */
import { createHash } from 'node:crypto';

/** What the base bundle holds for one page: the hash of its indexed part, and its Pagefind page id. */
export interface BasePage {
  readonly hash: string;
  readonly id: string;
}

export type SearchPlan =
  | { readonly kind: 'full'; readonly reason: string }
  | {
      readonly kind: 'delta';
      /** URLs to index into the delta bundle (new or changed since the base). */
      readonly delta: readonly string[];
      /** Base page ids the search page must hide (changed or removed pages). */
      readonly hide: readonly string[];
      /** Identifies the delta's contents: an unchanged key means the delta bundle can stay. */
      readonly key: string;
    };

/**
 * Most articles in one base bundle. Every bundle costs the reader bytes on
 * every query: the search page fetches, per bundle, the index chunk that
 * holds each query word (35–40 KB on the benchmark's corpus, whatever the
 * bundle's size), so 10,000 articles in bundles of 2,000 (three per
 * section, plus the delta) cost 115 KB of chunks for a second query, and in
 * one bundle per section 60–65 KB (`npm run bench -- 10000`, BENCHMARKS.md
 * "Search at archive scale"). Pagefind holds a whole bundle in memory while
 * it writes it, about 470 KB per 1,200-word Dari article (1.2 GB at 2,500,
 * 2.1 GB at 5,000; one Pagefind process per core at once), so 5,000 keeps
 * a 10,000-article archive in one bundle per section with each process near
 * 2 GB. A larger archive gets a second bundle rather than more memory.
 * `SEARCH_SHARD_PAGES=n` overrides it (the tests use 2, to build several).
 */
export const SHARD_PAGES = Number(process.env.SEARCH_SHARD_PAGES) || 5_000;

/**
 * Largest delta (pages added, changed or removed) served before compaction:
 * 2 % of the base, at least 32 pages. A delta page ranks a little apart from
 * the base (Pagefind weighs words by how rare they are within each bundle), so
 * the delta stays small; at 5,000 articles a section compacts about every
 * hundred changes, and a day's articles never trigger it.
 */
export function compactionThreshold(basePages: number): number {
  return Math.max(32, Math.ceil(basePages * 0.02));
}

/**
 * @param base what the base bundle holds, or undefined when there is no usable base
 * @param current every article page of the section now, URL → hash of its indexed part
 */
export function planSearchIndex(base: ReadonlyMap<string, BasePage> | undefined, current: ReadonlyMap<string, string>): SearchPlan {
  if (!base) return { kind: 'full', reason: 'no search index from an earlier build' };
  const delta = [...current].filter(([url, hash]) => base.get(url)?.hash !== hash).map(([url]) => url).sort();
  const hide = [...base]
    .filter(([url]) => current.get(url) !== base.get(url)!.hash)
    .map(([, page]) => page.id)
    .sort();
  const removed = [...base.keys()].filter((url) => !current.has(url)).length;
  const threshold = compactionThreshold(base.size);
  if (delta.length + removed > threshold) {
    return { kind: 'full', reason: `${delta.length} pages changed and ${removed} removed since the last full index (more than ${threshold})` };
  }
  const key = createHash('sha256')
    .update(delta.map((url) => `${url}\0${current.get(url)}`).join('\n'))
    .update(`\n${hide.join(' ')}`)
    .digest('hex');
  return { kind: 'delta', delta, hide, key };
}

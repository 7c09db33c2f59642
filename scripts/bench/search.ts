/**
 * The benchmark's search phase: the built site served locally (gzip, as a
 * host serves it), each section's search page opened in Chromium
 * (playwright-core, `/usr/bin/chromium`, headless), and for each sample a
 * fresh browser context (empty cache) that
 *
 * 1. opens the search page and waits for its `load` event, for the network
 *    to be quiet and for the page to say its index is loaded (`data-ready`
 *    on the form, set once Pagefind is loaded and warmed: `client.ts`); the
 *    script may start loading the index as the page opens: those bytes count
 *    towards the first query, that time not (it is reported as "ready");
 * 2. types a first query (the whole word at once, as the last keystroke or
 *    a paste: one `input` event) and times it to the first result shown;
 * 3. types a second query the same way.
 *
 * Time is measured inside the page (`performance.now()` before the input
 * event, and in a MutationObserver when the first result is added to the
 * list), so it includes any pause the search box makes before searching
 * (none for a query of three letters or more; 250 ms for every query before). Bytes are what the
 * server wrote to the socket (headers + body as sent, gzip where a host
 * would compress; worker requests included) under `/pagefind/`: for the
 * first query, from opening the page until its results are shown and the
 * network is quiet (300 ms without an index request); for the second, from
 * typing it until the same. Queries are corpus words (`words.ts`).
 */
import { chromium, type Page } from 'playwright-core';
import { dari, english, type WordList } from './words.ts';
import { PUBLISHED, serveStatic, type StaticServer } from './static-server.ts';

export interface QuerySample {
  readonly query: string;
  readonly ms: number;
  readonly bytes: number;
  readonly requests: number;
  /** Each request counted: path and bytes. */
  readonly files: readonly (readonly [string, number])[];
  /** The result count the page reported (must be > 0: the word is in the corpus). */
  readonly status: string;
}

export interface SectionSearchResult {
  readonly section: string;
  readonly first: { readonly ms: number; readonly bytes: number; readonly samples: readonly QuerySample[] };
  readonly second: { readonly ms: number; readonly bytes: number; readonly samples: readonly QuerySample[] };
  /** Bundles listed in the section's search.json when measured. */
  readonly bundles: number;
  /** Median ms from opening the page to its index being loaded and warmed (`data-ready`), if the page says. */
  readonly ready: number | undefined;
}

export interface SearchPhaseResult {
  readonly samples: number;
  readonly sections: readonly SectionSearchResult[];
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Spread over the skewed noun lists (the first nouns are the most frequent words of the corpus). */
const FIRST = [3, 21, 44, 77, 118];
const SECOND = [9, 30, 58, 96, 140];
const wordLists: Record<string, WordList> = { fa: dari, en: english };

/** Corpus words for a section's first and second queries (nouns without spaces, so one word each). */
export function searchQueries(section: string, samples: number): { first: string[]; second: string[] } {
  const nouns = (wordLists[section] ?? english).nouns.filter((w) => !/\s/.test(w));
  const at = (picks: number[]) => Array.from({ length: samples }, (_, k) => nouns[picks[k % picks.length]! % nouns.length]!);
  return { first: at(FIRST), second: at(SECOND) };
}

/** What a request under /pagefind/ is: Pagefind's scripts, its WebAssembly, bundle metadata, index chunks or result fragments. */
export function fileKind(path: string): string {
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragment';
  if (path.endsWith('.pf_meta') || path.endsWith('pagefind-entry.json') || path.endsWith('search.json')) return 'meta';
  if (path.endsWith('.pagefind')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  return 'other';
}

/** Bytes by `fileKind`, in KB, for a printed line. */
function breakdown(files: QuerySample['files']): string {
  const by = new Map<string, number>();
  for (const [path, bytes] of files) by.set(fileKind(path), (by.get(fileKind(path)) ?? 0) + bytes);
  return [...by].map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(0)}`).join(', ');
}

/** Median of a non-empty list. */
export const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Counts what the server sent under /pagefind/ between marks. */
function meter(server: StaticServer) {
  let mark = 0;
  return {
    /** Starts a new count. */
    reset: () => {
      mark = server.sent.length;
    },
    /** Resolves once no response has been in flight for `quietMs` (whatever a query fetches after its first results counts too). */
    async settle(quietMs = 300) {
      while (server.inflight() > 0 || performance.now() - server.lastDone() < quietMs) await new Promise((r) => setTimeout(r, 50));
    },
    /** What was sent since the last reset. */
    total() {
      const mine = server.sent.slice(mark).filter((s) => s.path.startsWith('/pagefind/'));
      return { bytes: mine.reduce((sum, d) => sum + d.bytes, 0), requests: mine.length, files: mine.map((d) => [d.path, d.bytes] as const) };
    },
  };
}

/**
 * Waits until the search page says its index is loaded (the form's
 * `data-ready`, in ms since the page opened), at most `timeoutMs`: a page
 * without the marker (a client from before it) is given that long, which
 * only favours it. Resolves to the page's figure, or undefined.
 */
export async function pageReady(page: Page, timeoutMs = 5_000): Promise<number | undefined> {
  const ready = () => document.querySelector<HTMLFormElement>('#search-form')?.dataset.ready;
  await page.waitForFunction(ready, null, { timeout: timeoutMs }).catch(() => {});
  const value = await page.evaluate(ready);
  return value === undefined ? undefined : Number(value);
}

/** Types `query` in the page's search box; resolves to the ms until the first result is in the list. */
export const TYPE_AND_WAIT = async (query: string): Promise<{ ms: number; status: string }> => {
  const input = document.querySelector<HTMLInputElement>('#search-form input')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  list.replaceChildren();
  const shown = new Promise<number>((resolve, reject) => {
    const observer = new MutationObserver(() => {
      if (list.firstElementChild) {
        observer.disconnect();
        resolve(performance.now());
      }
    });
    observer.observe(list, { childList: true });
    setTimeout(() => reject(new Error(`no result for ${query} within 30 s (status: ${status.textContent})`)), 30_000);
  });
  const start = performance.now();
  input.value = query;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const end = await shown;
  return { ms: end - start, status: status.textContent ?? '' };
};

/**
 * Measures search on the site built in `dist` for each section, `samples`
 * times (median reported).
 * @example await measureSearch('/tmp/site/dist', ['fa', 'en'], 5)
 */
export async function measureSearch(dist: string, sections: readonly string[], samples = 5): Promise<SearchPhaseResult> {
  const server = await serveStatic(dist, PUBLISHED);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results: SectionSearchResult[] = [];
    for (const section of sections) {
      const queries = searchQueries(section, samples);
      const first: QuerySample[] = [];
      const second: QuerySample[] = [];
      let bundles = 0;
      const ready: number[] = [];
      for (let k = 0; k < samples; k++) {
        const context = await browser.newContext();
        try {
          const bytes = meter(server);
          bytes.reset();
          const page = await context.newPage();
          await page.goto(`${server.origin}/${section}/search/`, { waitUntil: 'load' });
          // A loaded search page: whatever it fetches as it opens (the index's
          // metadata and WebAssembly, since the page preloads them) is in.
          await bytes.settle();
          const at = await pageReady(page);
          if (at !== undefined) ready.push(at);
          const a = await page.evaluate(TYPE_AND_WAIT, queries.first[k]!);
          await bytes.settle();
          const b0 = bytes.total();
          bytes.reset();
          const b = await page.evaluate(TYPE_AND_WAIT, queries.second[k]!);
          await bytes.settle();
          const b1 = bytes.total();
          first.push({ query: queries.first[k]!, ms: a.ms, bytes: b0.bytes, requests: b0.requests, files: b0.files, status: a.status });
          second.push({ query: queries.second[k]!, ms: b.ms, bytes: b1.bytes, requests: b1.requests, files: b1.files, status: b.status });
          if (k === 0) {
            const manifest = await page.evaluate(async (s) => (await (await fetch(`/pagefind/${s}/search.json`)).json()) as { bundles: string[] }, section);
            bundles = manifest.bundles.length;
          }
        } finally {
          await context.close();
        }
      }
      results.push({
        section,
        first: { ms: median(first.map((s) => s.ms)), bytes: median(first.map((s) => s.bytes)), samples: first },
        second: { ms: median(second.map((s) => s.ms)), bytes: median(second.map((s) => s.bytes)), samples: second },
        bundles,
        ready: ready.length ? median(ready) : undefined,
      });
    }
    return { samples, sections: results };
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Prints one line per section and query. */
export function printSearch(r: SearchPhaseResult): void {
  console.log(`\nsearch (median of ${r.samples}; time from typing to the first result shown, bytes under /pagefind/ as transferred)`);
  for (const s of r.sections) {
    const line = (label: string, q: SectionSearchResult['first']) =>
      `  ${s.section} ${label}: ${q.ms.toFixed(0)} ms, ${(q.bytes / 1024).toFixed(1)} KB  (runs: ${q.samples.map((x) => `${x.query} ${x.ms.toFixed(0)} ms/${(x.bytes / 1024).toFixed(0)} KB`).join(', ')})`;
    console.log(`  ${s.section}: ${s.bundles} bundle(s)${s.ready === undefined ? '' : `, index loaded and warmed ${s.ready.toFixed(0)} ms after the page opened`}`);
    console.log(line('first query ', s.first));
    console.log(`    KB by kind (first sample): ${breakdown(s.first.samples[0]!.files)}`);
    console.log(line('second query', s.second));
    console.log(`    KB by kind (first sample): ${breakdown(s.second.samples[0]!.files)}`);
  }
}

// `node scripts/bench/search.ts <dist> [samples]`: the search phase alone, over a site built earlier (`npm run bench -- N --keep`).
if (import.meta.main) {
  const [dist, n] = process.argv.slice(2);
  if (!dist) throw new Error('usage: node scripts/bench/search.ts <dist> [samples]');
  const result = await measureSearch(dist, ['fa', 'en'], Number(n ?? 5));
  printSearch(result);
  if (process.env.BENCH_SEARCH_FILES) console.log(JSON.stringify(result.sections.map((s) => [s.first.samples[0], s.second.samples[0]]), null, 1));
}

/**
 * The search page's script, the site's only JavaScript: bundled by Astro
 * from `components/SearchBox.astro` (so a hashed CSP covers it). On first
 * use it reads the section's `search.json` (see `build-index.ts`), loads
 * Pagefind's own module from the first bundle, merges the others (and the
 * warm-up bundle, searched once before the reader's first query: `warmUp`)
 * and drops the base copies of changed articles from the results. The reader's query
 * goes through the same spelling folding as the indexed text (`foldQuery`),
 * and titles and excerpts come back as the article wrote them (`displayText`).
 */
import type { SearchManifest } from './manifest.ts';
import { displayText, foldQuery, holdsQuery, type FoldRules } from './fold-core.ts';
import { groupRuns, type Piece } from '../utils/bidi.ts';

/** The part of Pagefind's browser API used here (its module ships untyped). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  /** The indexed text, and the positions of its words that matched. */
  content: string;
  locations: number[];
}
interface Pagefind {
  /** Starts Pagefind's worker, which loads the first bundle's entry, metadata and WebAssembly; resolves before they are in. */
  init(): Promise<void>;
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
  mergeIndex(path: string): Promise<void>;
  /** Fetches the index chunks a query needs, without searching. */
  preload(query: string): Promise<void>;
}
interface Engine {
  pagefind: Pagefind;
  /** Base pages that changed or are gone since the index was built in full. */
  hidden: Set<string>;
}

/**
 * Results shown at once, and added by each "more results": each costs a
 * fragment download (the article's text, a few KB), so a page of results is
 * Pagefind's own UI's page (its `pageSize`, 5), which fills a phone's screen.
 */
const PAGE = 5;
/**
 * Shortest query (in characters) searched as it is typed, with no pause. A
 * shorter prefix spans many index chunks (tens of KB each), so one or two
 * letters wait for the reader to pause (`PAUSE`) or press Enter.
 */
const AS_TYPED_FROM = 3;
/**
 * How long a query shorter than `AS_TYPED_FROM` waits for the next key (ms).
 * Half of typists' keystrokes come less than about 240 ms apart (Dhakal et
 * al., "Observations on Typing from 136 Million Keystrokes", CHI 2018), so a
 * pause this long means the reader has stopped; longer queries never wait.
 */
const PAUSE = 250;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const strings = form.dataset;
/** The section language's folding rules (`foldRules` in `folding.ts`), for the same folding the index got. */
const rules = JSON.parse(strings.fold!) as FoldRules;
const numbers = new Intl.NumberFormat(document.documentElement.lang);
const plurals = new Intl.PluralRules(document.documentElement.lang);

/**
 * A status line from its template: `{n}` in the page's digits, `{q}` the
 * query as typed, isolated in a <bdi> so a query in the other direction
 * keeps its own order and does not reorder the sentence around it.
 */
function statusLine(template: string, n: number, q: string): Node[] {
  const [before, after = ''] = template.replace('{n}', numbers.format(n)).split('{q}');
  const query = document.createElement('bdi');
  query.textContent = q;
  return [document.createTextNode(before!), query, document.createTextNode(after)];
}

/** "1 result" / "2 results": the template for the count's plural category in the page's language. */
function resultsTemplate(n: number): string {
  const category = plurals.select(n);
  return (category === 'one' ? strings.resultsOne : strings.resultsOther)!;
}

let engine: Promise<Engine> | undefined;

/**
 * Pagefind for this section: the section's `search.json` lists its bundles
 * (the archive in a few, plus the articles changed since it was indexed)
 * and the base pages those changes replace.
 */
async function load(manifest: string): Promise<Engine> {
  const response = await fetch(manifest, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${response.url}: ${response.status}`);
  const { bundles, hide, warm } = (await response.json()) as SearchManifest;
  // Bundle paths are relative to the manifest.
  const at = (path: string) => new URL(path, response.url).pathname;
  // A section with no articles yet has nothing to load, and finds nothing.
  if (!bundles.length) return { pagefind: { init: async () => {}, search: async () => ({ results: [] }), mergeIndex: async () => {}, preload: async () => {} }, hidden: new Set() };
  // A plain variable: Vite wraps template-literal imports in a preload helper an inline script lacks.
  const module = at(`${bundles[0]}pagefind.js`);
  const pagefind = (await import(/* @vite-ignore */ module)) as Pagefind;
  // Pagefind starts its worker and loads the first bundle on its first call;
  // with one bundle (no mergeIndex below) that call was the reader's first
  // query, which then waited for the worker, the WebAssembly and the metadata.
  await pagefind.init();
  // Side by side: each merge fetches its bundle's entry and metadata (the WebAssembly is loaded once, by the first).
  await Promise.all([...bundles.slice(1), ...(warm ? [warm.bundle] : [])].map((path) => pagefind.mergeIndex(at(path))));
  const hidden = new Set(hide);
  if (warm) await warmUp(pagefind, warm.query, hidden);
  return { pagefind, hidden };
}

/**
 * Searches the warm-up bundle's word (`search/warm-bundle.ts`) once, so that
 * the reader's first query does not pay the one-time costs of a large search
 * in Pagefind's worker (the WebAssembly's optimized compile, heap growth,
 * unoptimized JavaScript): about a second on a loaded two-core machine at
 * 10,000 articles, against a few hundred bytes of index chunk here. The
 * warm-up pages' ids are added to `hidden`, so they are never results (no
 * article holds the word; this holds even if one did). A query typed
 * meanwhile waits for the engine, as it would have waited in the worker.
 */
async function warmUp(pagefind: Pagefind, query: string, hidden: Set<string>): Promise<void> {
  const search = pagefind.search(query);
  // While the worker searches, the page's own side of a first query.
  warmPage(query);
  const { results } = await search;
  for (const { id } of results) hidden.add(id);
}

/**
 * Runs what the page does with a query and its first result, on a made-up
 * result that is built detached and thrown away (nothing is drawn): the
 * query's folding, the check that a result holds it, the result row and the
 * status line. Each of them does work the first time only: on a
 * right-to-left page the first row built `bidi-js`'s table of character
 * classes (a Map over the code points it lists: 40-150 ms with its garbage
 * collection), and the folding's and the check's Unicode-property regular
 * expressions, DOMParser and the plural rules are compiled or loaded on
 * first use. Measured in BENCHMARKS.md "The first query's first row
 * (s19-first)". The row holds the warm-up word (in no article) beside the
 * page's own words, so that both directions' paths run.
 */
function warmPage(query: string): void {
  const folded = foldQuery(query, rules);
  const data: PagefindResultData = { url: location.pathname, meta: { title: `${strings.resultsOther!} ${query}` }, excerpt: `<mark>${query}</mark> ${strings.resultsOther!}`, content: `${folded} ${query}`, locations: [0] };
  if (rules.literal) holdsQuery(folded, data.content, data.locations);
  resultItem(data);
  statusLine(resultsTemplate(2), 2, query);
}

let latest = 0;

/**
 * Text and highlighted pieces as nodes; on a right-to-left page, the
 * left-to-right runs of the line in `<bdi>`, as in the articles (`utils/bidi.ts`).
 */
function lineNodes(pieces: Piece<boolean>[]): Node[] {
  const rtl = document.documentElement.dir === 'rtl';
  const groups = rtl ? groupRuns(pieces) : [{ ltr: false, pieces }];
  return groups.flatMap(({ ltr, pieces: part }) => {
    const nodes = part.map(({ text, data: marked }) => {
      if (!marked) return document.createTextNode(text);
      const mark = document.createElement('mark');
      mark.textContent = text;
      return mark;
    });
    if (!ltr) return nodes;
    const bdi = document.createElement('bdi');
    bdi.append(...nodes);
    return [bdi];
  });
}

/** Pagefind marks matches with <mark>; keep those and plain text, nothing else. */
function excerptNodes(html: string): Node[] {
  const body = new DOMParser().parseFromString(html, 'text/html').body;
  // The index holds folded words; the reader sees the article's own.
  return lineNodes([...body.childNodes].map((node) => ({ text: displayText(node.textContent ?? ''), data: node.nodeName === 'MARK' })));
}

function resultItem({ url, meta, excerpt }: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const title = document.createElement('a');
  title.href = url;
  title.append(...lineNodes([{ text: meta.title ? displayText(meta.title) : url, data: false }]));
  const text = document.createElement('p');
  text.append(...excerptNodes(excerpt));
  item.append(title, text);
  return item;
}

/** The results of the query shown now, and how far down them the list has got. */
interface Shown {
  readonly ticket: number;
  readonly q: string;
  readonly folded: string;
  readonly found: readonly { id: string; data(): Promise<PagefindResultData> }[];
  /** Results taken from `found` so far (shown, or dropped by the check below). */
  next: number;
  /** Results dropped because they do not hold the query. */
  dropped: number;
}
let shown: Shown | undefined;

/**
 * Loads the next page of `state`'s results into the list. All its fragments
 * are requested at once and each result is added as soon as it and those
 * ranked above it are in, so the first does not wait for the fifth. With
 * `fresh`, the list still holds the previous query's results, and the first
 * new one replaces them (the list never flashes empty between queries). The
 * status line counts what was found once the page is complete. Results that
 * only Pagefind's nearest-prefix fallback found are not results
 * (`holdsQuery`); such a fallback holds for a whole bundle, so once one is
 * dropped only the checked results are counted.
 */
async function showPage(state: Shown, fresh: boolean): Promise<void> {
  const page = state.found.slice(state.next, state.next + PAGE).map((r) => r.data());
  // Awaited in rank order below; a later one that fails meanwhile is not an unhandled rejection.
  for (const data of page) data.catch(() => {});
  let added = 0;
  for (const next of page) {
    const data = await next;
    if (state.ticket !== latest) return; // a newer query has taken over
    state.next += 1;
    if (rules.literal && !holdsQuery(state.folded, data.content, data.locations)) {
      state.dropped += 1;
      continue;
    }
    if (fresh && !added) list.replaceChildren();
    list.append(resultItem(data));
    added += 1;
  }
  if (fresh && !added) list.replaceChildren();
  const count = state.dropped ? state.next - state.dropped : state.found.length;
  const any = list.childElementCount > 0;
  status.replaceChildren(...statusLine(any ? resultsTemplate(count) : strings.none!, count, state.q));
  // A first page that all fell to the check is a query that found nothing (as before paging).
  more.hidden = !any || state.next >= state.found.length;
}

/** Says the search failed, unless a newer query has taken over; `asked` is cleared so the same query can be tried again. */
function failed(ticket: number, error: unknown): void {
  console.error('search:', error);
  if (ticket !== latest) return;
  asked = undefined;
  status.textContent = strings.unavailable!;
}

/** The newest query, ticketed, waiting for the index search before it to end. */
let waiting: { ticket: number; q: string } | undefined;
/** Whether an index search is running (Pagefind runs them one after another, in its worker). */
let searching = false;
/** The query last asked for (trimmed), so that Enter after typing it does not search it twice. */
let asked: string | undefined;

/**
 * Searches the index for `q`, then starts loading its first page of results
 * (not awaited: the next query's index search need not wait for fragments).
 */
async function searchIndex(ticket: number, q: string): Promise<void> {
  try {
    engine ??= load(strings.manifest!);
    const { pagefind, hidden } = await engine;
    const folded = foldQuery(q, rules);
    const found = (await pagefind.search(folded)).results.filter((r) => !hidden.has(r.id));
    if (ticket !== latest) return; // typed on meanwhile: its fragments are not worth fetching
    shown = { ticket, q, folded, found, next: 0, dropped: 0 };
    showPage(shown, true).catch((error: unknown) => failed(ticket, error));
  } catch (error) {
    engine = undefined; // the next query loads the index again
    failed(ticket, error);
  }
}

/** Runs the waiting query once the running index search ends: queries typed in between are never searched. */
async function drain(): Promise<void> {
  searching = true;
  while (waiting) {
    const { ticket, q } = waiting;
    waiting = undefined;
    await searchIndex(ticket, q);
  }
  searching = false;
}

/**
 * Asks for `query`'s results. Each query takes a ticket; results of an
 * older ticket are never drawn, so a slow search cannot overwrite a newer
 * one. Pagefind cannot cancel a search, so instead at most one waits behind
 * the running one. The list keeps the last results until the new ones
 * arrive; the status line says "searching" only when there is nothing to
 * keep or the reader asked with Enter or a link.
 */
function ask(query: string, explicit: boolean): void {
  const q = query.trim();
  if (q === asked && q) return;
  asked = q;
  const ticket = ++latest;
  more.hidden = true;
  if (!q) {
    waiting = undefined;
    shown = undefined;
    list.replaceChildren();
    status.textContent = '';
    return;
  }
  if (explicit || !list.childElementCount) status.textContent = strings.loading!;
  waiting = { ticket, q };
  if (!searching) void drain();
}

more.addEventListener('click', () => {
  const state = shown;
  if (!state) return;
  // Focus stays on the button, which moves down below the new results.
  more.disabled = true;
  showPage(state, false)
    .catch((error: unknown) => failed(state.ticket, error))
    .finally(() => {
      more.disabled = false;
    });
});

// The query lives in the address (?q=), so a search can be shared and reloaded.
function submit(query: string, explicit: boolean) {
  const url = new URL(location.href);
  if (query.trim()) url.searchParams.set('q', query.trim());
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  ask(query, explicit);
}

// The index starts loading as the page opens (Pagefind's worker, its
// WebAssembly and each bundle's metadata, tens of KB), so the first query
// waits only for the chunks of its own words.
engine = load(strings.manifest!);
engine.then(
  () => {
    // When the index is loaded and warmed, in ms since the page opened: the benchmark waits for it, as a reader would be reading the page.
    form.dataset.ready = String(Math.round(performance.now()));
  },
  () => {
    engine = undefined; // the first query tries again and says so
  },
);

let timer: ReturnType<typeof setTimeout> | undefined;
function typed() {
  clearTimeout(timer);
  const q = input.value.trim();
  const length = [...q].length;
  if (length && length < AS_TYPED_FROM) {
    timer = setTimeout(() => submit(input.value, false), PAUSE);
    return;
  }
  // While an index search runs, the chunks of the query waiting behind it load.
  if (searching && length) void engine?.then(({ pagefind }) => pagefind.preload(foldQuery(q, rules))).catch(() => {});
  submit(input.value, false);
}
input.addEventListener('input', (event) => {
  // An input method's word is searched once composed (compositionend), not letter by letter.
  if ((event as InputEvent).isComposing) return;
  typed();
});
input.addEventListener('compositionend', typed);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  submit(input.value, true);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  ask(initial, true);
}

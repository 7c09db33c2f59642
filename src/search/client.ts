/**
 * The search page's script, the site's only JavaScript: bundled by Astro
 * from `components/SearchBox.astro` (so a hashed CSP covers it). On first
 * use it reads the section's `search.json` (see `build-index.ts`), loads
 * Pagefind's own module from the first bundle, merges the others and drops
 * the base copies of changed articles from the results. The reader's query
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
/** Shortest query (in characters) whose index chunks are fetched while the reader is still typing. */
const PRELOAD_FROM = 3;

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
  const { bundles, hide } = (await response.json()) as SearchManifest;
  // Bundle paths are relative to the manifest.
  const at = (path: string) => new URL(path, response.url).pathname;
  // A section with no articles yet has nothing to load, and finds nothing.
  if (!bundles.length) return { pagefind: { search: async () => ({ results: [] }), mergeIndex: async () => {}, preload: async () => {} }, hidden: new Set() };
  // A plain variable: Vite wraps template-literal imports in a preload helper an inline script lacks.
  const module = at(`${bundles[0]}pagefind.js`);
  const pagefind = (await import(/* @vite-ignore */ module)) as Pagefind;
  // Side by side: each merge fetches its bundle's entry and metadata (the WebAssembly is loaded once, by the first).
  await Promise.all(bundles.slice(1).map((path) => pagefind.mergeIndex(at(path))));
  return { pagefind, hidden: new Set(hide) };
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
 * Loads the next page of `state`'s results and adds them to the list; the
 * status line counts what was found. Results that only Pagefind's
 * nearest-prefix fallback found are not results (`holdsQuery`); such a
 * fallback holds for a whole bundle, so once one is dropped only the
 * checked results are counted.
 */
async function showPage(state: Shown): Promise<void> {
  const page = state.found.slice(state.next, state.next + PAGE);
  const loaded = await Promise.all(page.map((r) => r.data()));
  if (state.ticket !== latest) return; // a newer query has taken over
  const data = rules.literal ? loaded.filter((d) => holdsQuery(state.folded, d.content, d.locations)) : loaded;
  state.next += page.length;
  state.dropped += loaded.length - data.length;
  const count = state.dropped ? state.next - state.dropped : state.found.length;
  list.append(...data.map(resultItem));
  const any = list.childElementCount > 0;
  status.replaceChildren(...statusLine(any ? resultsTemplate(count) : strings.none!, count, state.q));
  // A first page that all fell to the check is a query that found nothing (as before paging).
  more.hidden = !any || state.next >= state.found.length;
}

async function run(query: string) {
  const ticket = ++latest;
  const q = query.trim();
  list.replaceChildren();
  more.hidden = true;
  shown = undefined;
  if (!q) {
    status.textContent = '';
    return;
  }
  status.textContent = strings.loading!;
  try {
    engine ??= load(strings.manifest!);
    const { pagefind, hidden } = await engine;
    const folded = foldQuery(q, rules);
    const found = (await pagefind.search(folded)).results.filter((r) => !hidden.has(r.id));
    if (ticket !== latest) return;
    shown = { ticket, q, folded, found, next: 0, dropped: 0 };
    await showPage(shown);
  } catch (error) {
    console.error('search:', error);
    engine = undefined;
    status.textContent = strings.unavailable!;
  }
}

more.addEventListener('click', () => {
  if (!shown) return;
  // Focus stays on the button, which moves down below the new results.
  more.disabled = true;
  showPage(shown)
    .catch((error: unknown) => {
      console.error('search:', error);
      status.textContent = strings.unavailable!;
    })
    .finally(() => {
      more.disabled = false;
    });
});

// The query lives in the address (?q=), so a search can be shared and reloaded.
function submit(query: string) {
  const url = new URL(location.href);
  if (query.trim()) url.searchParams.set('q', query.trim());
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
  void run(query);
}

// The index starts loading as the page opens (its metadata and the WebAssembly,
// tens of KB), so the first query waits only for the chunks of its own words.
engine = load(strings.manifest!);
engine.catch(() => {
  engine = undefined; // run() tries again and says so
});

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
  // The chunks for what is typed so far load while the debounce waits; not
  // for one or two letters, whose prefix spans many chunks (the search proper still runs).
  const q = input.value.trim();
  if ([...q].length >= PRELOAD_FROM) void engine?.then(({ pagefind }) => pagefind.preload(foldQuery(q, rules))).catch(() => {});
  clearTimeout(timer);
  timer = setTimeout(() => submit(input.value), 250);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  clearTimeout(timer);
  submit(input.value);
});

const initial = new URLSearchParams(location.search).get('q');
if (initial) {
  input.value = initial;
  void run(initial);
}

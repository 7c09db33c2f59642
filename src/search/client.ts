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

/** Results shown at once; each costs a fragment download. */
const LIMIT = 10;
/** Shortest query (in characters) whose index chunks are fetched while the reader is still typing. */
const PRELOAD_FROM = 3;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
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

async function run(query: string) {
  const ticket = ++latest;
  const q = query.trim();
  list.replaceChildren();
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
    const loaded = await Promise.all(found.slice(0, LIMIT).map((r) => r.data()));
    // Results that only Pagefind's nearest-prefix fallback found are not results.
    const data = rules.literal ? loaded.filter((d) => holdsQuery(folded, d.content, d.locations)) : loaded;
    // Such a fallback holds for a whole bundle: with one dropped, only the checked ones are counted.
    const count = data.length < loaded.length ? data.length : found.length;
    if (ticket !== latest) return; // a newer query has taken over
    list.replaceChildren(...data.map(resultItem));
    status.replaceChildren(...statusLine(data.length ? resultsTemplate(count) : strings.none!, count, q));
  } catch (error) {
    console.error('search:', error);
    engine = undefined;
    status.textContent = strings.unavailable!;
  }
}

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

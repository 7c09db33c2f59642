/**
 * The search page's script, the site's only JavaScript: bundled by Astro
 * from `components/SearchBox.astro` (so a hashed CSP covers it). On first
 * use it reads the section's `search.json` (see `build-index.ts`), loads
 * Pagefind's own module from the first bundle, merges the others and drops
 * the base copies of changed articles from the results. The reader's query
 * goes through the same spelling folding as the indexed text.
 */
import type { SearchManifest } from './manifest.ts';
import { foldWithForms } from './fold-core.ts';
import { groupRuns, type Piece } from '../utils/bidi.ts';

/** The part of Pagefind's browser API used here (its module ships untyped). */
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
}
interface Pagefind {
  search(query: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
  mergeIndex(path: string): Promise<void>;
}
interface Engine {
  pagefind: Pagefind;
  /** Base pages that changed or are gone since the index was built in full. */
  hidden: Set<string>;
}

/** Results shown at once; each costs a fragment download. */
const LIMIT = 10;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const strings = form.dataset;
/** The section language's letter table (`letterForms` in the registry), for the same folding the index got. */
const letterForms = JSON.parse(strings.letterForms ?? '{}') as Record<string, string>;
const numbers = new Intl.NumberFormat(document.documentElement.lang);
const fill = (template: string, n: number, q: string) => template.replace('{n}', numbers.format(n)).replace('{q}', q);

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
  if (!bundles.length) return { pagefind: { search: async () => ({ results: [] }), mergeIndex: async () => {} }, hidden: new Set() };
  // A plain variable: Vite wraps template-literal imports in a preload helper an inline script lacks.
  const module = at(`${bundles[0]}pagefind.js`);
  const pagefind = (await import(/* @vite-ignore */ module)) as Pagefind;
  for (const path of bundles.slice(1)) await pagefind.mergeIndex(at(path));
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
  return lineNodes([...body.childNodes].map((node) => ({ text: node.textContent ?? '', data: node.nodeName === 'MARK' })));
}

function resultItem({ url, meta, excerpt }: PagefindResultData): HTMLLIElement {
  const item = document.createElement('li');
  const title = document.createElement('a');
  title.href = url;
  title.append(...lineNodes([{ text: meta.title ?? url, data: false }]));
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
    const found = (await pagefind.search(foldWithForms(q, letterForms))).results.filter((r) => !hidden.has(r.id));
    const data = await Promise.all(found.slice(0, LIMIT).map((r) => r.data()));
    if (ticket !== latest) return; // a newer query has taken over
    list.replaceChildren(...data.map(resultItem));
    status.textContent = fill(data.length ? strings.results! : strings.none!, found.length, q);
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

let timer: ReturnType<typeof setTimeout> | undefined;
input.addEventListener('input', () => {
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

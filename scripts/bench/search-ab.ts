/**
 * `node scripts/bench/search-ab.ts <distA> <distB> [samples] [sections…]`:
 * the search phase's first and second query (`search.ts`) on two built
 * sites, **interleaved**: per sample a fresh browser context on each, the
 * order alternating, so that a busy machine's load falls on both alike.
 * Prints each side's median and samples, in ms from typing to the first
 * result. For a change to the search page measured on a kept site: copy the
 * site with `cp -al`, replace its search pages and their script in one copy
 * (`cp --remove-destination`), and compare. Both are served as the
 * published site is (`PUBLISHED`); with `--plain-a`, A is served as bare
 * files (gzip text, no site headers), to measure what the headers buy on
 * one site (`node scripts/bench/search-ab.ts --plain-a <dist> <dist> 5`).
 */
import { chromium } from 'playwright-core';
import { PUBLISHED, serveStatic, type StaticServer } from './static-server.ts';
import { median, pageReady, searchQueries, TYPE_AND_WAIT } from './search.ts';

/** Each side's first- and second-query times (ms), sample by sample. */
export type AbResult = Record<'A' | 'B', { first: number[]; second: number[] }>;

/** Resolves once the server has had no request in flight for `quietMs`. */
async function settle(server: StaticServer, quietMs = 300): Promise<void> {
  while (server.inflight() > 0 || performance.now() - server.lastDone() < quietMs) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Measures `section`'s search page on both sites, `samples` times each.
 * @example await abSearch('/tmp/old/dist', '/tmp/new/dist', 'fa', 5)
 */
export async function abSearch(a: string, b: string, section: string, samples = 5, { plainA = false } = {}): Promise<AbResult> {
  const servers = { A: await serveStatic(a, plainA ? { gzip: true } : PUBLISHED), B: await serveStatic(b, PUBLISHED) };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const result: AbResult = { A: { first: [], second: [] }, B: { first: [], second: [] } };
  try {
    const queries = searchQueries(section, samples);
    for (let k = 0; k < samples; k++) {
      for (const side of k % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
        const context = await browser.newContext();
        try {
          const page = await context.newPage();
          await page.goto(`${servers[side].origin}/${section}/search/`, { waitUntil: 'load' });
          await settle(servers[side]);
          await pageReady(page);
          result[side].first.push((await page.evaluate(TYPE_AND_WAIT, queries.first[k]!)).ms);
          await settle(servers[side]);
          result[side].second.push((await page.evaluate(TYPE_AND_WAIT, queries.second[k]!)).ms);
        } finally {
          await context.close();
        }
      }
    }
    return result;
  } finally {
    await browser.close();
    await servers.A.close();
    await servers.B.close();
  }
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const plainA = args[0] === '--plain-a';
  const [a, b, n, ...sections] = plainA ? args.slice(1) : args;
  if (!a || !b) throw new Error('usage: node scripts/bench/search-ab.ts [--plain-a] <distA> <distB> [samples] [sections…]');
  for (const section of sections.length ? sections : ['fa', 'en']) {
    const r = await abSearch(a, b, section, Number(n ?? 5), { plainA });
    const line = (xs: number[]) => `${median(xs).toFixed(0)} ms (${xs.map((x) => x.toFixed(0)).join(' ')})`;
    for (const side of ['A', 'B'] as const) console.log(`${section} ${side}: first ${line(r[side].first)}; second ${line(r[side].second)}`);
  }
}

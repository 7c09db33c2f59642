/**
 * `npm run lighthouse [-- --runs 3]` (not in CI): Lighthouse with its mobile
 * defaults on a Dari article, an English article, the front page and a
 * section index of the built site, and an article with a lead picture when
 * one has it, served from dist/ on localhost as `npm run preview` serves it
 * (the site's headers and redirects, gzip). Drives Debian's
 * Chromium through chrome-launcher; nothing downloads a browser. Prints the
 * median of each category score per page, and the audits that kept a score
 * under 100. Builds first if dist/ is missing.
 *
 * Options: `--dist <dir>` another built site (an A/B pair against an older
 * commit's build); `--page <text>` only the pages whose label holds the text;
 * `--save <dir>` each run's full report as JSON (`long-tasks`,
 * `mainthread-work-breakdown`, the metrics) and the Chromium trace it was
 * computed from (`<page>-<run>.trace.json`, opens in DevTools' Performance
 * panel), to see where the time goes.
 *
 * Under a page's result, read from each run's trace
 * (`scripts/bench/page-trace.ts`): the largest layout's wall and CPU time,
 * and the runs where Chromium held the first painted frame (their first
 * contentful paint and speed index count Chromium's ~1 s wait, not the page).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { firstFrameHeldMs, HELD_FRAME_MS, largestLayout } from './bench/page-trace.ts';
import { PUBLISHED, serveStatic } from './bench/static-server.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    // Another built site (an older commit's dist/, for an A/B pair).
    dist: { type: 'string' },
    // Only the pages whose label contains this text ("front", "Dari article").
    page: { type: 'string' },
    // Keep each run's full report (JSON, its trace-derived audits included) in this folder.
    save: { type: 'string' },
  },
});
const runs = Number(values.runs);
const dist = values.dist ? resolve(values.dist) : join(root, 'dist');

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

if (!existsSync(join(dist, 'index.html')) && !values.dist) {
  console.log('dist/ is missing: building first');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}

/** The newest article of a section: the last year/month folder, first slug. */
function newestArticle(lang: string): string {
  const latest = (dir: string) => readdirSync(dir).filter((d) => /^\d+$/.test(d)).sort().at(-1);
  const year = latest(join(dist, lang));
  const month = year && latest(join(dist, lang, year));
  const slug = month && readdirSync(join(dist, lang, year, month)).sort()[0];
  if (!slug) throw new Error(`no article found under dist/${lang}/`);
  return `/${lang}/${year}/${month}/${slug}/`;
}

// Served as the published site is (`npm run preview`): its headers, redirects and gzip.
const server = await serveStatic(dist, PUBLISHED);
const origin = server.origin;

/** An article page with a lead picture (its largest paint is then the picture), or undefined. */
function articleWithLeadPicture(): string | undefined {
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name !== 'index.html') continue;
    const file = join(entry.parentPath, entry.name);
    if (/<figure[^>]*class="lead-image/.test(readFileSync(file, 'utf8'))) return `/${relative(dist, entry.parentPath).split(sep).join('/')}/`;
  }
  return undefined;
}
const pictured = articleWithLeadPicture();

const pages = [
  ['Dari article', newestArticle('fa')],
  ['English article', newestArticle('en')],
  ['front page', '/'],
  ['section index', '/fa/'],
  ...(pictured ? [['article with a lead picture', pictured] as const] : []),
].filter(([label]) => !values.page || label!.includes(values.page));
if (values.save) mkdirSync(values.save, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const rows: string[][] = [];
let allPerfect = true;

try {
  for (const [label, path] of pages) {
    const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const shortfalls = new Set<string>();
    const held: string[] = [];
    const layouts: string[] = [];
    for (let run = 1; run <= runs; run++) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
      try {
        const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${path}`);
        if (values.save) {
          const name = join(values.save, `${label!.replace(/\W+/g, '-')}-${run}`);
          writeFileSync(`${name}.json`, JSON.stringify(lhr));
          writeFileSync(`${name}.trace.json`, JSON.stringify(result.artifacts.Trace));
        }
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
        const events = result.artifacts.Trace.traceEvents;
        const heldMs = firstFrameHeldMs(events);
        const layout = largestLayout(events);
        if (layout) layouts.push(`${Math.round(layout.wallMs)}/${layout.cpuMs === undefined ? '?' : Math.round(layout.cpuMs)}`);
        if (heldMs !== undefined && heldMs > HELD_FRAME_MS) held.push(`run ${run} ${Math.round(heldMs)} ms`);
        for (const c of CATEGORIES) {
          const category = lhr.categories[c]!;
          scores[c]!.push(Math.round((category.score ?? 0) * 100));
          for (const ref of category.auditRefs) {
            const audit = lhr.audits[ref.id]!;
            if (ref.weight > 0 && audit.score !== null && audit.score < 1) shortfalls.add(`${c}: ${audit.id} (${Math.round(audit.score * 100)})`);
          }
        }
      } finally {
        chrome.kill();
      }
    }
    const medians = CATEGORIES.map((c) => median(scores[c]!));
    if (medians.some((m) => m < 100)) allPerfect = false;
    rows.push([label, path, ...medians.map(String)]);
    console.log(`${label} ${path}: ${CATEGORIES.map((c, i) => `${c} ${medians[i]} [${scores[c]!.join(' ')}]`).join(', ')}`);
    for (const s of shortfalls) console.log(`    under 100 — ${s}`);
    if (layouts.length > 0) console.log(`    largest layout, wall/CPU ms — ${layouts.join(' ')}`);
    if (held.length > 0) console.log(`    first frame held by Chromium (painted, shown later; not the page's time) — ${held.join(', ')}`);
  }
} finally {
  await server.close();
}

console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile defaults, median of ${runs}\n`);
const header = ['page', 'path', 'perf', 'a11y', 'best', 'seo'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
process.exitCode = allPerfect ? 0 : 1;

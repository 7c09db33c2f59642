/**
 * `npm run lighthouse [-- --runs 3]` (not in CI): Lighthouse with its mobile
 * defaults on a Dari article, an English article, the front page and a
 * section index of the built site, served from dist/ on localhost by a small
 * static server (brotli/gzip like a production host). Drives Debian's
 * Chromium through chrome-launcher; nothing downloads a browser. Prints the
 * median of each category score per page, and the audits that kept a score
 * under 100. Builds first if dist/ is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);

const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

if (!existsSync(join(dist, 'index.html'))) {
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

const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  let file = normalize(join(dist, path));
  if (!file.startsWith(dist)) return void res.writeHead(403).end();
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  const found = existsSync(file);
  if (!found) file = join(dist, '404.html');
  const body = readFileSync(file);
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'cache-control': path.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'public, max-age=600',
  };
  const accept = String(req.headers['accept-encoding'] ?? '');
  const compressible = /text|json|xml|svg/.test(type);
  let payload: Buffer = body;
  if (compressible && accept.includes('br')) [payload, headers['content-encoding']] = [brotliCompressSync(body), 'br'];
  else if (compressible && accept.includes('gzip')) [payload, headers['content-encoding']] = [gzipSync(body), 'gzip'];
  res.writeHead(found ? 200 : 404, headers).end(payload);
});
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const pages = [
  ['Dari article', newestArticle('fa')],
  ['English article', newestArticle('en')],
  ['front page', '/'],
  ['section index', '/fa/'],
] as const;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const rows: string[][] = [];
let allPerfect = true;

try {
  for (const [label, path] of pages) {
    const scores: Record<string, number[]> = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
    const shortfalls = new Set<string>();
    for (let run = 1; run <= runs; run++) {
      const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
      try {
        const result = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no result for ${path}`);
        if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
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
  }
} finally {
  server.close();
}

console.log(`\nLighthouse ${(await import('lighthouse/package.json', { with: { type: 'json' } })).default.version}, mobile defaults, median of ${runs}\n`);
const header = ['page', 'path', 'perf', 'a11y', 'best', 'seo'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
for (const r of [header, ...rows]) console.log(r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
process.exitCode = allPerfect ? 0 : 1;

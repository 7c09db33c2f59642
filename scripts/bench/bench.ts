/**
 * `npm run bench -- [N] [--runs 3] [--seed 1] [--out file.json] [--keep] [--dir path] [--phases cold,warm,add,edit,backdated,search] [--images] [--own-pictures]`
 * (`--images`: the images variant of the corpus; `--own-pictures`: the same
 * with a picture file of its own per article; see corpus.ts)
 * `npm run bench -- --compare before.json after.json`
 * `npm run bench -- 1000 --project ../other-checkout` (benchmark another checkout)
 *
 * Builds a throw-away copy of the site over a synthetic archive of N articles
 * (default 1,000) and measures `npm run build` four ways: cold (no output,
 * no caches), warm (nothing changed), after adding one article (the newest),
 * after editing one and after adding one dated years back (`backdated`); then
 * times search on the built site in Chromium (`search.ts`). Prints a table
 * of medians and writes the raw figures as JSON
 * (default `.bench/results-<N>-<timestamp>.json`). The project's own
 * `content/` and `dist/` are never touched.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFile, backdatedArticle, CORPUS_VERSION, corpusArticle, drawPictureSources, editedIndex, placePictures, withEdit, writeCorpus } from './corpus.ts';
import { measure, rssMethod, type Measurement } from './measure.ts';
import { compareResults, printTable, type BenchResult, type PhaseName, type PhaseResult } from './report.ts';
import { measureSearch, printSearch, type SearchPhaseResult } from './search.ts';
import { clearCaches, makeSiteCopy } from './site-copy.ts';

const benchDir = join(resolve(import.meta.dirname, '../..'), '.bench');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    phases: { type: 'string', default: 'cold,warm,add,edit,backdated,search' },
    // Samples (fresh browser contexts) per section in the search phase.
    'search-samples': { type: 'string', default: '5' },
    compare: { type: 'boolean', default: false },
    // The images variant: lead pictures on one article in two, an inline picture on one in ten.
    images: { type: 'boolean', default: false },
    // The images variant with a file of its own per pictured article (implies --images).
    'own-pictures': { type: 'boolean', default: false },
    // Benchmark another checkout (say, a worktree of an older commit) with this corpus.
    project: { type: 'string' },
  },
});
const projectRoot = resolve(values.project ?? join(import.meta.dirname, '../..'));

if (values.compare) {
  const [a, b] = positionals;
  if (!a || !b) throw new Error('usage: npm run bench -- --compare before.json after.json');
  const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as BenchResult;
  compareResults(read(a), read(b));
  process.exit(0);
}

const n = Number(positionals[0] ?? 1000);
const runs = Number(values.runs);
const seed = Number(values.seed);
const phases = new Set(values.phases.split(',') as (PhaseName | 'search')[]);
if (!Number.isInteger(n) || n < 2) throw new Error(`N must be an integer >= 2, got ${positionals[0]}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const site = values.dir ? resolve(values.dir) : join(os.tmpdir(), `aa-bench-${n}-${process.pid}`);
const logDir = join(benchDir, 'logs', `${n}-${stamp}`);
mkdirSync(logDir, { recursive: true });

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

function countHtml(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.html')).length;
}

/** The content layer's store: data-store.json, or its chunks. */
function dataStoreBytes(): number {
  const cache = join(site, 'node_modules', '.astro');
  if (!existsSync(cache)) return 0;
  return readdirSync(cache, { withFileTypes: true })
    .filter((e) => e.name.startsWith('data-store'))
    .reduce((sum, e) => sum + (e.isDirectory() ? dirBytes(join(cache, e.name)) : statSync(join(cache, e.name)).size), 0);
}

function pageFile(path: string): string {
  return join(site, 'dist', path, 'index.html');
}

function version(pkg: string): string {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'missing';
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function build(label: string, run: number): Promise<Measurement & { loadBefore: number }> {
  const loadBefore = os.loadavg()[0]!;
  const logFile = join(logDir, `${run}-${label}.log`);
  process.stdout.write(`  run ${run} ${label.padEnd(5)} … `);
  const m = await measure('npm', ['run', 'build'], site, logFile, { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' });
  if (m.exitCode !== 0) {
    console.log('FAILED');
    console.error(readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n'));
    throw new Error(`npm run build (${label}) exited with ${m.exitCode}; full log: ${logFile}`);
  }
  console.log(`${(m.wallMs / 1000).toFixed(1)} s, ${(m.peakRssKiB / 1024).toFixed(0)} MiB, ${m.cpuS.toFixed(1)} CPU s (load ${loadBefore.toFixed(1)})`);
  return { ...m, loadBefore };
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`benchmark check failed: ${message}`);
}

console.log(`Site copy: ${site}`);
// The code measured is the code copied now, not whatever is checked out when the runs end.
const gitState = { commit: git(['rev-parse', '--short', 'HEAD']), branch: git(['rev-parse', '--abbrev-ref', 'HEAD']), dirty: git(['status', '--porcelain']).length > 0 };
makeSiteCopy(projectRoot, site);
const articlesDir = join(site, 'content', 'articles');
const t0 = performance.now();
const ownPictures = values['own-pictures'];
if (ownPictures) values.images = true;
const corpusOptions = { images: values.images, ownPictures };
const pictureDir = join(site, '.bench-pictures');
if (values.images) await drawPictureSources(pictureDir);
const corpus = writeCorpus(articlesDir, n, seed, corpusOptions, values.images ? pictureDir : undefined);
const published = corpus.filter((a) => a.path);
console.log(`Corpus: ${n} articles (${published.length} published), ${(dirBytes(articlesDir) / 1048576).toFixed(1)} MiB, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// The content check alone (`npm run check`; every build also runs it first):
// cold, it renders every body into the cache; warm, it reads what they reported.
// Wall time moves with the machine's load; CPU seconds (all threads) are the steadier figure.
const timeCheck = async (label: string) => {
  const m = await measure(process.execPath, ['scripts/check.ts', 'content'], site, join(logDir, `check-${label}.log`));
  if (m.exitCode !== 0) throw new Error(`npm run check (${label}) exited with ${m.exitCode}; log in ${logDir}`);
  return { wallS: m.wallMs / 1000, cpuS: m.cpuS };
};
clearCaches(site);
const checkCold = await timeCheck('cold');
const checkWarm = await timeCheck('warm');
const contentCheckColdS = checkCold.wallS;
const contentCheckS = checkWarm.wallS;
console.log(
  `Content check: ${n} articles: cold ${checkCold.wallS.toFixed(2)} s (${checkCold.cpuS.toFixed(1)} CPU s), warm ${checkWarm.wallS.toFixed(2)} s (${checkWarm.cpuS.toFixed(1)} CPU s), load ${os.loadavg()[0]!.toFixed(1)}`,
);

const added = corpusArticle(n, n, seed, undefined, corpusOptions);
const edited = corpus[editedIndex(n)]!;
const editedFile = articleFile(articlesDir, edited);
const editedOriginal = readFileSync(editedFile, 'utf8');
const backdated = backdatedArticle(n, seed);

const samples: Record<PhaseName, (Measurement & { loadBefore: number })[]> = { cold: [], warm: [], add: [], edit: [], backdated: [] };
let search: SearchPhaseResult | undefined;
let pages = 0;
let distBytes = 0;
let storeBytes = 0;

try {
  for (let run = 1; run <= runs; run++) {
    clearCaches(site);
    if (phases.has('cold')) {
      samples.cold.push(await build('cold', run));
      pages = countHtml(join(site, 'dist'));
      distBytes = dirBytes(join(site, 'dist'));
      storeBytes = dataStoreBytes();
      check(existsSync(pageFile(published[0]!.path!)), `the newest article ${published[0]!.path} was not built`);
      check(existsSync(pageFile(edited.path!)), `${edited.path} was not built`);
    }
    if (phases.has('warm')) samples.warm.push(await build('warm', run));
    if (phases.has('add')) {
      writeFileSync(articleFile(articlesDir, added), added.text);
      placePictures(articlesDir, added, pictureDir, ownPictures);
      samples.add.push(await build('add', run));
      check(existsSync(pageFile(added.path!)), `the added article ${added.path} was not built`);
      check(readFileSync(pageFile(`/${added.lang}/`), 'utf8').includes(added.path!), `the section index does not list the added article`);
    }
    if (phases.has('edit')) {
      const marker = `bench-edit-${run}-${stamp}`;
      writeFileSync(editedFile, withEdit(editedOriginal, marker));
      samples.edit.push(await build('edit', run));
      check(readFileSync(pageFile(edited.path!), 'utf8').includes(marker), `the edited article ${edited.path} does not show the edit`);
    }
    if (phases.has('backdated')) {
      writeFileSync(articleFile(articlesDir, backdated), backdated.text);
      samples.backdated.push(await build('backdated', run));
      check(existsSync(pageFile(backdated.path!)), `the backdated article ${backdated.path} was not built`);
      const archive = join(site, 'dist', backdated.lang, 'archive');
      const listed = readdirSync(archive, { recursive: true, withFileTypes: true }).some(
        (e) => e.isFile() && e.name === 'index.html' && readFileSync(join(e.parentPath, e.name), 'utf8').includes(backdated.path!),
      );
      check(listed, `no archive page lists the backdated article ${backdated.path}`);
    }
    // Search on the site as built (after add and edit, its index has a delta, as a live site's usually has).
    if (phases.has('search') && run === 1) {
      process.stdout.write(`  run ${run} search … `);
      search = await measureSearch(join(site, 'dist'), [...new Set(corpus.map((a) => a.lang))], Number(values['search-samples']));
      console.log('done');
    }
    // Put the corpus back so that every run starts from the same archive.
    rmSync(articleFile(articlesDir, added), { force: true });
    rmSync(join(articlesDir, added.id), { recursive: true, force: true });
    rmSync(articleFile(articlesDir, backdated), { force: true });
    writeFileSync(editedFile, editedOriginal);
  }
} finally {
  if (!values.keep && !values.dir) rmSync(site, { recursive: true, force: true });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const phaseResults = Object.fromEntries(
  Object.entries(samples)
    .filter(([, xs]) => xs.length > 0)
    .map(([name, xs]): [string, PhaseResult] => [
      name,
      {
        wallS: median(xs.map((x) => x.wallMs / 1000)),
        peakRssMiB: median(xs.map((x) => x.peakRssKiB / 1024)),
        cpuS: median(xs.map((x) => x.cpuS)),
        runs: xs.map((x) => ({ wallS: x.wallMs / 1000, peakRssMiB: x.peakRssKiB / 1024, cpuS: x.cpuS, loadBefore: x.loadBefore })),
      },
    ]),
) as BenchResult['phases'];

const cpus = os.cpus();
const result: BenchResult = {
  n,
  seed,
  corpusVersion: CORPUS_VERSION,
  ...(values.images ? { images: true } : {}),
  ...(ownPictures ? { ownPictures: true } : {}),
  runs,
  date: new Date().toISOString(),
  command: 'npm run build',
  rssMethod: rssMethod(),
  machine: { cpus: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', memGiB: os.totalmem() / 2 ** 30, os: `${os.type()} ${os.release()}` },
  versions: { node: process.version, astro: version('astro'), vite: version('vite'), pagefind: version('pagefind') },
  git: gitState,
  output: { htmlPages: pages, distMiB: distBytes / 1048576, dataStoreMiB: storeBytes / 1048576 },
  contentCheckS,
  contentCheckColdS,
  contentCheckCpuS: { cold: checkCold.cpuS, warm: checkWarm.cpuS },
  phases: phaseResults,
  ...(search ? { search } : {}),
};

printTable(result);
if (search) printSearch(search);
const out = values.out ? resolve(values.out) : join(benchDir, `results-${n}-${stamp}.json`);
writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
console.log(`\nWrote ${out}\nLogs in ${logDir}`);

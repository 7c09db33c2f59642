/** The benchmark's result format, its table, and the comparison of two runs. */
import type { SearchPhaseResult } from './search.ts';

export type PhaseName = 'cold' | 'warm' | 'add' | 'edit' | 'backdated';

export interface PhaseResult {
  /** Medians over the runs. */
  readonly wallS: number;
  readonly peakRssMiB: number;
  readonly cpuS: number;
  readonly runs: readonly { wallS: number; peakRssMiB: number; cpuS: number; loadBefore: number }[];
}

export interface BenchResult {
  readonly n: number;
  readonly seed: number;
  /** Bumped whenever the generator changes, so results on different corpora are not compared unawares. */
  readonly corpusVersion?: number;
  /** The images variant: one article in two with a lead picture, one in ten an inline one (absent: none). */
  readonly images?: boolean;
  /** With `images`: each pictured article's files its own (`--own-pictures`; absent: shared). */
  readonly ownPictures?: boolean;
  readonly runs: number;
  readonly date: string;
  readonly command: string;
  readonly rssMethod: string;
  readonly machine: { cpus: number; cpuModel: string; memGiB: number; os: string };
  readonly versions: Record<string, string>;
  readonly git: { commit: string; branch: string; dirty: boolean };
  readonly output: { htmlPages: number; distMiB: number; dataStoreMiB: number };
  /** `npm run check` over the corpus with its bodies already rendered (absent in older results). */
  readonly contentCheckS?: number;
  /** The same with no cache: the check renders every body (absent in older results). */
  readonly contentCheckColdS?: number;
  /** CPU seconds of both checks (absent in older results). */
  readonly contentCheckCpuS?: { readonly cold: number; readonly warm: number };
  readonly phases: Partial<Record<PhaseName, PhaseResult>>;
  /** The search phase, on the site as built (absent in older results). */
  readonly search?: SearchPhaseResult;
}

const labels: Record<PhaseName, string> = {
  cold: 'cold (no caches)',
  warm: 'warm (no change)',
  add: 'add one article',
  edit: 'edit one article',
  backdated: 'add a backdated one',
};
const order: PhaseName[] = ['cold', 'warm', 'add', 'edit', 'backdated'];

const fmt = (x: number | undefined, digits = 1) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

/**
 * Prints medians per phase, with the spread of the runs.
 * @example printTable(JSON.parse(readFileSync('.bench/results-1000-….json', 'utf8')))
 */
export function printTable(r: BenchResult): void {
  const { machine: m, versions: v } = r;
  console.log(`\n${r.n} articles → ${r.output.htmlPages} HTML pages, dist ${fmt(r.output.distMiB)} MiB, content data store ${fmt(r.output.dataStoreMiB)} MiB`);
  console.log(`${r.command} · median of ${r.runs} · ${m.cpus} × ${m.cpuModel}, ${fmt(m.memGiB, 0)} GiB · Node ${v.node}, Astro ${v.astro} · ${r.git.branch}@${r.git.commit}${r.git.dirty ? '+dirty' : ''}\n`);
  const widths = [18, 9, 17, 14, 17, 8, 10];
  console.log(row(['phase', 'wall (s)', 'runs (s)', 'peak RSS (MiB)', 'runs (MiB)', 'CPU (s)', 'load avg'], widths));
  for (const name of order) {
    const p = r.phases[name];
    if (!p) continue;
    console.log(
      row(
        [
          labels[name],
          fmt(p.wallS),
          p.runs.map((x) => fmt(x.wallS)).join(' '),
          fmt(p.peakRssMiB, 0),
          p.runs.map((x) => fmt(x.peakRssMiB, 0)).join(' '),
          fmt(p.cpuS),
          p.runs.map((x) => fmt(x.loadBefore)).join(' '),
        ],
        widths,
      ),
    );
  }
}

/** Prints two results side by side with the ratio after/before. */
export function compareResults(a: BenchResult, b: BenchResult): void {
  console.log(`before: ${a.n} articles, ${a.git.branch}@${a.git.commit}, ${a.date}`);
  console.log(`after:  ${b.n} articles, ${b.git.branch}@${b.git.commit}, ${b.date}\n`);
  if (a.n !== b.n || a.corpusVersion !== b.corpusVersion) console.log(`note: different corpora (N ${a.n}/${b.n}, version ${a.corpusVersion ?? 1}/${b.corpusVersion ?? 1})\n`);
  const widths = [18, 10, 10, 7, 12, 12, 7, 12, 12];
  console.log(row(['phase', 'before s', 'after s', '×', 'before MiB', 'after MiB', '×', 'before CPU s', 'after CPU s'], widths));
  for (const name of order) {
    const x = a.phases[name];
    const y = b.phases[name];
    if (!x && !y) continue;
    console.log(
      row(
        [
          labels[name],
          fmt(x?.wallS),
          fmt(y?.wallS),
          x && y ? fmt(y.wallS / x.wallS, 2) : '–',
          fmt(x?.peakRssMiB, 0),
          fmt(y?.peakRssMiB, 0),
          x && y ? fmt(y.peakRssMiB / x.peakRssMiB, 2) : '–',
          fmt(x?.cpuS),
          fmt(y?.cpuS),
        ],
        widths,
      ),
    );
  }
  if (a.search || b.search) {
    console.log('\nsearch (median): first query ms / KB, second query ms / KB');
    for (const section of new Set([...(a.search?.sections ?? []), ...(b.search?.sections ?? [])].map((s) => s.section))) {
      const cell = (r: BenchResult) => {
        const s = r.search?.sections.find((x) => x.section === section);
        return s ? `${fmt(s.first.ms, 0)} ms / ${fmt(s.first.bytes / 1024)} KB, ${fmt(s.second.ms, 0)} ms / ${fmt(s.second.bytes / 1024)} KB (${s.bundles} bundles)` : '–';
      };
      console.log(`  ${section}: before ${cell(a)}; after ${cell(b)}`);
    }
  }
}

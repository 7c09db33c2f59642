/**
 * Runs a command and measures its wall time and peak resident memory.
 * With GNU time (`/usr/bin/time`) the peak RSS is the kernel's figure for the
 * largest process in the tree (what `time -v` prints as "Maximum resident set
 * size"). Without it, every Node process in the tree reports its own
 * `process.resourceUsage().maxRSS` on exit through a preloaded probe, and we
 * take the largest; non-Node children (a Rust or Go binary) are then missed,
 * which the result records as its `rssMethod`.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface Measurement {
  readonly wallMs: number;
  readonly peakRssKiB: number;
  /** User + system CPU seconds of the whole process tree: steadier than wall time on a shared machine. */
  readonly cpuS: number;
  readonly exitCode: number;
}

export type RssMethod = 'gnu-time' | 'node-probe';

const GNU_TIME = '/usr/bin/time';

export function rssMethod(): RssMethod {
  return existsSync(GNU_TIME) ? 'gnu-time' : 'node-probe';
}

/** Runs `command args` in `cwd`, appending its output to `logFile`. */
export async function measure(command: string, args: readonly string[], cwd: string, logFile: string, env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
  const report = join(cwd, `.bench-rss-${process.pid}.txt`);
  rmSync(report, { force: true });
  const method = rssMethod();
  const probe = pathToFileURL(join(import.meta.dirname, 'rss-probe.mjs')).href;
  const [file, argv, childEnv] =
    method === 'gnu-time'
      ? [GNU_TIME, ['-f', 'rss %M\ncpu %U %S', '-o', report, command, ...args], env]
      : [command, [...args], { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --import=${probe}`.trim(), BENCH_RSS_REPORT: report }];
  const log = createWriteStream(logFile, { flags: 'a' });
  const started = performance.now();
  const exitCode = await new Promise<number>((resolve, reject) => {
    const child = spawn(file, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const wallMs = performance.now() - started;
  await new Promise<void>((resolve) => log.end(resolve));
  let peakRssKiB = 0;
  let cpuS = 0;
  if (existsSync(report)) {
    // Lines "rss KiB" and "cpu user sys": one of each from GNU time, one
    // pair per Node process from the probe (RSS: the largest; CPU: the sum).
    for (const line of readFileSync(report, 'utf8').split('\n')) {
      const [kind, a, b] = line.trim().split(/\s+/);
      if (kind === 'rss' && Number.isFinite(Number(a))) peakRssKiB = Math.max(peakRssKiB, Number(a));
      if (kind === 'cpu' && Number.isFinite(Number(a)) && Number.isFinite(Number(b))) cpuS += Number(a) + Number(b);
    }
    rmSync(report, { force: true });
  }
  return { wallMs, peakRssKiB, cpuS, exitCode };
}

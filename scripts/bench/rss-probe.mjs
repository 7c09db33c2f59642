// Preloaded (--import) into every Node process of a measured build when GNU
// time is missing: on exit, append this process's peak RSS (KiB) and CPU
// seconds to the report file, in GNU time's "rss …" / "cpu user sys" lines.
import { appendFileSync } from 'node:fs';

const report = process.env.BENCH_RSS_REPORT;
if (report) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      appendFileSync(report, `rss ${usage.maxRSS}\ncpu ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
    } catch {
      // The measurement is best effort; never fail the build over it.
    }
  });
}

// Preloaded (--import) into every Node process of a measured build when GNU
// time is missing: on exit, append "pid maxRSS(KiB)" to the report file.
import { appendFileSync } from 'node:fs';

const report = process.env.BENCH_RSS_REPORT;
if (report) {
  process.on('exit', () => {
    try {
      appendFileSync(report, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // The measurement is best effort; never fail the build over it.
    }
  });
}

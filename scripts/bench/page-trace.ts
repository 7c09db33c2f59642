/**
 * Two readings of a page load's Chromium trace (a Lighthouse run's
 * `artifacts.Trace.traceEvents`, or any trace with the `devtools.timeline`
 * and `loading` categories), to tell the page's own work from the machine's
 * in a Lighthouse score (`npm run lighthouse` prints both; BENCHMARKS.md,
 * "Lighthouse on the pictured article: what the tail runs are").
 *
 * - The held first frame: in about one Lighthouse run in four on this
 *   machine, the renderer paints the page, its compositor goes on receiving
 *   frames to draw, and nothing is drawn for ~1 s while every Chromium
 *   thread is nearly idle. Lighthouse's first contentful paint and speed
 *   index then count that second, whatever the page: a bare "Hello" page was
 *   never held in 6 runs, but the article was, with or without its web
 *   fonts, its lead picture or its serif stack.
 * - The largest layout's wall time against its thread CPU time: Lighthouse
 *   scores wall time (x4 in its simulated phone), and the first layout waits
 *   on Chromium's browser process for every system font it looks up, so on
 *   a loaded machine its wall time is several times its CPU time.
 */

/** The fields of a Chromium trace event this reads. `ts`, `dur` and `tdur` (thread CPU) are in microseconds. */
export interface TraceEventLike {
  name: string;
  ph?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
}

/** Above this, a first frame was held, not merely late: unheld runs measured 14–78 ms, held ones 657–1,148 ms. */
export const HELD_FRAME_MS = 250;

/** The renderer main thread of the page: the one that records `firstContentfulPaint`, with that event's time. */
function pageThread(events: readonly TraceEventLike[]): TraceEventLike | undefined {
  return events.find((e) => e.name === 'firstContentfulPaint');
}

/**
 * Milliseconds from the first `Paint` on the page's renderer main thread to
 * the first contentful paint: the time between the page having painted and
 * the frame being shown. Undefined when the trace has no
 * `firstContentfulPaint`, or no `Paint` before it on that thread.
 * @example firstFrameHeldMs(result.artifacts.Trace.traceEvents) // 31, or ~1000 when Chromium held the frame
 */
export function firstFrameHeldMs(events: readonly TraceEventLike[]): number | undefined {
  const fcp = pageThread(events);
  if (!fcp) return undefined;
  let firstPaint: number | undefined;
  for (const e of events) {
    if (e.name === 'Paint' && e.ph === 'X' && e.pid === fcp.pid && e.tid === fcp.tid && e.ts <= fcp.ts) {
      firstPaint = firstPaint === undefined ? e.ts : Math.min(firstPaint, e.ts);
    }
  }
  return firstPaint === undefined ? undefined : (fcp.ts - firstPaint) / 1000;
}

/**
 * The longest `Layout` on the page's renderer main thread: its wall time and
 * its thread CPU time in milliseconds (`cpuMs` undefined when the trace has
 * no thread times), or undefined when the trace has no
 * `firstContentfulPaint` or no layout.
 * @example largestLayout(events) // { wallMs: 124, cpuMs: 16 }: the rest was waiting
 */
export function largestLayout(events: readonly TraceEventLike[]): { wallMs: number; cpuMs: number | undefined } | undefined {
  const fcp = pageThread(events);
  if (!fcp) return undefined;
  let largest: TraceEventLike | undefined;
  for (const e of events) {
    if (e.name === 'Layout' && e.ph === 'X' && e.pid === fcp.pid && e.tid === fcp.tid && (e.dur ?? 0) > (largest?.dur ?? -1)) largest = e;
  }
  if (!largest) return undefined;
  return { wallMs: (largest.dur ?? 0) / 1000, cpuMs: largest.tdur === undefined ? undefined : largest.tdur / 1000 };
}

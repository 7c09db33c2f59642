import { describe, expect, it } from 'vitest';
import { firstFrameHeldMs, HELD_FRAME_MS, largestLayout, type TraceEventLike } from '../../scripts/bench/page-trace.ts';

/**
 * A page load's trace: the renderer's main thread (1:2) lays the page out,
 * paints it at `paintMs` and shows it at `fcpMs`; another thread (1:3)
 * paints and lays out earlier and longer, and must not count.
 */
const load = (paintMs: number, fcpMs: number): TraceEventLike[] => [
  { name: 'Paint', ph: 'X', pid: 1, tid: 3, ts: 10_000, dur: 500 },
  { name: 'Layout', ph: 'X', pid: 1, tid: 3, ts: 10_000, dur: 900_000, tdur: 900_000 },
  { name: 'Layout', ph: 'X', pid: 1, tid: 2, ts: 40_000, dur: 300, tdur: 300 },
  { name: 'Layout', ph: 'X', pid: 1, tid: 2, ts: paintMs * 1000 - 130_000, dur: 124_000, tdur: 16_000 },
  { name: 'Paint', ph: 'X', pid: 1, tid: 2, ts: paintMs * 1000, dur: 1_000 },
  { name: 'Paint', ph: 'X', pid: 1, tid: 2, ts: fcpMs * 1000 - 5_000, dur: 1_000 },
  { name: 'firstContentfulPaint', ph: 'R', pid: 1, tid: 2, ts: fcpMs * 1000 },
  { name: 'Paint', ph: 'X', pid: 1, tid: 2, ts: fcpMs * 1000 + 50_000, dur: 1_000 },
];

describe('reading a page load trace', () => {
  it('measures the held first frame from the first paint on the thread that marks the first contentful paint', () => {
    expect(firstFrameHeldMs(load(220, 251))).toBe(31);
    expect(firstFrameHeldMs(load(335, 1277))).toBe(942);
    expect(firstFrameHeldMs(load(220, 251))!).toBeLessThan(HELD_FRAME_MS);
    expect(firstFrameHeldMs(load(335, 1277))!).toBeGreaterThan(HELD_FRAME_MS);
  });

  it('gives the largest layout of that thread, wall and thread CPU time', () => {
    expect(largestLayout(load(220, 251))).toEqual({ wallMs: 124, cpuMs: 16 });
    const noThreadTimes = load(220, 251).map(({ tdur, ...e }) => e);
    expect(largestLayout(noThreadTimes)).toEqual({ wallMs: 124, cpuMs: undefined });
  });

  it('gives undefined without a first contentful paint, or without a paint or layout on its thread', () => {
    const withoutFcp = load(220, 251).filter((e) => e.name !== 'firstContentfulPaint');
    expect(firstFrameHeldMs(withoutFcp)).toBeUndefined();
    expect(largestLayout(withoutFcp)).toBeUndefined();
    const bare = [{ name: 'firstContentfulPaint', pid: 1, tid: 2, ts: 5 }];
    expect(firstFrameHeldMs(bare)).toBeUndefined();
    expect(largestLayout(bare)).toBeUndefined();
  });
});

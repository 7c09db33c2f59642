/**
 * When a build may index only what changed into the delta bundle, and when
 * it must index a section in full (src/search/plan.ts).
 */
import { describe, expect, it } from 'vitest';
import { compactionThreshold, planSearchIndex, type BasePage } from '../../src/search/plan.ts';

const urls = (n: number) => Array.from({ length: n }, (_, i) => `/fa/2020/01/a-${i}/`);
const baseOf = (list: string[]) => new Map<string, BasePage>(list.map((url, i) => [url, { hash: `h${i}`, id: `fa-af_${i}` }]));
const currentOf = (base: Map<string, BasePage>) => new Map([...base].map(([url, { hash }]) => [url, hash]));

describe('planSearchIndex', () => {
  it('indexes everything when there is no base', () => {
    expect(planSearchIndex(undefined, new Map([['/fa/x/', 'h']])).kind).toBe('full');
  });

  it('has an empty delta when nothing changed', () => {
    const base = baseOf(urls(100));
    expect(planSearchIndex(base, currentOf(base))).toMatchObject({ kind: 'delta', delta: [], hide: [] });
  });

  it('puts a new page in the delta, and hides nothing', () => {
    const base = baseOf(urls(100));
    const current = currentOf(base).set('/fa/2021/01/new/', 'n');
    expect(planSearchIndex(base, current)).toMatchObject({ kind: 'delta', delta: ['/fa/2021/01/new/'], hide: [] });
  });

  it('puts an edited page in the delta and hides its old copy; hides a removed page', () => {
    const list = urls(100);
    const base = baseOf(list);
    const current = currentOf(base).set(list[3]!, 'edited');
    current.delete(list[7]!);
    expect(planSearchIndex(base, current)).toMatchObject({ kind: 'delta', delta: [list[3]], hide: ['fa-af_3', 'fa-af_7'] });
  });

  it('gives the same key to the same changes, and another to different ones', () => {
    const base = baseOf(urls(100));
    const one = currentOf(base).set('/fa/new/', 'n');
    const same = currentOf(base).set('/fa/new/', 'n');
    const other = currentOf(base).set('/fa/new/', 'n2');
    const key = (c: Map<string, string>) => {
      const plan = planSearchIndex(base, c);
      return plan.kind === 'delta' ? plan.key : '';
    };
    expect(key(one)).toBe(key(same));
    expect(key(one)).not.toBe(key(other));
  });

  it('compacts once changes outgrow 2 % of the base (at least 32 pages)', () => {
    expect(compactionThreshold(100)).toBe(32);
    expect(compactionThreshold(5_000)).toBe(100);
    const list = urls(5_000);
    const base = baseOf(list);
    const current = currentOf(base);
    for (const url of list.slice(0, 100)) current.set(url, 'edited');
    expect(planSearchIndex(base, current).kind).toBe('delta');
    current.delete(list[4_000]!);
    expect(planSearchIndex(base, current)).toMatchObject({ kind: 'full' });
  });
});

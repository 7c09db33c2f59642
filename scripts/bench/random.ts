/**
 * A small seeded PRNG (mulberry32), so the same seed always yields the same
 * corpus: two benchmark runs build byte-identical archives.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(list: readonly T[]): T;
  /** Picks with a bias towards the start of the list (popular tags, prolific authors). */
  pickSkewed<T>(list: readonly T[]): T;
  chance(p: number): boolean;
  /** Roughly normal (sum of uniforms), clamped to [min, max]. */
  normal(mean: number, sd: number, min: number, max: number): number;
}

/**
 * @example createRandom(42).int(1, 6) // the same number on every machine
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)]!,
    pickSkewed: (list) => list[Math.floor(next() * next() * list.length)]!,
    chance: (p) => next() < p,
    normal: (mean, sd, min, max) => {
      // Six uniforms sum to mean 3, variance 1/2: scale to a standard normal.
      const z = (next() + next() + next() + next() + next() + next() - 3) / Math.SQRT1_2;
      return Math.min(max, Math.max(min, Math.round(mean + z * sd)));
    },
  };
  return random;
}

/**
 * sfc32 ("small fast counter"), a well-studied 128-bit PRNG that passes PractRand and BigCrush.
 * Its whole state is four uint32 words kept in the round state (D1), so a round is a plain value:
 * hash it, snapshot it, ship it to the browser and it continues the same sequence.
 */
export type RngState = [number, number, number, number];

/** Derives a full generator state from a 32-bit seed (splitmix32 fills the words). */
export function seedRng(seed: number): RngState {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state: RngState = [next(), next(), next(), next()];
  for (let i = 0; i < 12; i++) nextUint32(state); // discard the weakly mixed first outputs
  return state;
}

/** Next uint32; advances `state` in place. */
export function nextUint32(state: RngState): number {
  let [a, b, c, d] = state;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  return t >>> 0;
}

/** Uniform float in [0, 1). */
export function nextFloat(state: RngState): number {
  return nextUint32(state) / 4294967296;
}

/** Uniform integer in [0, n). */
export function nextInt(state: RngState, n: number): number {
  return Math.floor(nextFloat(state) * n);
}

/** Uniform integer in [min, max], both inclusive. */
export function nextIntBetween(state: RngState, min: number, max: number): number {
  return min + nextInt(state, max - min + 1);
}

/** True with probability p. */
export function chance(state: RngState, p: number): boolean {
  return p > 0 && nextFloat(state) < p;
}

export function pick<T>(state: RngState, items: readonly T[]): T {
  if (items.length === 0) throw new RangeError("pick from an empty list");
  return items[nextInt(state, items.length)] as T;
}

/** Fisher–Yates, in place. */
export function shuffle<T>(state: RngState, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = nextInt(state, i + 1);
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

/** An independent stream for a sub-task (topology generation, traffic), derived from this one. */
export function forkRng(state: RngState): RngState {
  return seedRng(nextUint32(state));
}

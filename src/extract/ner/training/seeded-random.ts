/**
 * mulberry32: a small, fast, seedable generator. The same seed always gives
 * the same sequence, so that training shuffles and evaluation samples can be
 * repeated exactly.
 *
 * @example
 * const random = seededRandom(20261123);
 * random(); // a number in [0, 1), the same on every run
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

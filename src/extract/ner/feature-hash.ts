/**
 * 32-bit hashing for features. A feature is a template number combined with
 * the hashes of the strings it looks at (`word[i-1]=Doe`), so features are
 * built from integers without concatenating strings, and the model stores a
 * 32-bit key per feature instead of its text.
 *
 * @example
 * // template 2 (the lower form at an offset), offset -1, the word "doe"
 * const key = featureKey(2, -1, hashString("doe"));
 */

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME);
  return hash >>> 0;
}

/** Combines two hashes; order matters. */
export function combine(seed: number, value: number): number {
  return (seed ^ (value + 0x9e3779b9 + (seed << 6) + (seed >>> 2))) >>> 0;
}

/** The murmur3 finaliser: spreads the bits so that keys index an open-addressing table well. Never 0. */
export function finish(hash: number): number {
  let h = hash >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}

/** The key of a feature made of a template and one or two values. */
export function featureKey(template: number, value: number, second = 0): number {
  return finish(combine(combine(Math.imul(template + 1, 0x9e3779b1) >>> 0, value), second));
}

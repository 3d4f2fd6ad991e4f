/**
 * Jaro-Winkler similarity, the standard string measure for short names:
 * the Jaro similarity raised for a shared prefix (scale 0.1, at most four
 * characters). Compares Unicode code points, case-sensitively; lower-case both
 * strings first for a case-blind comparison. Time grows with the product of
 * the lengths.
 *
 * @example
 * jaroWinkler("martha", "marhta")   // → 0.961…
 * jaroWinkler("dixon", "dicksonx")  // → 0.813…
 * jaroWinkler("abc", "abc")         // → 1
 */
const PREFIX_SCALE = 0.1;
const MAX_PREFIX = 4;

/** Jaro-Winkler similarity of two strings, 0–1; two empty strings are identical (1). */
export function jaroWinkler(a: string, b: string): number {
  const first = Array.from(a);
  const second = Array.from(b);
  const jaro = jaroSimilarity(first, second);
  let prefix = 0;
  while (prefix < MAX_PREFIX && prefix < first.length && prefix < second.length && first[prefix] === second[prefix]) prefix++;
  return jaro + prefix * PREFIX_SCALE * (1 - jaro);
}

function jaroSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 && b.length === 0) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const matchedA = new Uint8Array(a.length);
  const matchedB = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] || a[i] !== b[j]) continue;
      matchedA[i] = 1;
      matchedB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (!matchedA[i]) continue;
    while (!matchedB[j]) j++;
    if (a[i] !== b[j]) halfTranspositions++;
    j++;
  }
  const transpositions = halfTranspositions / 2;
  return (matches / a.length + matches / b.length + (matches - transpositions) / matches) / 3;
}

/**
 * Near-duplicates across the archive: documents that say nearly the same
 * thing in nearly the same words, such as a cable and a re-typed copy of it,
 * or a report and an edited version. Exact copies are caught at ingest by
 * their SHA-256; these are the copies that differ by a header, a few words or
 * a line of OCR noise.
 *
 * Each text becomes its set of word shingles (every run of `shingleWords`
 * consecutive words of the normalised, lower-cased text). The Jaccard
 * similarity of two such sets is what "near-duplicate" means here. Comparing
 * every pair would take quadratic time, so each document gets a MinHash
 * signature (the minimum of each of `hashes` hash functions over its
 * shingles; two signatures agree at a position with probability equal to the
 * Jaccard similarity) and locality-sensitive hashing buckets the signatures
 * band by band: only documents that share a whole band become candidates.
 * With 20 bands of 6 rows a pair at similarity 0.8 becomes a candidate with
 * probability 0.998, a pair at 0.5 with 0.27 and one at 0.3 with 0.015.
 * Candidates whose signatures estimate a similarity at or above the threshold
 * are then verified on their texts, and reported with both numbers.
 *
 * The hash functions come from a seeded generator, so a run on the same
 * archive gives the same pairs. Signatures take `hashes` × 4 bytes per
 * document (480 bytes with the defaults): 100,000 documents need 48 MB.
 *
 * @example
 * const index = new MinHashIndex();
 * index.add(1, "the minister met the source at the photo exhibition in karbala on thursday");
 * index.add(2, "the minister met the source at the photo exhibition in karbala on friday");
 * index.nearDuplicates((id) => texts.get(id)).pairs // → [{ documentIds: [1, 2], jaccard: 0.83, … }]
 */

export interface NearDuplicateOptions {
  /** Report pairs at least this similar (Jaccard of word shingles); default 0.8. */
  threshold?: number;
  /** Words per shingle; default 4. */
  shingleWords?: number;
  /** Hash functions per signature; default 120. Must be a multiple of `bands`. */
  hashes?: number;
  /** LSH bands; default 20 (of 6 rows each). */
  bands?: number;
  /** Seed of the hash functions; default 1393. */
  seed?: number;
  /** Texts with fewer words are left out: a cover sheet or a one-line note matches others by chance. Default 10. */
  minWords?: number;
}

type ResolvedOptions = Required<NearDuplicateOptions>;

const DEFAULTS: ResolvedOptions = { threshold: 0.8, shingleWords: 4, hashes: 120, bands: 20, seed: 1393, minWords: 10 };

/** More documents than this in one bucket are paired with its first member only, so that a flood of near-identical forms stays linear. */
const MAX_BUCKET_PAIRS = 64;
/** Shingle sets kept while verifying candidate pairs, which arrive sorted by their first document. */
const SHINGLE_CACHE_SIZE = 32;

export interface NearDuplicatePair {
  /** The two documents, lower id first. */
  documentIds: [number, number];
  /** The similarity the signatures estimate. */
  estimatedJaccard: number;
  /** The Jaccard similarity of the two texts' shingle sets, computed on the texts. */
  jaccard: number;
}

export interface NearDuplicateReport {
  method: {
    algorithm: "minhash-lsh";
    shingleWords: number;
    hashes: number;
    bands: number;
    rowsPerBand: number;
    seed: number;
    threshold: number;
  };
  /** Documents compared (those with enough words). */
  documents: number;
  /** Pairs that shared a band. */
  candidates: number;
  /** Candidates whose estimate reached the threshold but whose texts did not. */
  rejected: number;
  /** Verified pairs, most similar first. */
  pairs: NearDuplicatePair[];
}

/** A pair of alike texts that carry different reference numbers. */
export interface DifferentlyNumberedPair extends NearDuplicatePair {
  references: [string, string];
}

export class MinHashIndex {
  private readonly options: ResolvedOptions;
  private readonly multipliers: Uint32Array;
  private readonly offsets: Uint32Array;
  private signatures: Uint32Array;
  private readonly ids: number[] = [];

  constructor(options: NearDuplicateOptions = {}) {
    this.options = { ...DEFAULTS, ...options };
    const { hashes, bands } = this.options;
    if (!Number.isInteger(hashes / bands) || hashes <= 0) throw new RangeError(`hashes (${hashes}) must be a positive multiple of bands (${bands})`);
    const random = mulberry32(this.options.seed);
    this.multipliers = Uint32Array.from({ length: hashes }, () => random() | 1);
    this.offsets = Uint32Array.from({ length: hashes }, () => random());
    this.signatures = new Uint32Array(hashes * 64);
  }

  /** Number of documents with a signature. */
  get size(): number {
    return this.ids.length;
  }

  /** Adds a document's normalised text; false when it has too few words to be compared. */
  add(documentId: number, normalisedText: string): boolean {
    const shingles = shingleHashes(normalisedText, this.options.shingleWords, this.options.minWords);
    if (shingles.size === 0) return false;
    const { hashes } = this.options;
    const position = this.ids.length;
    if ((position + 1) * hashes > this.signatures.length) {
      const grown = new Uint32Array(this.signatures.length * 2);
      grown.set(this.signatures);
      this.signatures = grown;
    }
    const signature = this.signatures.subarray(position * hashes, (position + 1) * hashes);
    const values = Uint32Array.from(shingles);
    for (let index = 0; index < hashes; index++) {
      const multiplier = this.multipliers[index]!;
      const offset = this.offsets[index]!;
      let minimum = 0xffffffff;
      for (let shingle = 0; shingle < values.length; shingle++) {
        const value = permute(values[shingle]!, multiplier, offset);
        if (value < minimum) minimum = value;
      }
      signature[index] = minimum;
    }
    this.ids.push(documentId);
    return true;
  }

  /**
   * The verified near-duplicate pairs. `normalisedText` gives a document's
   * normalised text again, for the exact comparison; it is asked only for
   * documents in candidate pairs.
   */
  nearDuplicates(normalisedText: (documentId: number) => string | undefined): NearDuplicateReport {
    const { threshold, shingleWords, hashes, bands, seed } = this.options;
    const candidates = this.candidatePairs();
    const estimated = candidates
      .map(([first, second]) => ({ first, second, estimate: this.estimate(first, second) }))
      .filter((pair) => pair.estimate >= threshold)
      .sort((a, b) => a.first - b.first || a.second - b.second);
    const cache = new Map<number, Set<string>>();
    const shinglesOf = (position: number): Set<string> => {
      const cached = cache.get(position);
      if (cached) return cached;
      const shingles = shingleSet(normalisedText(this.ids[position]!) ?? "", shingleWords);
      cache.set(position, shingles);
      if (cache.size > SHINGLE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      return shingles;
    };
    const pairs: NearDuplicatePair[] = [];
    for (const { first, second, estimate } of estimated) {
      const jaccard = jaccardOf(shinglesOf(first), shinglesOf(second));
      if (jaccard < threshold) continue;
      const ids = [this.ids[first]!, this.ids[second]!].sort((a, b) => a - b) as [number, number];
      pairs.push({ documentIds: ids, estimatedJaccard: round(estimate), jaccard: round(jaccard) });
    }
    pairs.sort((a, b) => b.jaccard - a.jaccard || a.documentIds[0] - b.documentIds[0] || a.documentIds[1] - b.documentIds[1]);
    return {
      method: { algorithm: "minhash-lsh", shingleWords, hashes, bands, rowsPerBand: hashes / bands, seed, threshold },
      documents: this.ids.length,
      candidates: candidates.length,
      rejected: estimated.length - pairs.length,
      pairs,
    };
  }

  /** Pairs of positions that share at least one band, each once, lower position first. */
  private candidatePairs(): Array<[number, number]> {
    const { hashes, bands } = this.options;
    const rows = hashes / bands;
    const count = this.ids.length;
    const seen = new Set<number>();
    const pairs: Array<[number, number]> = [];
    const pair = (first: number, second: number) => {
      const key = first * count + second;
      if (seen.has(key)) return;
      seen.add(key);
      pairs.push([first, second]);
    };
    for (let band = 0; band < bands; band++) {
      const buckets = new Map<number, number[]>();
      for (let position = 0; position < count; position++) {
        const key = bandKey(this.signatures, position * hashes + band * rows, rows);
        const bucket = buckets.get(key);
        if (bucket) bucket.push(position);
        else buckets.set(key, [position]);
      }
      for (const bucket of buckets.values()) {
        if (bucket.length < 2) continue;
        if (bucket.length > MAX_BUCKET_PAIRS) {
          for (let index = 1; index < bucket.length; index++) pair(bucket[0]!, bucket[index]!);
          continue;
        }
        for (let left = 0; left < bucket.length; left++) for (let right = left + 1; right < bucket.length; right++) pair(bucket[left]!, bucket[right]!);
      }
    }
    return pairs;
  }

  private estimate(first: number, second: number): number {
    const { hashes } = this.options;
    let agree = 0;
    for (let index = 0; index < hashes; index++) if (this.signatures[first * hashes + index] === this.signatures[second * hashes + index]) agree++;
    return agree / hashes;
  }
}

/** The words of a normalised text, lower-cased; what shingles are made of. */
export function wordsOf(normalisedText: string): string[] {
  return normalisedText.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** The set of word shingles of a text, as strings: what the exact similarity is computed on. */
export function shingleSet(normalisedText: string, shingleWords = DEFAULTS.shingleWords): Set<string> {
  const words = wordsOf(normalisedText);
  const shingles = new Set<string>();
  if (words.length < shingleWords) {
    if (words.length > 0) shingles.add(words.join(" "));
    return shingles;
  }
  for (let index = 0; index + shingleWords <= words.length; index++) shingles.add(words.slice(index, index + shingleWords).join(" "));
  return shingles;
}

/** The Jaccard similarity of two sets: shared members over all members; 1 for two empty sets. */
export function jaccardOf(first: ReadonlySet<string>, second: ReadonlySet<string>): number {
  if (first.size === 0 && second.size === 0) return 1;
  const [small, large] = first.size <= second.size ? [first, second] : [second, first];
  let shared = 0;
  for (const member of small) if (large.has(member)) shared++;
  return shared / (first.size + second.size - shared);
}

/** Shingles hashed to 32 bits, for signatures; empty when the text has fewer than `minWords` words. */
function shingleHashes(normalisedText: string, shingleWords: number, minWords: number): Set<number> {
  const words = wordsOf(normalisedText);
  const hashes = new Set<number>();
  if (words.length < minWords) return hashes;
  const wordHashes = words.map(hashString);
  for (let index = 0; index + shingleWords <= wordHashes.length; index++) {
    let hash = 0x811c9dc5;
    for (let offset = 0; offset < shingleWords; offset++) hash = Math.imul(hash ^ wordHashes[index + offset]!, 0x01000193);
    hashes.add(finalise(hash));
  }
  return hashes;
}

/** FNV-1a over UTF-16 code units, finalised so that similar words get unrelated hashes. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return finalise(hash);
}

/** MurmurHash3's 32-bit finaliser: every input bit affects every output bit. */
function finalise(value: number): number {
  let hash = value;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0;
}

/** One of the signature's hash functions: a bijection of 32-bit values chosen by the multiplier and offset. */
function permute(value: number, multiplier: number, offset: number): number {
  let hash = Math.imul(value ^ offset, multiplier);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return (hash ^ (hash >>> 12)) >>> 0;
}

/** A band's rows folded into one number below 2^53, so that equal bands meet in one bucket and unequal ones practically never do. */
function bandKey(signatures: Uint32Array, start: number, rows: number): number {
  let high = 0x811c9dc5;
  let low = 0x9747b28c;
  for (let index = start; index < start + rows; index++) {
    high = Math.imul(high ^ signatures[index]!, 0x01000193);
    low = Math.imul(low ^ signatures[index]!, 0x5bd1e995);
  }
  return (finalise(high) & 0x1fffff) * 0x100000000 + finalise(low);
}

/** A small seeded generator of 32-bit values (mulberry32). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = Math.imul(state ^ (state >>> 15), state | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return (value ^ (value >>> 14)) >>> 0;
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * A trained tagger's weights, as held in memory for tagging: a hash table
 * from feature key to row, and per row only the labels with a non-zero
 * weight (most features matter for two or three labels of seventeen).
 *
 * @example
 * const scores = new Float32Array(weights.labelCount * tokens);
 * weights.addScores(keys, scores, i * weights.labelCount); // token i
 */

/**
 * Open-addressing table from 32-bit feature key (never 0) to row number. Most
 * keys looked up while tagging are not in the model, so a bit per 2^20 hash
 * value (128 KB, small enough to stay in cache) rejects most of them before
 * the table is touched.
 */
export class FeatureTable {
  private readonly keys: Uint32Array;
  private readonly rows: Int32Array;
  private readonly mask: number;
  private readonly present = new Uint32Array(FILTER_BITS / 32);

  /** `keys[row]` is the key of row `row`; keys must be distinct and non-zero. */
  constructor(keys: Uint32Array) {
    let capacity = 16;
    while (capacity < keys.length * 2) capacity *= 2;
    this.keys = new Uint32Array(capacity);
    this.rows = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let row = 0; row < keys.length; row++) {
      const key = keys[row] ?? 0;
      const bit = key >>> FILTER_SHIFT;
      this.present[bit >>> 5] = (this.present[bit >>> 5] ?? 0) | (1 << (bit & 31));
      let slot = key & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.rows[slot] = row;
    }
  }

  /** The row of `key`, or -1. */
  rowOf(key: number): number {
    const bit = key >>> FILTER_SHIFT;
    if (!(((this.present[bit >>> 5] ?? 0) >>> (bit & 31)) & 1)) return -1;
    const keys = this.keys;
    let slot = key & this.mask;
    for (;;) {
      const found = keys[slot];
      if (found === key) return this.rows[slot] ?? -1;
      if (found === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }
}

const FILTER_BITS = 1 << 20;
/** The filter takes the top 20 bits of a key; the table's slot comes from the low bits. */
const FILTER_SHIFT = 12;

export interface SparseWeightsData {
  labelCount: number;
  keys: Uint32Array;
  /** Row `r`'s weights are entries `rowStart[r]` to `rowStart[r + 1]` of `labels` and `values`. */
  rowStart: Uint32Array;
  labels: Uint8Array;
  values: Float32Array;
  /** `transitions[from * labelCount + to]`. */
  transitions: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

export class SparseWeights {
  readonly labelCount: number;
  readonly transitions: Float32Array;
  readonly start: Float32Array;
  readonly end: Float32Array;
  private readonly table: FeatureTable;
  private readonly rowStart: Uint32Array;
  private readonly labels: Uint8Array;
  private readonly values: Float32Array;

  constructor(readonly data: SparseWeightsData) {
    this.labelCount = data.labelCount;
    this.transitions = data.transitions;
    this.start = data.start;
    this.end = data.end;
    this.table = new FeatureTable(data.keys);
    this.rowStart = data.rowStart;
    this.labels = data.labels;
    this.values = data.values;
  }

  get featureCount(): number {
    return this.data.keys.length;
  }

  /** Adds the weights of the features `keys` to `scores[offset + label]`. */
  addScores(keys: readonly number[], scores: Float32Array, offset: number): void {
    for (const key of keys) {
      const row = this.table.rowOf(key);
      if (row < 0) continue;
      const end = this.rowStart[row + 1] ?? 0;
      for (let j = this.rowStart[row] ?? 0; j < end; j++) {
        const index = offset + (this.labels[j] ?? 0);
        scores[index] = (scores[index] ?? 0) + (this.values[j] ?? 0);
      }
    }
  }
}

/**
 * The weights of a structured perceptron while it learns, with averaging:
 * the model that is kept is the average of the weights after every training
 * sentence, which generalises far better than the last weights. The average
 * is kept lazily (Daumé's trick): each update also adds `step × change` to a
 * second array, and average = weights − sum / step.
 *
 * @example
 * const weights = new AveragedWeights(17);
 * const row = weights.rowFor(key, true);
 * weights.addToRows([row], 3, +1); weights.tick();
 * weights.averaged(0.001) // → SparseWeightsData for the tagger
 */
import type { SparseWeightsData } from "../weights.js";

export class AveragedWeights {
  private readonly rows = new Map<number, number>();
  private readonly keys: number[] = [];
  private capacity = 1 << 16;
  private current: Float32Array;
  private sums: Float64Array;
  readonly transitions: Float64Array;
  readonly start: Float64Array;
  readonly end: Float64Array;
  private readonly transitionSums: Float64Array;
  private readonly startSums: Float64Array;
  private readonly endSums: Float64Array;
  /** Sentences seen so far, plus one. */
  private step = 1;

  constructor(readonly labelCount: number) {
    this.current = new Float32Array(this.capacity * labelCount);
    this.sums = new Float64Array(this.capacity * labelCount);
    this.transitions = new Float64Array(labelCount * labelCount);
    this.transitionSums = new Float64Array(labelCount * labelCount);
    this.start = new Float64Array(labelCount);
    this.startSums = new Float64Array(labelCount);
    this.end = new Float64Array(labelCount);
    this.endSums = new Float64Array(labelCount);
  }

  get featureCount(): number {
    return this.keys.length;
  }

  /** The row of a feature key; a new row when `create`, else -1 for an unknown key. */
  rowFor(key: number, create: boolean): number {
    const row = this.rows.get(key);
    if (row !== undefined) return row;
    if (!create) return -1;
    const added = this.keys.length;
    if (added >= this.capacity) this.grow();
    this.rows.set(key, added);
    this.keys.push(key);
    return added;
  }

  /** Adds the current weights of `rows` to `scores[offset + label]`. */
  score(rows: ArrayLike<number>, from: number, to: number, scores: Float32Array, offset: number): void {
    const size = this.labelCount;
    const current = this.current;
    for (let k = from; k < to; k++) {
      const base = (rows[k] ?? 0) * size;
      for (let label = 0; label < size; label++) scores[offset + label] = (scores[offset + label] ?? 0) + (current[base + label] ?? 0);
    }
  }

  /** Adds `change` to the weight of `label` for each of `rows`. */
  addToRows(rows: ArrayLike<number>, from: number, to: number, label: number, change: number): void {
    const size = this.labelCount;
    const weighted = change * this.step;
    for (let k = from; k < to; k++) {
      const index = (rows[k] ?? 0) * size + label;
      this.current[index] = (this.current[index] ?? 0) + change;
      this.sums[index] = (this.sums[index] ?? 0) + weighted;
    }
  }

  addToTransition(from: number, to: number, change: number): void {
    const index = from * this.labelCount + to;
    this.transitions[index] = (this.transitions[index] ?? 0) + change;
    this.transitionSums[index] = (this.transitionSums[index] ?? 0) + change * this.step;
  }

  addToStart(label: number, change: number): void {
    this.start[label] = (this.start[label] ?? 0) + change;
    this.startSums[label] = (this.startSums[label] ?? 0) + change * this.step;
  }

  addToEnd(label: number, change: number): void {
    this.end[label] = (this.end[label] ?? 0) + change;
    this.endSums[label] = (this.endSums[label] ?? 0) + change * this.step;
  }

  /** Marks the end of one training sentence. */
  tick(): void {
    this.step++;
  }

  /** The averaged weights, without those whose magnitude is below `threshold`, in the tagger's form. */
  averaged(threshold: number): SparseWeightsData {
    const size = this.labelCount;
    const order = this.keys.map((_, row) => row).sort((a, b) => (this.keys[a] ?? 0) - (this.keys[b] ?? 0));
    const keys: number[] = [];
    const rowStart: number[] = [0];
    const labels: number[] = [];
    const values: number[] = [];
    for (const row of order) {
      const before = values.length;
      for (let label = 0; label < size; label++) {
        const index = row * size + label;
        const value = (this.current[index] ?? 0) - (this.sums[index] ?? 0) / this.step;
        if (Math.abs(value) < threshold) continue;
        labels.push(label);
        values.push(value);
      }
      if (values.length === before) continue;
      keys.push(this.keys[row] ?? 0);
      rowStart.push(values.length);
    }
    const average = (weights: Float64Array, sums: Float64Array) =>
      Float32Array.from(weights, (value, index) => value - (sums[index] ?? 0) / this.step);
    return {
      labelCount: size,
      keys: Uint32Array.from(keys),
      rowStart: Uint32Array.from(rowStart),
      labels: Uint8Array.from(labels),
      values: Float32Array.from(values),
      transitions: average(this.transitions, this.transitionSums),
      start: average(this.start, this.startSums),
      end: average(this.end, this.endSums),
    };
  }

  private grow(): void {
    this.capacity *= 2;
    const current = new Float32Array(this.capacity * this.labelCount);
    current.set(this.current);
    const sums = new Float64Array(this.capacity * this.labelCount);
    sums.set(this.sums);
    this.current = current;
    this.sums = sums;
  }
}

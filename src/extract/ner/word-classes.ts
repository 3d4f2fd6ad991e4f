/**
 * A table from word (by the hash of its lower form) to a small class number,
 * the form in which a model carries what it learnt about single words from
 * its training data: how a word is usually capitalised (casing-lexicon.ts)
 * and how often it is part of a name of each type (entity-rates.ts).
 *
 * @example
 * const classes = new WordClasses(new Map([[hashString("china"), 12]]));
 * classes.classOf("china") // → 12
 * classes.classOf("win")   // → 0, never seen
 */
import { hashString } from "./feature-hash.js";

export interface WordClassArrays {
  /** Word hashes, ascending. */
  hashes: Uint32Array;
  classes: Uint8Array;
}

export class WordClasses {
  constructor(private readonly classes: ReadonlyMap<number, number>) {}

  static fromArrays(arrays: WordClassArrays): WordClasses {
    const classes = new Map<number, number>();
    arrays.hashes.forEach((hash, index) => classes.set(hash, arrays.classes[index] ?? 0));
    return new WordClasses(classes);
  }

  /** The class of a lower-form word; 0 when the table does not have it. */
  classOf(lower: string): number {
    return this.classes.get(hashString(lower)) ?? 0;
  }

  classOfHash(hash: number): number {
    return this.classes.get(hash) ?? 0;
  }

  toArrays(): WordClassArrays {
    const hashes = Uint32Array.from([...this.classes.keys()].sort((a, b) => a - b));
    return { hashes, classes: Uint8Array.from(hashes, (hash) => this.classes.get(hash) ?? 0) };
  }
}

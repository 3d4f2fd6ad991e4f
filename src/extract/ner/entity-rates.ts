/**
 * How often each word of the training data is part of a name, and of which
 * type: `تهران` is nearly always a place, `وزارت` often the start of an
 * organisation, `گفت` never a name. Learnt per word like the gazetteer, and
 * like it counted on the other folds for training sentences, so that the
 * tagger learns how far such evidence can be trusted on words it has not seen
 * in that sentence's context.
 *
 * @example
 * const counts = new EntityRateCounts(6);
 * counts.add("تهران", 3); // seen inside a name of type 3 − 1
 * counts.add("تهران", 0); // seen outside names
 * counts.lexicon().classOf("تهران") // → the class "type 2, 30–60% of sightings, seen 2–4 times"
 */
import { hashString } from "./feature-hash.js";
import { WordClasses } from "./word-classes.js";

/** Sightings per word: index 0 outside names, index t + 1 inside a name of type t. */
export class EntityRateCounts {
  readonly counts = new Map<string, number[]>();

  constructor(readonly typeCount: number) {}

  /** `slot`: 0 outside a name, t + 1 inside a name of type t. */
  add(lower: string, slot: number): void {
    const entry = this.counts.get(lower) ?? new Array<number>(this.typeCount + 1).fill(0);
    entry[slot] = (entry[slot] ?? 0) + 1;
    this.counts.set(lower, entry);
  }

  /** These counts less `other`'s. */
  without(other: EntityRateCounts): EntityRateCounts {
    const result = new EntityRateCounts(this.typeCount);
    for (const [lower, entry] of this.counts) {
      const removed = other.counts.get(lower);
      const left = entry.map((count, slot) => count - (removed?.[slot] ?? 0));
      if (left.some((count) => count > 0)) result.counts.set(lower, left);
    }
    return result;
  }

  /** Word → class: its commonest name type, the share of sightings with it, and how often it was seen. */
  lexicon(): WordClasses {
    const classes = new Map<number, number>();
    for (const [lower, entry] of this.counts) {
      const total = entry.reduce((sum, count) => sum + count, 0);
      let best = 1;
      for (let slot = 2; slot < entry.length; slot++) if ((entry[slot] ?? 0) > (entry[best] ?? 0)) best = slot;
      const share = (entry[best] ?? 0) / total;
      if (share === 0 && total < 3) continue;
      const shareBucket = share === 0 ? 0 : share < 0.1 ? 1 : share < 0.3 ? 2 : share < 0.6 ? 3 : share < 0.9 ? 4 : 5;
      const frequencyBucket = total < 2 ? 0 : total < 5 ? 1 : 2;
      classes.set(hashString(lower), 1 + (best - 1) * 18 + shareBucket * 3 + frequencyBucket);
    }
    return new WordClasses(classes);
  }
}

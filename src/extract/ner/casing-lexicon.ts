/**
 * How a word is usually capitalised in running text, learnt from mixed-case
 * sentences where the word is not the first. It tells the tagger what a word
 * in a headline or in an all-capitals cable would look like in ordinary
 * text: `CHINA` is usually `China`, `WIN` is usually `win`.
 *
 * @example
 * const counts = new CasingCounts();
 * counts.add("china", true); counts.add("china", true);
 * counts.lexicon().classOf("china") // → the class "nearly always capitalised, seen 2–9 times"
 */
import { hashString } from "./feature-hash.js";
import { WordClasses } from "./word-classes.js";

/** Counts of capitalised and lower-case sightings per lower form. */
export class CasingCounts {
  readonly counts = new Map<string, { capitalised: number; lower: number }>();

  add(lower: string, capitalised: boolean, times = 1): void {
    const entry = this.counts.get(lower) ?? { capitalised: 0, lower: 0 };
    if (capitalised) entry.capitalised += times;
    else entry.lower += times;
    this.counts.set(lower, entry);
  }

  /** These counts less `other`'s: the evidence outside one part of the data. */
  without(other: CasingCounts): CasingCounts {
    const result = new CasingCounts();
    for (const [lower, entry] of this.counts) {
      const removed = other.counts.get(lower);
      const capitalised = entry.capitalised - (removed?.capitalised ?? 0);
      const lowerCount = entry.lower - (removed?.lower ?? 0);
      if (capitalised + lowerCount > 0) result.counts.set(lower, { capitalised, lower: lowerCount });
    }
    return result;
  }

  /** Word → casing class (1–12). */
  lexicon(): WordClasses {
    const classes = new Map<number, number>();
    for (const [lower, entry] of this.counts) classes.set(hashString(lower), casingClass(entry.capitalised, entry.lower));
    return new WordClasses(classes);
  }
}

/** A share bucket (under 5%, under 50%, under 95%, more) times a frequency bucket (1, 2–9, 10 or more). */
function casingClass(capitalised: number, lower: number): number {
  const total = capitalised + lower;
  const share = capitalised / total;
  const shareBucket = share < 0.05 ? 0 : share < 0.5 ? 1 : share < 0.95 ? 2 : 3;
  const frequencyBucket = total < 2 ? 0 : total < 10 ? 1 : 2;
  return 1 + shareBucket * 3 + frequencyBucket;
}

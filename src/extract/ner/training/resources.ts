/**
 * The gazetteer, casing lexicon and entity rates a model is trained with,
 * counted from training documents only. Counts are kept per part of the data so that the
 * features of training sentences can come from the *other* parts
 * (jackknifing): otherwise every training name would be in the gazetteer and
 * the tagger would learn to trust it far more than it deserves on new text.
 *
 * @example
 * const all = ResourceCounts.count("en", types, documents);
 * const forFoldTwo = all.without(ResourceCounts.count("en", types, foldTwo)).resources();
 */
import { CasingCounts } from "../casing-lexicon.js";
import { EntityRateCounts } from "../entity-rates.js";
import type { FeatureResources } from "../features.js";
import { Gazetteer, MAX_ENTRY_TOKENS, type GazetteerEntry } from "../gazetteer.js";
import type { Span } from "../labels.js";
import { Capitalisation, formsOf, isCapitalsSentence, type NerLanguage } from "../token-forms.js";

export interface TrainingSentence {
  words: string[];
  spans: Span[];
}

export type TrainingDocument = TrainingSentence[];

/** A type joins an entry's types when at least this share of the entry's sightings had it. */
const TYPE_SHARE = 0.25;

export class ResourceCounts {
  private constructor(
    readonly types: readonly string[],
    /** Entry (lower forms joined by spaces) → sightings per type. */
    readonly names: Map<string, number[]>,
    readonly casing: CasingCounts,
    readonly rates: EntityRateCounts,
  ) {}

  static count(language: NerLanguage, types: readonly string[], documents: readonly TrainingDocument[]): ResourceCounts {
    const names = new Map<string, number[]>();
    const casing = new CasingCounts();
    const rates = new EntityRateCounts(types.length);
    for (const sentence of documents.flat()) {
      const forms = sentence.words.map((word) => formsOf(language, word));
      const slots = new Array<number>(forms.length).fill(0);
      for (const span of sentence.spans) {
        const type = types.indexOf(span.type);
        for (let i = span.start; i < span.end && type >= 0; i++) slots[i] = type + 1;
        if (type < 0 || span.end - span.start > MAX_ENTRY_TOKENS) continue;
        const entry = forms.slice(span.start, span.end).map((form) => form.lower).join(" ");
        const counts = names.get(entry) ?? new Array<number>(types.length).fill(0);
        counts[type] = (counts[type] ?? 0) + 1;
        names.set(entry, counts);
      }
      forms.forEach((form, i) => rates.add(form.lower, slots[i] ?? 0));
      if (language !== "en" || isCapitalsSentence(forms)) continue;
      for (let i = 1; i < forms.length; i++) {
        const form = forms[i];
        if (!form || !form.hasLetter || !/[a-z]/i.test(form.form)) continue;
        casing.add(form.lower, form.capitalisation !== Capitalisation.None);
      }
    }
    return new ResourceCounts(types, names, casing, rates);
  }

  /** These counts less `other`'s. */
  without(other: ResourceCounts): ResourceCounts {
    const names = new Map<string, number[]>();
    for (const [entry, counts] of this.names) {
      const removed = other.names.get(entry);
      const left = counts.map((count, type) => count - (removed?.[type] ?? 0));
      if (left.some((count) => count > 0)) names.set(entry, left);
    }
    return new ResourceCounts(this.types, names, this.casing.without(other.casing), this.rates.without(other.rates));
  }

  gazetteerEntries(): GazetteerEntry[] {
    const entries: GazetteerEntry[] = [];
    for (const [entry, counts] of this.names) {
      const total = counts.reduce((sum, count) => sum + count, 0);
      let types = 0;
      counts.forEach((count, type) => {
        if (count > 0 && count >= TYPE_SHARE * total) types |= 1 << type;
      });
      if (types) entries.push({ tokens: entry.split(" "), types });
    }
    return entries.sort((a, b) => a.tokens.join(" ").localeCompare(b.tokens.join(" ")));
  }

  resources(): FeatureResources {
    return { gazetteer: new Gazetteer(this.gazetteerEntries()), casing: this.casing.lexicon(), entityRates: this.rates.lexicon() };
  }
}

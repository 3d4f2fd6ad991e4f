/**
 * Entity-level scoring by the conlleval rules: an entity counts as found
 * only when its span and its type both equal a gold entity's. Precision =
 * correct / predicted, recall = correct / gold, F1 their harmonic mean,
 * overall and per type.
 *
 * @example
 * const score = scoreSpans([[{ start: 0, end: 2, type: "PER" }]], [[{ start: 0, end: 2, type: "PER" }]]);
 * score.overall.f1 // → 1
 */
import type { Span } from "../src/extract/ner/labels.js";

export interface Counts {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface SpanScore {
  overall: Counts;
  byType: Record<string, Counts>;
}

/** Scores predicted spans against gold spans, sentence by sentence (both lists in the same order). */
export function scoreSpans(gold: readonly (readonly Span[])[], predicted: readonly (readonly Span[])[]): SpanScore {
  const tallies = new Map<string, { gold: number; predicted: number; correct: number }>();
  const tally = (type: string) => {
    let entry = tallies.get(type);
    if (!entry) {
      entry = { gold: 0, predicted: 0, correct: 0 };
      tallies.set(type, entry);
    }
    return entry;
  };
  const overall = { gold: 0, predicted: 0, correct: 0 };
  gold.forEach((goldSpans, index) => {
    const predictedSpans = predicted[index] ?? [];
    const goldKeys = new Set(goldSpans.map(spanKey));
    for (const span of goldSpans) tally(span.type).gold++;
    for (const span of predictedSpans) {
      tally(span.type).predicted++;
      if (goldKeys.has(spanKey(span))) tally(span.type).correct++;
    }
  });
  const byType: Record<string, Counts> = {};
  for (const type of [...tallies.keys()].sort()) {
    const entry = tallies.get(type) ?? { gold: 0, predicted: 0, correct: 0 };
    byType[type] = withRates(entry);
    overall.gold += entry.gold;
    overall.predicted += entry.predicted;
    overall.correct += entry.correct;
  }
  return { overall: withRates(overall), byType };
}

function spanKey(span: Span): string {
  return `${span.start}:${span.end}:${span.type}`;
}

function withRates(entry: { gold: number; predicted: number; correct: number }): Counts {
  const precision = entry.predicted > 0 ? entry.correct / entry.predicted : 0;
  const recall = entry.gold > 0 ? entry.correct / entry.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { ...entry, precision, recall, f1 };
}

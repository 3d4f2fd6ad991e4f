/**
 * The clause around a cue word, and what it says about the event: whether it
 * took place, or is only proposed, asked for, planned (`proposed that a
 * meeting be held`, `دیدارهای بعدی … برگزار خواهد شد`), or denied (`did not
 * attend`, `نکرد`). Relations are read only from clauses that state an event.
 */
import { HYPOTHETICAL, NEGATED } from "./english.js";
import { PERSIAN_CLAUSE_START, PERSIAN_HYPOTHETICAL, PERSIAN_NEGATED, PERSIAN_NON_PAST_VERB, PERSIAN_PAST_VERB } from "./persian.js";
import type { Sentence } from "./sentence.js";

export interface Clause {
  start: number;
  end: number;
}

/** Read in either case: old cables are written in capitals. */
const ENGLISH_CLAUSE_START = /;|:|\bthat\b|\bwhether\b|\bbut\b|\u2014|\bwhile\b|\bwhereas\b/giu;
/** A `that` after the cue starts what was said or thought (`told PolOff that the minister would …`), which is no part of the cue's clause. */
const ENGLISH_CLAUSE_END = /;|\bwho\b|\bwhich\b|\bwhere\b|\bthat\b|\bto discuss\b|, and\b|\bbut\b|\bwhile\b|\bwhereas\b|\bbecause\b|\bso that\b|\u2014/iu;
const PERSIAN_CLAUSE_END = /[\u061B;.:]|(?<![\p{L}\u200C])که(?![\p{L}])/u;
/** How far before a clause the governing verb is looked for: `proposed that …`, `پیشنهاد شد: …`. */
const GOVERNING_WINDOW = 40;
const NEGATION_WINDOW = 30;
/** How far after a Persian cue its verb is looked for. */
const PERSIAN_VERB_WINDOW = 60;

export function clauseAround(sentence: Sentence, cueStart: number, cueEnd: number): Clause {
  const before = sentence.text.slice(sentence.start, cueStart);
  const starts = sentence.persian ? PERSIAN_CLAUSE_START : ENGLISH_CLAUSE_START;
  let start = sentence.start;
  starts.lastIndex = 0;
  for (let match = starts.exec(before); match; match = starts.exec(before)) start = sentence.start + match.index + match[0].length;
  const after = sentence.text.slice(cueEnd, sentence.end);
  const end = (sentence.persian ? PERSIAN_CLAUSE_END : ENGLISH_CLAUSE_END).exec(after);
  return { start, end: end ? cueEnd + end.index : sentence.end };
}

/** Whether the clause of a cue, up to `until` when given, speaks of something proposed, requested, planned or conditional. */
export function isHypothetical(sentence: Sentence, cueStart: number, cueEnd: number, until = sentence.end): boolean {
  const clause = clauseAround(sentence, cueStart, cueEnd);
  const from = clause.start > sentence.start ? Math.max(sentence.start, clause.start - GOVERNING_WINDOW) : clause.start;
  const text = sentence.text.slice(from, Math.min(clause.end, Math.max(until, cueEnd)));
  if (sentence.persian) return PERSIAN_HYPOTHETICAL.test(text) || persianVerbIsNonPast(sentence, cueEnd, clause.end);
  return HYPOTHETICAL.test(text.toLowerCase());
}

/** Whether the cue is denied: `did not meet`, `never paid`, `ملاقات نکرد`. */
export function isNegated(sentence: Sentence, cueStart: number, cueEnd: number): boolean {
  const clause = clauseAround(sentence, cueStart, cueEnd);
  if (sentence.persian) return PERSIAN_NEGATED.test(sentence.text.slice(cueStart, Math.min(clause.end, cueEnd + PERSIAN_VERB_WINDOW)));
  return NEGATED.test(sentence.text.slice(Math.max(clause.start, cueStart - NEGATION_WINDOW), cueStart).toLowerCase());
}

/** A Persian clause's verb comes last: the first verb after the cue tells whether the event took place. */
function persianVerbIsNonPast(sentence: Sentence, cueEnd: number, clauseEnd: number): boolean {
  const after = sentence.text.slice(cueEnd, Math.min(clauseEnd, cueEnd + PERSIAN_VERB_WINDOW));
  const nonPast = PERSIAN_NON_PAST_VERB.exec(after);
  if (!nonPast) return false;
  const past = PERSIAN_PAST_VERB.exec(after);
  return !past || nonPast.index < past.index;
}

/**
 * Relations with evidence: who met whom, who paid whom, who belongs to whom,
 * who reports to whom, who recruited whom, and who must not see a report,
 * read one sentence at a time from English and Persian text.
 *
 * Each sentence is read with the patterns of its script (mostly Arabic
 * script: Persian; else English), with the mentions `findMentions` found in
 * it. A relation keeps its sentence as evidence, the date nearest its cue
 * (else the document's), and its participants by role; a participant the text
 * only implies (the writer of "we met", "a meeting was held with …") has
 * null offsets and the name author.ts gives it. Contradicting relations are
 * all kept; relations repeated in one sentence are kept once.
 *
 * Bounded work: text past `findMentions`' own limit is not read (it has no
 * mentions), sentences longer than `MAX_SENTENCE_LENGTH` are skipped, and a
 * sentence is read only by the readers whose cue words it contains.
 *
 * @example
 * const text = "From: Karbala Office — \"Navid\"\n\n1. On 1393/08/16 a meeting took place with Source 134905 under cover of a hunting trip.";
 * extractRelations(text, findMentions(text, { language: "en" }))
 * // → [{ type: "meeting", roles: { participant: ["Navid", "Source 134905"] }, date: "2014-11-07", cover: "hunting trip", … }]
 */
import type { LanguageCode } from "../../model/document.js";
import type { ExtractedRelation } from "../../model/relation.js";
import { splitSentences, type SentenceSpan } from "../../text/sentences.js";
import { DEFAULT_MAX_CHARACTERS, type FoundMention } from "../mentions.js";
import { AFFILIATION_HINT, readAffiliations } from "./affiliation.js";
import { readDocumentVoice } from "./author.js";
import { findCandidates, type Candidate } from "./candidates.js";
import { findCounterSurveillance } from "./circumstances.js";
import { prepareMentions, type DocumentMentions } from "./document-names.js";
import { toRelation, type Draft } from "./draft.js";
import { MEETING_HINT, readMeetings } from "./meeting.js";
import { OFFICE_HINT, readOffices } from "./office.js";
import { PAYMENT_HINT, readPayments } from "./payment.js";
import { RECRUITMENT_HINT, readRecruitments } from "./recruitment.js";
import { readReporting, REPORTING_HINT } from "./reporting.js";
import { readRestrictions, RESTRICTION_HINT } from "./restriction.js";
import { persianKey } from "./persian.js";
import { emptyDiscourse, isHeaderLine, isPersianScript, mayHold, observe, type Hint, type Sentence } from "./sentence.js";

/** Bumped whenever the extractor reads the same text differently, so stored relations can be re-read. */
export const RELATION_EXTRACTOR_VERSION = 3;

export interface RelationOptions {
  /** The document's language. Sentences are read by their script; this decides for one with no letters of either script. */
  language?: LanguageCode;
  /** The document's own ISO date, used when the sentence has none. */
  documentDate?: string | null;
}

/** Sentences longer than this (an OCR run-on, a table flattened into one line) are not read. */
export const MAX_SENTENCE_LENGTH = 3000;
/** How many sentences away a counter-surveillance description may be from the meeting it belongs to. */
const COUNTER_SURVEILLANCE_REACH = 3;
/** A description usually follows its meeting ("Before the meeting the undersigned …"), so a meeting before it is preferred. */
const FOLLOWING_MEETING_PENALTY = 1.5;

type Reader = (sentence: Sentence, candidates: readonly Candidate[]) => Draft[];

const READERS: ReadonlyArray<[Hint, Reader]> = [
  [MEETING_HINT, readMeetings],
  [PAYMENT_HINT, readPayments],
  [AFFILIATION_HINT, readAffiliations],
  [OFFICE_HINT, readOffices],
  [REPORTING_HINT, readReporting],
  [RECRUITMENT_HINT, readRecruitments],
  [RESTRICTION_HINT, readRestrictions],
];

/**
 * Every relation the text states. `mentions` are what `findMentions(text,
 * { language })` returns for the same text (or the stored mentions with the
 * same spans). Never throws.
 */
export function extractRelations(text: string, mentions: readonly FoundMention[], options: RelationOptions = {}): ExtractedRelation[] {
  const bounded = text.length > DEFAULT_MAX_CHARACTERS ? text.slice(0, DEFAULT_MAX_CHARACTERS) : text;
  const voice = readDocumentVoice(bounded);
  const documentMentions = prepareMentions(bounded, mentions);
  const discourse = emptyDiscourse();
  const documentDate = options.documentDate ?? null;
  const read: Array<{ relation: ExtractedRelation; sentenceIndex: number }> = [];
  const counterSurveillance: Array<{ text: string; sentenceIndex: number }> = [];
  const spans = splitSentences(bounded);
  const cursor = { names: 0, money: 0, dates: 0 };
  const documentIsPersian = options.language === "fa" || options.language === "ar";
  spans.forEach((span, sentenceIndex) => {
    const sentence = sentenceAt(bounded, span, documentMentions, cursor, voice, discourse, documentIsPersian);
    if (span.end - span.start <= MAX_SENTENCE_LENGTH) {
      const readers = READERS.filter(([hint]) => mayHold(sentence, hint));
      const candidates = readers.length > 0 ? findCandidates(sentence) : [];
      for (const [, reader] of readers) {
        for (const draft of reader(sentence, candidates)) {
          const relation = toRelation(sentence, draft, documentDate);
          read.push({ relation, sentenceIndex });
          if (relation.type === "meeting") discourse.lastMeeting = relation.participants.filter((participant) => participant.role === "participant");
        }
      }
      const described = sentence.header ? undefined : findCounterSurveillance(sentence);
      if (described) counterSurveillance.push({ text: described, sentenceIndex });
    }
    observe(discourse, sentence);
  });
  attachCounterSurveillance(read, counterSurveillance);
  return withoutRepeats(read.map((entry) => entry.relation)).sort((a, b) => a.evidence.start - b.evidence.start);
}

/** The sentence at `span`, with its mentions; `cursor` walks the sorted mentions once over the whole document. */
function sentenceAt(
  text: string,
  span: SentenceSpan,
  mentions: DocumentMentions,
  cursor: { names: number; money: number; dates: number },
  voice: Sentence["voice"],
  discourse: Sentence["discourse"],
  documentIsPersian: boolean,
): Sentence {
  const body = text.slice(span.start, span.end);
  const persian = isPersianScript(body, documentIsPersian);
  return {
    text,
    start: span.start,
    end: span.end,
    body,
    persian,
    persianKey: persian ? persianKey(body) : "",
    header: isHeaderLine(body),
    names: inside(mentions.names, span, cursor, "names"),
    money: inside(mentions.money, span, cursor, "money"),
    dates: inside(mentions.dates, span, cursor, "dates"),
    placeKeys: mentions.placeKeys,
    voice,
    discourse,
  };
}

function inside<T extends { start: number; end: number }>(list: readonly T[], span: SentenceSpan, cursor: Record<"names" | "money" | "dates", number>, key: "names" | "money" | "dates"): T[] {
  while (cursor[key] < list.length && list[cursor[key]]!.start < span.start) cursor[key]++;
  const found: T[] = [];
  for (let i = cursor[key]; i < list.length && list[i]!.start < span.end; i++) if (list[i]!.end <= span.end) found.push(list[i]!);
  return found;
}

/** Counter-surveillance is told beside the meeting, not in its sentence: it goes to the nearest meeting, the one before first. */
function attachCounterSurveillance(read: ReadonlyArray<{ relation: ExtractedRelation; sentenceIndex: number }>, described: ReadonlyArray<{ text: string; sentenceIndex: number }>): void {
  for (const { text, sentenceIndex } of described) {
    let best: { relation: ExtractedRelation; distance: number } | undefined;
    for (const entry of read) {
      if (entry.relation.type !== "meeting") continue;
      const offset = sentenceIndex - entry.sentenceIndex;
      const distance = offset >= 0 ? offset : -offset + FOLLOWING_MEETING_PENALTY;
      if (Math.abs(offset) <= COUNTER_SURVEILLANCE_REACH && (!best || distance < best.distance)) best = { relation: entry.relation, distance };
    }
    if (!best) continue;
    const current = best.relation.counterSurveillance;
    best.relation.counterSurveillance = current ? `${current}; ${text}` : text;
  }
}

function withoutRepeats(relations: ExtractedRelation[]): ExtractedRelation[] {
  const kept = new Map<string, ExtractedRelation>();
  for (const relation of relations) {
    const key = JSON.stringify([relation.type, relation.evidence.start, relation.roles, relation.amount, relation.currency]);
    const previous = kept.get(key);
    if (previous && previous.confidence >= relation.confidence) continue;
    if (previous?.counterSurveillance !== undefined && relation.counterSurveillance === undefined) relation.counterSurveillance = previous.counterSurveillance;
    kept.set(key, relation);
  }
  return [...kept.values()];
}
